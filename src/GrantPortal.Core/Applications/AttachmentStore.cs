using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Applications;

/// <summary>Where attachments are kept and how large they may be.</summary>
public sealed class AttachmentOptions : IValidatableObject
{
    public const string Section = "Attachments";

    /// <summary>Relative paths are resolved against the content root given to <see cref="ApplicationsRegistration.AddApplications"/>.</summary>
    [Required]
    public string Directory { get; set; } = "App_Data/attachments";

    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxApplicationBytes { get; set; } = 50L * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxApplicationBytes < MaxFileBytes)
        {
            yield return new ValidationResult("Attachments:MaxApplicationBytes must be at least Attachments:MaxFileBytes.", [nameof(MaxApplicationBytes)]);
        }
    }
}

/// <summary>A file a reader may download: its content and the cleaned name to offer.</summary>
public sealed record AttachmentDownload(Stream Content, string DisplayName, string ContentType, long SizeBytes) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>
/// The stored files: application attachments and report receipts read back under the same authorization as their
/// owner, and a report's receipts taken in through the <see cref="UploadPipeline"/>.
/// </summary>
public sealed class AttachmentStore(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<Strings> localizer,
    IOptions<AttachmentOptions> options,
    UploadPipeline uploads,
    ILogger<AttachmentStore> logger)
{
    /// <summary>
    /// Stores a receipt for a project report under the same rules as an application's attachments: type from
    /// content, size while streaming, and the same total per report as per application. The caller (the report's
    /// receipt upload) has already checked that the reader owns a report they can still edit.
    /// </summary>
    internal Task<Result<AttachmentView>> UploadReceiptAsync(CurrentUser user, int reportId, string fileName, Stream content, CancellationToken ct) =>
        uploads.StoreAsync(user, UploadOwner.ForReport(reportId), fileName, content, ct);

    /// <summary>Stores a bank-book copy (통장사본) for an account the caller checked belongs to the reader's award.</summary>
    internal Task<Result<AttachmentView>> UploadBankBookAsync(CurrentUser user, int bankAccountId, string fileName, Stream content, CancellationToken ct) =>
        uploads.StoreAsync(user, UploadOwner.ForBankAccount(bankAccountId), fileName, content, ct);

    /// <summary>Stores evidence of a spending line the caller checked belongs to a report the reader can still edit.</summary>
    internal Task<Result<AttachmentView>> UploadEvidenceAsync(CurrentUser user, int reportId, int spendingLineId, EvidenceKind kind, string fileName, Stream content, CancellationToken ct) =>
        uploads.StoreAsync(user, UploadOwner.ForSpendingEvidence(reportId, spendingLineId, kind), fileName, content, ct);

    /// <summary>Stores the verifier's report on an award the caller checked the officer may settle.</summary>
    internal Task<Result<AttachmentView>> UploadVerificationAsync(CurrentUser user, int awardId, string fileName, Stream content, CancellationToken ct) =>
        uploads.StoreAsync(user, UploadOwner.ForVerification(awardId), fileName, content, ct);

    /// <summary>The newest verifier's report of an award, for a reader the caller has checked may read the award.</summary>
    public async Task<AttachmentDownload?> OpenVerificationAsync(int awardId, int attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(f => f.Id == attachmentId && f.VerificationAwardId == awardId, ct);
        var path = attachment is null ? null : Path.Combine(options.Value.Directory, attachment.StoredName);
        if (attachment is null || !File.Exists(path))
        {
            return null;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return new AttachmentDownload(stream, attachment.DisplayName, FileSignatures.ContentType(attachment.Kind), attachment.SizeBytes);
    }

    /// <summary>An account's bank-book copy for a reader the caller has checked may read the award.</summary>
    public async Task<AttachmentDownload?> OpenBankBookAsync(int bankAccountId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.Attachments.AsNoTracking().Where(f => f.BankAccountId == bankAccountId).OrderByDescending(f => f.Id).FirstOrDefaultAsync(ct);
        var path = attachment is null ? null : Path.Combine(options.Value.Directory, attachment.StoredName);
        if (attachment is null || !File.Exists(path))
        {
            return null;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return new AttachmentDownload(stream, attachment.DisplayName, FileSignatures.ContentType(attachment.Kind), attachment.SizeBytes);
    }

    /// <summary>A report's receipt for a reader the caller has checked (<see cref="Reporting.ReportService.CanReadReceiptAsync"/>).</summary>
    public async Task<AttachmentDownload?> OpenReceiptAsync(int attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(f => f.Id == attachmentId && f.ProjectReportId != null, ct);
        var path = attachment is null ? null : Path.Combine(options.Value.Directory, attachment.StoredName);
        if (attachment is null || !File.Exists(path))
        {
            return null;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return new AttachmentDownload(stream, attachment.DisplayName, FileSignatures.ContentType(attachment.Kind), attachment.SizeBytes);
    }

    /// <summary>
    /// The file, or null when it does not exist or the reader may not see its application. The application's
    /// organization and officers may; so may its assigned reviewer once they declared no conflict, and while no
    /// conflict is in force. In a blind call the reviewer gets a neutral file name, since names often carry the
    /// organization's.
    /// </summary>
    public async Task<AttachmentDownload?> OpenAsync(CurrentUser user, int attachmentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Applications.VisibleTo(user).Select(a => (int?)a.Id);
        var attachment = await db.Attachments.AsNoTracking()
            .Where(f => f.Id == attachmentId && visible.Contains(f.ApplicationId))
            .SingleOrDefaultAsync(ct);
        var displayName = attachment?.DisplayName;
        if (attachment is null && user.IsIn(Roles.Reviewer))
        {
            var candidate = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(f => f.Id == attachmentId && f.ApplicationId != null, ct);
            if (candidate is not null && await Reviews.ReviewerAccess.BlindnessForReviewerAsync(db, user, candidate.ApplicationId!.Value, ct) is { } blind)
            {
                attachment = candidate;
                displayName = blind ? BlindFileName(candidate.Kind, await OrdinalAsync(db, candidate, ct)) : candidate.DisplayName;
            }
        }

        if (attachment is null || displayName is null)
        {
            return null;
        }

        var path = Path.Combine(options.Value.Directory, attachment.StoredName);
        if (!File.Exists(path))
        {
            logger.LogError("Attachment {AttachmentId} is recorded but its file {StoredName} is missing", attachment.Id, attachment.StoredName);
            return null;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return new AttachmentDownload(stream, displayName, FileSignatures.ContentType(attachment.Kind), attachment.SizeBytes);
    }

    /// <summary>The file name a blind reviewer downloads: "attachment-2.pdf".</summary>
    internal string BlindFileName(AttachmentKind kind, int ordinal) =>
        string.Create(CultureInfo.InvariantCulture, $"{localizer["Reviews_BlindAttachmentFile"]}-{ordinal}{FileSignatures.Extension(kind)}");

    /// <summary>1 for an application's first file, 2 for its second: the order the reviewer's page lists them in.</summary>
    private static Task<int> OrdinalAsync(PortalDbContext db, Attachment attachment, CancellationToken ct) =>
        db.Attachments.CountAsync(f => f.ApplicationId == attachment.ApplicationId && f.Id <= attachment.Id, ct);

    public static string FormatBytes(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}
