using System.Linq.Expressions;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Applications;

/// <summary>
/// The one way a file enters the portal, for application attachments and report receipts alike: a cleaned display
/// name with an accepted extension, the size checked while streaming, the type read from the content and matched
/// with the name, a SHA-256 hash, a generated stored name, and the owner's space checked and the file recorded
/// under the owner's row lock. The caller has checked that the reader may add files to the owner.
/// </summary>
public sealed class UploadPipeline(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    IOptions<AttachmentOptions> options,
    ILogger<UploadPipeline> logger)
{
    private const int BufferSize = 81920;

    internal async Task<Result<AttachmentView>> StoreAsync(CurrentUser user, UploadOwner owner, string fileName, Stream content, CancellationToken ct, FileQuestionSlot? question = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(content);
        var settings = options.Value;
        var displayName = FileSignatures.SanitizeDisplayName(fileName);
        if (FileSignatures.KindForExtension(displayName) is not { } declared)
        {
            return Refused("Attachment_TypeNotAllowed");
        }

        if (question?.Refuses(declared) == true)
        {
            return Refused("Answers_FileKindNotAccepted", question.Label, question.KindsText, declared.Label());
        }

        Directory.CreateDirectory(settings.Directory);
        var storedName = Guid.NewGuid().ToString("N");
        var path = Path.Combine(settings.Directory, storedName);
        var partial = path + ".part";
        try
        {
            if (await ReceiveAsync(content, partial, settings.MaxFileBytes, ct) is not { } received)
            {
                return Refused("Attachment_TooLarge", AttachmentStore.FormatBytes(settings.MaxFileBytes));
            }

            if (received.Size == 0)
            {
                return Refused("Attachment_Empty");
            }

            if (received.Content == DetectedContent.Executable)
            {
                logger.LogWarning("Refused an executable named {DisplayName} for {Owner} from {UserId}", displayName, owner.Lock, user.UserId);
                return Refused("Attachment_Executable");
            }

            if (FileSignatures.ToKind(received.Content) is not { } kind)
            {
                return Refused("Attachment_UnknownContent");
            }

            if (kind != declared)
            {
                return Refused("Attachment_ContentMismatch", FileSignatures.ContentType(kind));
            }

            return await RecordAsync(user, owner, new StoredFile(storedName, displayName, kind, received.Size, received.Sha256), partial, path, question, ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// The space check, the owner's own check and the insert run under the owner's row lock: two uploads at once
    /// cannot both fit into the space left for one.
    /// </summary>
    private async Task<Result<AttachmentView>> RecordAsync(CurrentUser user, UploadOwner owner, StoredFile file, string partial, string path, FileQuestionSlot? question, CancellationToken ct)
    {
        var limit = options.Value.MaxApplicationBytes;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync<Result<AttachmentView>>(owner.Lock, async () =>
        {
            if (owner.RefusalUnderLock is { } check && await check(db, ct) is { } refusal)
            {
                return Refused(refusal);
            }

            // A file question takes at most its number of files; two uploads at once cannot both take the last place.
            if (question is not null && await db.Attachments.Where(owner.Files).CountAsync(f => f.QuestionKey == question.Key, ct) >= question.MaxFiles)
            {
                return Refused("Answers_TooManyFiles", question.Label, question.MaxFiles);
            }

            var used = await db.Attachments.Where(owner.Files).SumAsync(f => (long?)f.SizeBytes, ct) ?? 0;
            if (used + file.Size > limit)
            {
                return Refused("Attachment_ApplicationFull", AttachmentStore.FormatBytes(limit));
            }

            if (!File.Exists(path))
            {
                File.Move(partial, path);
            }

            var now = clock.GetCurrentInstant();
            var attachment = new Attachment
            {
                StoredName = file.StoredName,
                DisplayName = file.DisplayName,
                Kind = file.Kind,
                SizeBytes = file.Size,
                Sha256 = file.Sha256,
                UploadedById = user.UserId,
                UploadedAt = now,
                QuestionKey = question?.Key,
            };
            owner.Join(attachment);
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            var after = new Dictionary<string, object>
            {
                [owner.AuditIdName] = owner.Lock.Id,
                ["displayName"] = file.DisplayName,
                ["Kind"] = file.Kind.ToString(),
                ["size"] = file.Size,
                ["sha256"] = file.Sha256,
            };
            if (question is not null)
            {
                after["questionKey"] = question.Key;
            }

            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), owner.AuditAction, nameof(Attachment), attachment.Id.ToString(CultureInfo.InvariantCulture),
                after: JsonSerializer.Serialize(after)));
            await db.SaveChangesAsync(ct);
            return Result.Done(AttachmentView.From(attachment));
        }, ct);
    }

    /// <summary>
    /// Streams the upload into <paramref name="partial"/>, hashing as it goes, and reads its type from its first
    /// bytes; null as soon as the upload proves longer than <paramref name="limit"/>.
    /// </summary>
    private static async Task<ReceivedContent?> ReceiveAsync(Stream source, string partial, long limit, CancellationToken ct)
    {
        await using var file = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, useAsync: true);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return null;
            }

            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        await file.FlushAsync(ct);
        var detected = total == 0 ? DetectedContent.Unknown : FileSignatures.Detect(file);
        return new ReceivedContent(total, Convert.ToHexStringLower(hash.GetHashAndReset()), detected);
    }

    private Result Refused(string key, params object[] arguments) => Result.Refused(localizer[key, arguments]);

    private readonly record struct ReceivedContent(long Size, string Sha256, DetectedContent Content);

    private sealed record StoredFile(string StoredName, string DisplayName, AttachmentKind Kind, long Size, string Sha256);
}

