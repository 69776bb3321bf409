namespace GrantPortal.Core.Awards;

public enum AgreementStatus
{
    /// <summary>The grantee is working through the checklist.</summary>
    Draft,

    /// <summary>The checklist is complete and sent to the officer.</summary>
    Submitted,

    /// <summary>The officer sent it back with a reason; the grantee corrects and submits again.</summary>
    Returned,

    /// <summary>The grant decision (교부결정) is issued: payments may be recorded.</summary>
    Decided,
}

/// <summary>
/// What the grantee does before the grant decision (교부): accept the call's award conditions, register the dedicated
/// account (with its bank-book copy) and sign the pledge (서약서); then the officer issues the decision. One per award.
/// </summary>
public sealed class GrantAgreement : IVersioned
{
    public const int NameLength = 100;
    public const int ReasonLength = 2000;

    public int Id { get; private set; }

    public int AwardId { get; set; }

    public AgreementStatus Status { get; set; }

    public Instant? ConditionsAcceptedAt { get; set; }

    public string? ConditionsAcceptedById { get; set; }

    public string? PledgeSignerName { get; set; }

    public string? PledgeSignerPosition { get; set; }

    public Instant? PledgeSignedAt { get; set; }

    public string? PledgeSignedById { get; set; }

    public Instant? SubmittedAt { get; set; }

    public string? SubmittedById { get; set; }

    public Instant? ReturnedAt { get; set; }

    public string? ReturnedById { get; set; }

    public string? ReturnReason { get; set; }

    public Instant? DecidedAt { get; set; }

    public string? DecidedById { get; set; }

    public int Version { get; set; }

    public bool ConditionsAccepted => ConditionsAcceptedAt is not null;

    public bool PledgeSigned => PledgeSignedAt is not null;

    /// <summary>The grantee may still change the checklist: before submitting, or after the officer returned it.</summary>
    public bool IsEditable => Status is AgreementStatus.Draft or AgreementStatus.Returned;
}

internal sealed class GrantAgreementConfiguration : IEntityTypeConfiguration<GrantAgreement>
{
    public void Configure(EntityTypeBuilder<GrantAgreement> builder)
    {
        builder.HasOne<Award>().WithMany().HasForeignKey(a => a.AwardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.AwardId).IsUnique();
        builder.HasIndex(a => a.Status);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ConditionsAcceptedById).HasMaxLength(64);
        builder.Property(a => a.PledgeSignerName).HasMaxLength(GrantAgreement.NameLength);
        builder.Property(a => a.PledgeSignerPosition).HasMaxLength(GrantAgreement.NameLength);
        builder.Property(a => a.PledgeSignedById).HasMaxLength(64);
        builder.Property(a => a.SubmittedById).HasMaxLength(64);
        builder.Property(a => a.ReturnedById).HasMaxLength(64);
        builder.Property(a => a.ReturnReason).HasMaxLength(GrantAgreement.ReasonLength);
        builder.Property(a => a.DecidedById).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.ConditionsAccepted);
        builder.Ignore(a => a.PledgeSigned);
        builder.Ignore(a => a.IsEditable);
    }
}
