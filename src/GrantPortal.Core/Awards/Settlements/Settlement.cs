namespace GrantPortal.Core.Awards;

/// <summary>Where the money a settlement asks back stands: nothing to return, owed, recorded by one finance user, confirmed by another.</summary>
public enum ReturnStatus
{
    None,
    Owed,
    Recorded,
    Received,
}

/// <summary>
/// The confirmed settlement (정산) of an award: the figures the officer confirmed from the final report's settlement
/// sheet, which closed the award, and the money it asks back as a receivable on the finance worklist. One per award
/// (a unique index), so two confirmations at once cannot both close it.
/// </summary>
public sealed class Settlement : IVersioned
{
    public int Id { get; private set; }

    /// <summary>The settlement of <paramref name="sheet"/>, confirmed now: owed when it asks anything back.</summary>
    public static Settlement Confirm(int awardId, int reportId, SettlementSheet sheet, bool verificationRequired, Instant confirmedAt, string confirmedById)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return new Settlement
        {
            AwardId = awardId,
            ProjectReportId = reportId,
            GrantPaid = sheet.GrantPaid,
            ReturnedBefore = sheet.ReturnedBefore,
            EligibleGrantSpent = sheet.EligibleGrantSpent,
            Interest = sheet.Interest,
            AmountToReturn = sheet.AmountToReturn,
            VerificationRequired = verificationRequired,
            ConfirmedAt = confirmedAt,
            ConfirmedById = confirmedById,
            ReturnStatus = sheet.AmountToReturn.IsZero ? ReturnStatus.None : ReturnStatus.Owed,
        };
    }

    public int AwardId { get; set; }

    public int ProjectReportId { get; set; }

    /// <summary>Payments marked paid on the award when it was settled.</summary>
    public Krw GrantPaid { get; set; }

    /// <summary>What finance had already recorded as returned before the settlement (<see cref="Award.ReturnedAmount"/>).</summary>
    public Krw ReturnedBefore { get; set; }

    public Krw EligibleGrantSpent { get; set; }

    public Krw Interest { get; set; }

    public Krw AmountToReturn { get; set; }

    public bool VerificationRequired { get; set; }

    public Instant ConfirmedAt { get; set; }

    public string ConfirmedById { get; set; } = "";

    public ReturnStatus ReturnStatus { get; set; }

    /// <summary>The day the money reached the ministry's account, as the recording finance user entered it.</summary>
    public LocalDate? ReturnReceivedOn { get; set; }

    public string? ReturnReference { get; set; }

    public string? ReturnRecordedById { get; set; }

    public Instant? ReturnRecordedAt { get; set; }

    public string? ReturnConfirmedById { get; set; }

    public Instant? ReturnConfirmedAt { get; set; }

    public int Version { get; set; }
}

internal sealed class SettlementConfiguration : IEntityTypeConfiguration<Settlement>
{
    public void Configure(EntityTypeBuilder<Settlement> builder)
    {
        builder.HasOne<Award>().WithMany().HasForeignKey(s => s.AwardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.AwardId).IsUnique();
        builder.HasOne<ProjectReport>().WithMany().HasForeignKey(s => s.ProjectReportId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(s => s.ConfirmedById).HasMaxLength(64);
        builder.Property(s => s.ReturnRecordedById).HasMaxLength(64);
        builder.Property(s => s.ReturnConfirmedById).HasMaxLength(64);
        builder.Property(s => s.ReturnReference).HasMaxLength(100);
        builder.Property(s => s.ReturnStatus).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => s.ReturnStatus);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
