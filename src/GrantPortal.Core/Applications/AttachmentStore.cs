using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GrantPortal.Core.Applications;

/// <summary>Where attachments are kept and how large they may be.</summary>
public sealed class AttachmentOptions : IValidatableObject
{
    public const string Section = "Attachments";

    /// <summary>Relative paths are resolved against the content root given to <see cref="PortalServices.AddPortalApplications"/>.</summary>
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

public sealed record AttachmentUploadResult(AttachmentView? Attachment, string? Error)
{
    public bool Succeeded => Attachment is not null;
}

/// <summary>A file a reader may download: its content and the cleaned name to offer.</summary>
public sealed record AttachmentDownload(Stream Content, string DisplayName, string ContentType, long SizeBytes) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>
/// Keeps application attachments on disk under generated names, after checking their type from content and
/// their size while streaming. Reads and writes pass the same authorization as the application itself.
/// </summary>
public sealed class AttachmentStore(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    IOptions<AttachmentOptions> options,
    ILogger<AttachmentStore> logger)
{
    public async Task<AttachmentUploadResult> UploadAsync(CurrentUser user, int applicationId, string fileName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(content);
        var settings = options.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.AsNoTracking().VisibleTo(user)
            .Where(a => a.Id == applicationId)
            .Select(a => new { a.OrganizationId, a.Status })
            .SingleOrDefaultAsync(ct);
        if (application is null || !ApplicationService.IsOwner(user, application.OrganizationId))
        {
            return Refused("Application_NotFound");
        }

        if (application.Status != ApplicationStatus.Draft)
        {
            return Refused("Application_NotEditable");
        }

        var displayName = FileSignatures.SanitizeDisplayName(fileName);
        if (FileSignatures.KindForExtension(displayName) is not { } declared)
        {
            return Refused("Attachment_TypeNotAllowed");
        }

        System.IO.Directory.CreateDirectory(settings.Directory);
        var storedName = Guid.NewGuid().ToString("N");
        var path = Path.Combine(settings.Directory, storedName);
        var partial = path + ".part";
        try
        {
            long size;
            string sha256;
            DetectedContent detected;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                var copied = await CopyWithLimitAsync(content, file, settings.MaxFileBytes, ct);
                if (copied is null)
                {
                    return Refused("Attachment_TooLarge", FormatBytes(settings.MaxFileBytes));
                }

                (size, sha256) = copied.Value;
                if (size == 0)
                {
                    return Refused("Attachment_Empty");
                }

                detected = FileSignatures.Detect(file);
            }

            if (detected == DetectedContent.Executable)
            {
                logger.LogWarning("Refused an executable named {DisplayName} for application {ApplicationId} from {UserId}", displayName, applicationId, user.UserId);
                return Refused("Attachment_Executable");
            }

            if (FileSignatures.ToKind(detected) is not { } kind)
            {
                return Refused("Attachment_UnknownContent");
            }

            if (kind != declared)
            {
                return Refused("Attachment_ContentMismatch", FileSignatures.ContentType(kind));
            }

            // The space check, the draft check and the insert run under the application's row lock (a write that
            // leaves its version unchanged): two uploads at once cannot both fit into the space left for one, and a
            // file cannot slip in after a submission that happened while it was uploading.
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, a => a.Version), ct);
                if (await db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync(ct) != ApplicationStatus.Draft)
                {
                    return Refused("Application_NotEditable");
                }

                var used = await db.Attachments.Where(f => f.ApplicationId == applicationId).SumAsync(f => (long?)f.SizeBytes, ct) ?? 0;
                if (used + size > settings.MaxApplicationBytes)
                {
                    return Refused("Attachment_ApplicationFull", FormatBytes(settings.MaxApplicationBytes));
                }

                if (!File.Exists(path))
                {
                    File.Move(partial, path);
                }

