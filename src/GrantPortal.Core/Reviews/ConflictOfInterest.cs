namespace GrantPortal.Core.Reviews;

public enum ConflictSource
{
    /// <summary>The reviewer declared it.</summary>
    Declared,
    /// <summary>A declared affiliation with the applicant.</summary>
    DetectedAffiliation,
    /// <summary>The reviewer's email domain is the applicant organization's.</summary>
    DetectedEmailDomain,
    /// <summary>The reviewer is a member of the applying organization.</summary>
    DetectedMembership,
    /// <summary>An officer recorded it.</summary>
    Officer,
}

/// <summary>A reviewer who must not see or score an application, unless an officer lifted the conflict.</summary>
public sealed class ConflictOfInterest
{
    public int Id { get; private set; }

    public int ApplicationId { get; set; }

    public string ReviewerId { get; set; } = "";

    public ConflictSource Source { get; set; }

    public string? Reason { get; set; }

    /// <summary>Pinned by an officer: the reviewer cannot lift it.</summary>
    public bool IsPinned { get; set; }

    public Instant RecordedAt { get; set; }

    public string? RecordedById { get; set; }

    /// <summary>An officer lifted a detected conflict, with a reason.</summary>
    public Instant? LiftedAt { get; set; }

    public string? LiftedById { get; set; }

    public string? LiftReason { get; set; }

    public bool IsActive => LiftedAt is null;
}

internal sealed class ConflictOfInterestConfiguration : IEntityTypeConfiguration<ConflictOfInterest>
{
    public void Configure(EntityTypeBuilder<ConflictOfInterest> builder)
    {
        builder.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(c => c.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.Property(c => c.LiftReason).HasMaxLength(2000);
        builder.Property(c => c.RecordedById).HasMaxLength(64);
        builder.Property(c => c.LiftedById).HasMaxLength(64);
        builder.HasIndex(c => new { c.ApplicationId, c.ReviewerId, c.Source }).IsUnique();
        builder.Ignore(c => c.IsActive);
    }
}
