namespace GrantPortal.Core.Applications;

/// <summary>The file types the portal accepts, identified from content, never from the name.</summary>
public enum AttachmentKind
{
    Pdf,
    Docx,
    Xlsx,
    Hwp,
    Hwpx,
    Jpeg,
    Png,
}

/// <summary>The proof of a spending line the settlement accepts.</summary>
public enum EvidenceKind
{
    /// <summary>세금계산서</summary>
    TaxInvoice,

    /// <summary>카드전표</summary>
    CardSlip,

    /// <summary>계좌이체 확인증</summary>
    TransferConfirmation,
}

public static class AttachmentKinds
{
    /// <summary>The format's own name ("PDF", "HWP"), the same in Korean and English.</summary>
    public static string Label(this AttachmentKind kind) => kind.ToString().ToUpperInvariant();
}

/// <summary>
/// A file attached to an application or a project report. The stored name is generated;
/// the name the user gave is kept only (cleaned) for display.
/// </summary>
public sealed class Attachment
{
    public int Id { get; private set; }

    public int? ApplicationId { get; set; }

    public int? ProjectReportId { get; set; }

    /// <summary>For a bank-book copy (통장사본): the award's account it shows.</summary>
    public int? BankAccountId { get; set; }

    /// <summary>For spending evidence (증빙): the spending line of a report it proves; <see cref="ProjectReportId"/> is set too.</summary>
    public int? SpendingLineId { get; set; }

    /// <summary>What kind of evidence a spending line's file is; null for every other file.</summary>
    public EvidenceKind? Evidence { get; set; }

    /// <summary>For the external verifier's report (검증 보고서) on an award's settlement: the award.</summary>
    public int? VerificationAwardId { get; set; }

    /// <summary>For a file question of the application form: the question's key; null for the general attachments.</summary>
    public string? QuestionKey { get; set; }

    public string StoredName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public AttachmentKind Kind { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Sha256 { get; set; } = "";

    public string UploadedById { get; set; } = "";

    public Instant UploadedAt { get; set; }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.StoredName).HasMaxLength(64);
        builder.HasIndex(a => a.StoredName).IsUnique();
        builder.Property(a => a.DisplayName).HasMaxLength(255);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.UploadedById).HasMaxLength(64);
        builder.Property(a => a.QuestionKey).HasMaxLength(64);
        builder.Property(a => a.Evidence).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Awards.Award>().WithMany().HasForeignKey(a => a.VerificationAwardId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Awards.BankAccount>().WithMany().HasForeignKey(a => a.BankAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
