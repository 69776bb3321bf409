using GrantPortal.Core.Recommendations;

namespace GrantPortal.Core.Awards;

public enum AwardStatus
{
    Active,
    Completed,
    Cancelled,
}

/// <summary>A funded project: money committed from a call's envelope to one application.</summary>
public sealed class Award : IVersioned
{
    public int Id { get; private set; }

    public int ApplicationId { get; set; }

    public Application? Application { get; set; }

    /// <summary>Copied from the application so budget sums need no join.</summary>
    public int CallId { get; set; }

    public int OrganizationId { get; set; }

    public Krw Amount { get; set; }

    /// <summary>Why the amount is below the request; required when it is.</summary>
    public string? ReductionReason { get; set; }

    public string Conditions { get; set; } = "";

    public AwardStatus Status { get; set; }

    public Instant AwardedAt { get; set; }

    public string AwardedById { get; set; } = "";

    public Instant? CancelledAt { get; set; }

    public string? CancellationReason { get; set; }

    /// <summary>Money the grantee gave back (unspent or recovered), recorded by finance.</summary>
    public Krw ReturnedAmount { get; set; }

    /// <summary>The day (Asia/Seoul) the officer confirmed the settlement (정산) and closed the award; nothing is paid or changed after it.</summary>
    public LocalDate? ClosedOn { get; set; }

    public int Version { get; set; }

    public List<Tranche> Tranches { get; } = [];

    public List<ProjectReport> Reports { get; } = [];

    public List<AwardRecommendation> Recommendations { get; } = [];

    /// <summary>What the award holds against the envelope: nothing once cancelled.</summary>
    public Krw Committed => Status == AwardStatus.Cancelled ? Krw.Zero : Amount;
}

public sealed class AwardRecommendation
{
    public int AwardId { get; set; }

    public int RecommendationId { get; set; }

    public Recommendation? Recommendation { get; set; }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> builder)
    {
        builder.HasOne(a => a.Application).WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ApplicationId).IsUnique();
        builder.HasOne<Calls.Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CallId, a.Status });
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ReductionReason).HasMaxLength(2000);
        builder.Property(a => a.Conditions).HasMaxLength(4000);
        builder.Property(a => a.CancellationReason).HasMaxLength(2000);
        builder.Property(a => a.AwardedById).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Committed);
        builder.HasMany(a => a.Tranches).WithOne().HasForeignKey(t => t.AwardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Reports).WithOne().HasForeignKey(r => r.AwardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Recommendations).WithOne().HasForeignKey(r => r.AwardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AwardRecommendationConfiguration : IEntityTypeConfiguration<AwardRecommendation>
{
    public void Configure(EntityTypeBuilder<AwardRecommendation> builder)
    {
        builder.HasKey(r => new { r.AwardId, r.RecommendationId });
        builder.HasOne(r => r.Recommendation).WithMany().HasForeignKey(r => r.RecommendationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.RecommendationId);
    }
}
