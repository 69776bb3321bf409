using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Applications;

/// <summary>An applicant removes a file from their organization's draft; the stored file goes with it.</summary>
public sealed class DeleteAttachment(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    IOptions<AttachmentOptions> options)
{
    public async Task<Result> DeleteAsync(CurrentUser user, int attachmentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.Attachments
            .Join(db.Applications.VisibleTo(user), f => f.ApplicationId, a => (int?)a.Id, (f, a) => new { FileId = f.Id, ApplicationId = a.Id, a.OrganizationId })
            .SingleOrDefaultAsync(x => x.FileId == attachmentId, ct);
        if (owner is null || !ApplicationAccess.IsOwner(user, owner.OrganizationId))
        {
            return Result.NotFound();
        }

        // Under the application's row lock, as uploads are: a file cannot leave a draft that is being submitted.
        string? storedName = null;
        var result = await db.InTransactionAsync(RowLock.On<Application>(owner.ApplicationId), async () =>
        {
            storedName = null;
            var file = await db.Attachments.SingleOrDefaultAsync(f => f.Id == attachmentId, ct);
            if (file is null)
            {
                return Result.NotFound();
            }

            // A submitted application's file goes only while a request reopens its question; the request's snapshot keeps its name for the comparison.
            if (await db.Applications.Where(a => a.Id == owner.ApplicationId).Select(a => a.Status).SingleAsync(ct) != ApplicationStatus.Draft
                && await InformationRequestRules.FilesLockedAsync(db, owner.ApplicationId, file.QuestionKey, localizer, ct) is { } locked)
            {
                return Result.Refused(locked);
            }

            db.Attachments.Remove(file);
            db.AuditEvents.Add(AuditEvent.Record(
                clock.GetCurrentInstant(),
                user.AsActor(),
                "attachment.deleted",
                nameof(Attachment),
                file.Id.ToString(CultureInfo.InvariantCulture),
                before: JsonSerializer.Serialize(new { file.ApplicationId, file.DisplayName, file.Sha256 })));
            await db.SaveChangesAsync(ct);
            storedName = file.StoredName;
            return Result.Done();
        }, ct);

        // The row is gone for good only once the transaction committed; then its file goes too.
        if (result.Succeeded && storedName is not null)
        {
            File.Delete(Path.Combine(options.Value.Directory, storedName));
        }

        return result;
    }
}
