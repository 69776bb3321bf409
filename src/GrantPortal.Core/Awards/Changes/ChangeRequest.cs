namespace GrantPortal.Core.Awards;

public enum ChangeKind
{
    /// <summary>Money from one budget line to another (비목 간 전용).</summary>
    BudgetMove,

    /// <summary>The project period or schedule.</summary>
    Period,

    /// <summary>The activities the project carries out.</summary>
    Activities,
}

public enum ChangeStatus
{
    /// <summary>A small move recorded as a notice: in effect at once, nobody decides it.</summary>
    Noted,

    /// <summary>Waiting for the officer.</summary>
    Pending,

    Approved,

    Refused,
}

/// <summary>A grantee's request to change its funded project (변경승인 신청), with its reason and the officer's answer.</summary>
public sealed class ChangeRequest : IVersioned
{
    public int Id { get; private set; }

    public int AwardId { get; set; }

    public ChangeKind Kind { get; set; }

    public ChangeStatus Status { get; set; }

    public int? FromBudgetLineId { get; set; }

    public int? ToBudgetLineId { get; set; }

    /// <summary>The money moved; zero for a change of period or activities.</summary>
    public Krw Amount { get; set; }

    public LocalDate? StartDate { get; set; }

    public LocalDate? EndDate { get; set; }

    public string? Activities { get; set; }

    public string Reason { get; set; } = "";

    public Instant RequestedAt { get; set; }

    public string RequestedById { get; set; } = "";

    public string RequestedByName { get; set; } = "";

    public Instant? DecidedAt { get; set; }

    public string? DecidedById { get; set; }

    public string? DecisionReason { get; set; }

    /// <summary>The budget version the change made, once in effect.</summary>
    public int? ResultingVersion { get; set; }

    public int Version { get; set; }
}

internal sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> builder)
    {
        builder.HasOne<Award>().WithMany().HasForeignKey(r => r.AwardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
        builder.HasIndex(r => r.AwardId);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Activities).HasMaxLength(4000);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.DecisionReason).HasMaxLength(2000);
        builder.Property(r => r.RequestedById).HasMaxLength(64);
        builder.Property(r => r.RequestedByName).HasMaxLength(200);
        builder.Property(r => r.DecidedById).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
