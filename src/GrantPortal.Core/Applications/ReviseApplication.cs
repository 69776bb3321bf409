using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Applications;

/// <summary>
/// Revising a submitted application before the deadline: a new draft with all its text, budget lines and
/// attachments (the files copied, so changing the draft never touches what was submitted). The submitted
/// application stays in force, immutable, until the revision is submitted; then it is withdrawn, naming the
/// revision's receipt. Asking twice returns the revision already begun. The value is the revision's id.
/// </summary>
public sealed class ReviseApplication(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    IOptions<AttachmentOptions> attachmentOptions,
    ILogger<ReviseApplication> logger)
{
    public async Task<Result<int>> ReviseAsync(CurrentUser user, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.FindOwnedAsync(user, id, ct) is not { } target)
        {
            return Result.NotFound();
        }

        // The copies of the attempt under way; a replayed attempt first removes those of the one before.
        var copied = new List<string>();
        var created = false;
        try
        {
            // The call's row lock, as for starting a draft and submitting: two clicks on "revise" make one revision.
            var result = await db.InTransactionAsync(RowLock.On<Call>(target.CallId), async () =>
            {
                DeleteCopies(copied);
                created = false;
                var existing = await db.Applications
                    .Where(a => a.RevisesId == id && a.Status == ApplicationStatus.Draft)
                    .Select(a => (int?)a.Id)
                    .FirstOrDefaultAsync(ct);
                if (existing is { } existingId)
                {
                    return Result.Done(existingId);
                }

                var revision = await StartRevisionAsync(db, user, id, copied, ct);
                created = revision.Succeeded;
                return revision;
            }, ct);

            if (created)
            {
                logger.LogInformation("Application {ApplicationId} is being revised as {RevisionId}", id, result.Value);
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

    private async Task<Result<int>> StartRevisionAsync(PortalDbContext db, CurrentUser user, int id, List<string> copied, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var submitted = await db.Applications.Include(a => a.Call).Include(a => a.BudgetLines).Include(a => a.Attachments).Include(a => a.IndicatorTargets)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == id, ct);
        if (submitted.Status != ApplicationStatus.Submitted || submitted.Stage != FormStage.Full)
        {
            return Result.Refused(localizer["Application_CannotRevise"]);
        }

        if (submitted.Call!.HasClosedAt(now))
        {
            return Result.Refused(localizer["Application_ReviseAfterDeadline", Seoul.Format(submitted.Call.ClosesAt)]);
        }

        var revision = Application.StartRevision(submitted, user.UserId, now);
        revision.IndicatorTargets.AddRange(submitted.IndicatorTargets.Select(t => new IndicatorTarget { CallIndicatorId = t.CallIndicatorId, Target = t.Target }));
        var directory = attachmentOptions.Value.Directory;
        foreach (var original in submitted.Attachments.OrderBy(f => f.Id))
        {
            var storedName = Guid.NewGuid().ToString("N");
            File.Copy(Path.Combine(directory, original.StoredName), Path.Combine(directory, storedName));
            copied.Add(storedName);
            revision.Attachments.Add(new Attachment
            {
                StoredName = storedName,
                QuestionKey = original.QuestionKey,
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
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "application.revision-started", nameof(Application), revision.Id.ToString(CultureInfo.InvariantCulture),
            after: JsonSerializer.Serialize(new { Revises = id, submitted.ReceiptNumber })));
        await db.SaveChangesAsync(ct);
        return Result.Done(revision.Id);
    }

    private void DeleteCopies(List<string> storedNames)
    {
        foreach (var name in storedNames)
        {
            File.Delete(Path.Combine(attachmentOptions.Value.Directory, name));
        }

        storedNames.Clear();
    }
}