                var now = clock.GetCurrentInstant();
                var attachment = new Attachment
                {
                    ApplicationId = applicationId,
                    StoredName = storedName,
                    DisplayName = displayName,
                    Kind = kind,
                    SizeBytes = size,
                    Sha256 = sha256,
                    UploadedById = user.UserId,
                    UploadedAt = now,
                };
                db.Attachments.Add(attachment);
                await db.SaveChangesAsync(ct);
                db.AuditEvents.Add(AuditEvent.Record(
                    now,
                    user.AsActor(),
                    "attachment.uploaded",
                    nameof(Attachment),
                    attachment.Id.ToString(CultureInfo.InvariantCulture),
                    after: JsonSerializer.Serialize(new { applicationId, displayName, Kind = kind.ToString(), size, sha256 })));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new AttachmentUploadResult(ApplicationService.ToView(attachment), null);
            });
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
    /// Stores a receipt for a project report under the same rules as an application's attachments: type from
    /// content, size while streaming, and the same total per report as per application. The caller
    /// (<see cref="Reporting.ReportService.UploadReceiptAsync"/>) has already checked the reader owns an editable report.
    /// </summary>
    internal async Task<AttachmentUploadResult> UploadReceiptAsync(CurrentUser user, int reportId, string fileName, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var settings = options.Value;
        var displayName = FileSignatures.SanitizeDisplayName(fileName);
        if (FileSignatures.KindForExtension(displayName) is not { } declared)
        {
            return Refused("Attachment_TypeNotAllowed");
        }

        System.IO.Directory.CreateDirectory(settings.Directory);
        var storedName = Guid.NewGuid().ToString("N");
        var path = Path.Combine(settings.Directory, storedName);
        var partial = path + ".part";
        try
        {
            long size;
            string sha256;
            DetectedContent detected;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                var copied = await CopyWithLimitAsync(content, file, settings.MaxFileBytes, ct);
                if (copied is null)
                {
                    return Refused("Attachment_TooLarge", FormatBytes(settings.MaxFileBytes));
                }

                (size, sha256) = copied.Value;
                if (size == 0)
                {
                    return Refused("Attachment_Empty");
                }

                detected = FileSignatures.Detect(file);
            }

            if (detected == DetectedContent.Executable)
            {
                logger.LogWarning("Refused an executable named {DisplayName} for report {ReportId} from {UserId}", displayName, reportId, user.UserId);
                return Refused("Attachment_Executable");
            }

            if (FileSignatures.ToKind(detected) is not { } kind)
            {
                return Refused("Attachment_UnknownContent");
            }

            if (kind != declared)
            {
                return Refused("Attachment_ContentMismatch", FileSignatures.ContentType(kind));
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);

                // The report's row lock (a write that leaves its version unchanged) keeps two uploads from both filling the last space.
                await db.ProjectReports.Where(r => r.Id == reportId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version), ct);
                var used = await db.Attachments.Where(f => f.ProjectReportId == reportId).SumAsync(f => (long?)f.SizeBytes, ct) ?? 0;
                if (used + size > settings.MaxApplicationBytes)
                {
                    return Refused("Attachment_ApplicationFull", FormatBytes(settings.MaxApplicationBytes));
                }

                if (!File.Exists(path))
                {
                    File.Move(partial, path);
                }

                var now = clock.GetCurrentInstant();
                var attachment = new Attachment
                {
                    ProjectReportId = reportId,
                    StoredName = storedName,
                    DisplayName = displayName,
                    Kind = kind,
                    SizeBytes = size,
                    Sha256 = sha256,
                    UploadedById = user.UserId,
                    UploadedAt = now,
                };
                db.Attachments.Add(attachment);
                await db.SaveChangesAsync(ct);
                db.AuditEvents.Add(AuditEvent.Record(
                    now,
                    user.AsActor(),
                    "receipt.uploaded",
                    nameof(Attachment),
                    attachment.Id.ToString(CultureInfo.InvariantCulture),
                    after: JsonSerializer.Serialize(new { reportId, displayName, Kind = kind.ToString(), size, sha256 })));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new AttachmentUploadResult(ApplicationService.ToView(attachment), null);
            });
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

    /// <summary>Removes a file from a draft; null on success, otherwise the reason.</summary>
    public async Task<string?> DeleteAsync(CurrentUser user, int attachmentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Attachments
            .Join(db.Applications.VisibleTo(user), f => f.ApplicationId, a => (int?)a.Id, (f, a) => new { File = f, a.OrganizationId, a.Status })
            .SingleOrDefaultAsync(x => x.File.Id == attachmentId, ct);
        if (found is null || !ApplicationService.IsOwner(user, found.OrganizationId))
        {
            return localizer["Application_NotFound"];
        }

        if (found.Status != ApplicationStatus.Draft)
        {
            return localizer["Application_NotEditable"];
        }

        db.Attachments.Remove(found.File);
        db.AuditEvents.Add(AuditEvent.Record(
            clock.GetCurrentInstant(),
            user.AsActor(),
            "attachment.deleted",
            nameof(Attachment),
            found.File.Id.ToString(CultureInfo.InvariantCulture),
            before: JsonSerializer.Serialize(new { found.File.ApplicationId, found.File.DisplayName, found.File.Sha256 })));
        await db.SaveChangesAsync(ct);
        File.Delete(Path.Combine(options.Value.Directory, found.File.StoredName));
        return null;
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; null as soon as the source proves longer.</summary>
    private static async Task<(long Size, string Sha256)?> CopyWithLimitAsync(Stream source, Stream target, long limit, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
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
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        await target.FlushAsync(ct);
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private AttachmentUploadResult Refused(string key, params object[] arguments) => new(null, localizer[key, arguments]);

    public static string FormatBytes(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}
