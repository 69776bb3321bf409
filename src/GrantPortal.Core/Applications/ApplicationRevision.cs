using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GrantPortal.Core.Applications;

public sealed partial class ApplicationService
{
    /// <summary>
    /// Revising a submitted application before the deadline: a new draft with all its text, budget lines and
    /// attachments (the files copied, so changing the draft never touches what was submitted). The submitted
    /// application stays in force, immutable, until the revision is submitted; then it is withdrawn, naming the
    /// revision's receipt. Asking twice returns the revision already begun.
    /// </summary>
    public async Task<StartDraftResult> ReviseAsync(CurrentUser user, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.Applications.AsNoTracking().VisibleTo(user)
            .Where(a => a.Id == id)
            .Select(a => new { a.CallId, a.OrganizationId })
            .SingleOrDefaultAsync(ct);
        if (target is null || !IsOwner(user, target.OrganizationId))
        {
            return new StartDraftResult(null, localizer["Application_NotFound"]);
        }

        var copied = new List<string>();
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            var (result, created) = await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);

                // The call's row lock, as for starting a draft and submitting: two clicks on "revise" make one revision.
                await db.Calls.Where(c => c.Id == target.CallId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), ct);
                var existing = await db.Applications
                    .Where(a => a.RevisesId == id && a.Status == ApplicationStatus.Draft)
                    .Select(a => (int?)a.Id)
                    .FirstOrDefaultAsync(ct);
                if (existing is { } existingId)
                {
                    return (new StartDraftResult(existingId, null), false);
                }

                var now = clock.GetCurrentInstant();
                var submitted = await db.Applications.Include(a => a.Call).Include(a => a.BudgetLines).Include(a => a.Attachments)
                    .AsSplitQuery()
                    .SingleAsync(a => a.Id == id, ct);
                if (submitted.Status != ApplicationStatus.Submitted)
                {
                    return (new StartDraftResult(null, localizer["Application_CannotRevise"]), false);
                }

                if (submitted.Call!.HasClosedAt(now))
                {
                    return (new StartDraftResult(null, localizer["Application_ReviseAfterDeadline", Seoul.Format(submitted.Call.ClosesAt)]), false);
                }

                var revision = Application.StartRevision(submitted, user.UserId, now);
                foreach (var original in submitted.Attachments.OrderBy(f => f.Id))
                {
                    var storedName = Guid.NewGuid().ToString("N");
                    File.Copy(Path.Combine(attachmentOptions.Value.Directory, original.StoredName), Path.Combine(attachmentOptions.Value.Directory, storedName));
                    copied.Add(storedName);
                    revision.Attachments.Add(new Attachment
                    {
                        StoredName = storedName,
                        DisplayName = original.DisplayName,
                        Kind = original.Kind,
                        SizeBytes = original.SizeBytes,
                        Sha256 = original.Sha256,
                        UploadedById = original.UploadedById,
                        UploadedAt = original.UploadedAt,
                    });
                }

                db.Applications.Add(revision);
                await db.SaveChangesAsync(ct);
                db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "application.revision-started", nameof(Application), Id(revision.Id),
                    after: JsonSerializer.Serialize(new { Revises = id, submitted.ReceiptNumber })));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return (new StartDraftResult(revision.Id, null), true);
            });

            if (created)
            {
                logger.LogInformation("Application {ApplicationId} is being revised as {RevisionId}", id, result.ApplicationId);
            }
            else
            {
                DeleteCopies(copied);
            }

            return result;
        }
        catch
        {
            // Nothing was saved: the copied files would belong to no one.
            DeleteCopies(copied);
            throw;
        }
    }

    private void DeleteCopies(List<string> storedNames)
    {
        foreach (var name in storedNames)
        {
            File.Delete(Path.Combine(attachmentOptions.Value.Directory, name));
        }
    }
}