/// <summary>
/// What an upload joins (an application's draft or a project report): the row whose lock guards its space, the
/// files already counted against that space, how a new file is tied to it, and the audit record it leaves.
/// </summary>
internal sealed record UploadOwner(RowLock Lock, Expression<Func<Attachment, bool>> Files, Action<Attachment> Join, string AuditAction, string AuditIdName)
{
    /// <summary>A last check made under the lock: the resource key of the refusal, or null to go on.</summary>
    public Func<PortalDbContext, CancellationToken, Task<string?>>? RefusalUnderLock { get; init; }

    /// <summary>An application's files; <paramref name="questionKey"/> names the file question the upload answers (null: the general attachments).</summary>
    public static UploadOwner ForApplication(int applicationId, string? questionKey = null) =>
        new(RowLock.On<Application>(applicationId), f => f.ApplicationId == applicationId, f => f.ApplicationId = applicationId, "attachment.uploaded", "applicationId")
        {
            // A file cannot slip in after a submission, or a resubmission, that happened while it was uploading.
            RefusalUnderLock = async (db, ct) =>
                await db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync(ct) == ApplicationStatus.Draft
                    || await InformationRequestRules.ReopensFilesAsync(db, applicationId, questionKey, ct) ? null : "Application_NotEditable",
        };

    /// <summary>A report's receipts share the same total as an application's attachments.</summary>
    public static UploadOwner ForReport(int reportId) =>
        new(RowLock.On<ProjectReport>(reportId), f => f.ProjectReportId == reportId, f => f.ProjectReportId = reportId, "receipt.uploaded", "reportId");

    /// <summary>
    /// Evidence (증빙) of one spending line of a report: counted with the report's receipts, and refused once the report
    /// was submitted while it was uploading.
    /// </summary>
    public static UploadOwner ForSpendingEvidence(int reportId, int spendingLineId, EvidenceKind kind) =>
        new(RowLock.On<ProjectReport>(reportId), f => f.ProjectReportId == reportId, f =>
        {
            f.ProjectReportId = reportId;
            f.SpendingLineId = spendingLineId;
            f.Evidence = kind;
        }, AuditActions.EvidenceUploaded, "reportId")
        {
            RefusalUnderLock = async (db, ct) =>
                ReportRules.IsEditable(await db.ProjectReports.Where(r => r.Id == reportId).Select(r => r.Status).SingleAsync(ct)) ? null : "Reports_NotEditable",
        };

    /// <summary>The external verifier's report (검증 보고서) on an award's settlement; refused once the award is closed.</summary>
    public static UploadOwner ForVerification(int awardId) =>
        new(RowLock.On<Awards.Award>(awardId), f => f.VerificationAwardId == awardId, f => f.VerificationAwardId = awardId, AuditActions.SettlementVerificationUploaded, "awardId")
        {
            RefusalUnderLock = async (db, ct) =>
                await db.Awards.Where(a => a.Id == awardId).Select(a => a.Status).SingleAsync(ct) == Awards.AwardStatus.Active ? null : "Settlement_AwardClosed",
        };

    /// <summary>A bank-book copy of an award's account; the caller checked the account still waits for the officer.</summary>
    public static UploadOwner ForBankAccount(int bankAccountId) =>
        new(RowLock.On<Awards.BankAccount>(bankAccountId), f => f.BankAccountId == bankAccountId, f => f.BankAccountId = bankAccountId, "bank-book.uploaded", "bankAccountId")
        {
            RefusalUnderLock = async (db, ct) =>
                await db.BankAccounts.Where(a => a.Id == bankAccountId).Select(a => a.Status).SingleAsync(ct) == Awards.BankAccountStatus.Pending ? null : "Agreement_AccountNotPending",
        };
}

/// <summary>The file question an upload answers: its key and label, the kinds it accepts (empty: every allowed kind) and how many files it takes.</summary>
internal sealed record FileQuestionSlot(string Key, string Label, IReadOnlyList<AttachmentKind> Kinds, int MaxFiles)
{
    public bool Refuses(AttachmentKind kind) => Kinds.Count > 0 && !Kinds.Contains(kind);

    public string KindsText => string.Join(", ", Kinds.Select(k => k.Label()));
}
