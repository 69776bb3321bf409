namespace GrantPortal.Core.Disbursements;

/// <summary>A planned part of an award's payment schedule, optionally waiting for a report.</summary>
public sealed class Tranche
{
    public int Id { get; private set; }

    public int AwardId { get; set; }

    public int Sequence { get; set; }

    public Krw Amount { get; set; }

    public LocalDate PlannedOn { get; set; }

    /// <summary>When set, this tranche is approved only after that report is approved.</summary>
    public int? GatingReportId { get; set; }

    public ProjectReport? GatingReport { get; set; }

    public List<Payment> Payments { get; } = [];
}

public enum PaymentStatus
{
    AwaitingApproval,
    Approved,
    Paid,
    Rejected,
}

/// <summary>Money leaving the ministry: recorded by one Finance user, approved by another, then paid.</summary>
public sealed class Payment : IVersioned
{
    public int Id { get; private set; }

    public int TrancheId { get; set; }

    public int AwardId { get; set; }

    public Krw Amount { get; set; }

    public PaymentStatus Status { get; set; }

    public string RecordedById { get; set; } = "";

    public Instant RecordedAt { get; set; }

    public string? ApprovedById { get; set; }

    public Instant? ApprovedAt { get; set; }

    public LocalDate? PaidOn { get; set; }

    public string? BankReference { get; set; }

    public string? Note { get; set; }

    /// <summary>The award's approved account when the payment was recorded; null only for payments made before accounts were kept.</summary>
    public int? BankAccountId { get; set; }

    public int Version { get; set; }

    /// <summary>What counts against the award: everything not rejected.</summary>
    public bool CountsAgainstAward => Status != PaymentStatus.Rejected;
}

internal sealed class TrancheConfiguration : IEntityTypeConfiguration<Tranche>
{
    public void Configure(EntityTypeBuilder<Tranche> builder)
    {
        builder.HasIndex(t => new { t.AwardId, t.Sequence }).IsUnique();
        builder.HasOne(t => t.GatingReport).WithMany().HasForeignKey(t => t.GatingReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Payments).WithOne().HasForeignKey(p => p.TrancheId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.HasOne<Awards.Award>().WithMany().HasForeignKey(p => p.AwardId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.RecordedById).HasMaxLength(64);
        builder.Property(p => p.ApprovedById).HasMaxLength(64);
        builder.Property(p => p.BankReference).HasMaxLength(100);
        builder.Property(p => p.Note).HasMaxLength(2000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Awards.BankAccount>().WithMany().HasForeignKey(p => p.BankAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.Status, p.RecordedAt });
        builder.Ignore(p => p.CountsAgainstAward);
    }
}
