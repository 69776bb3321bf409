namespace GrantPortal.Core.Reviews;

/// <summary>
/// A program officer assigns one reviewer to several applications of a call at once, or takes them off. Each
/// application goes through <see cref="AddReviewer"/> or <see cref="RemoveReviewer"/> as if handled alone, so conflicts
/// of interest, submitted reviews and the call's number of reviewers refuse exactly what they refuse one by one.
/// Going beyond the call's number needs the officer's confirmation, which a batch does not give: those applications
/// are reported, to be assigned on their own.
/// </summary>
public sealed class AssignReviewerToApplications(
    IDbContextFactory<PortalDbContext> dbFactory,
    AddReviewer addReviewer,
    RemoveReviewer removeReviewer,
    IStringLocalizer<Strings> localizer)
{
    public Task<Result<BatchSummary>> AssignAsync(CurrentUser user, int callId, IReadOnlyCollection<int> applicationIds, string reviewerId, CancellationToken ct = default) =>
        RunAsync(user, callId, applicationIds, reviewerId, async (application, assignmentId) =>
        {
            if (assignmentId is not null)
            {
                return Batch.Skip(application.Id, application.Label, localizer["Assignment_BatchAlreadyAssigned"]);
            }

            var added = await addReviewer.AddAsync(user, application.Id, reviewerId, confirmBeyondTarget: false, ct);
            return added.Value is { NeedsConfirmation: true }
                ? Batch.Fail(application.Id, application.Label, localizer["Assignment_BatchBeyondTarget"])
                : Batch.Of(application.Id, application.Label, added, localizer["Assignment_BatchNotInReview"]);
        }, ct);

    public Task<Result<BatchSummary>> UnassignAsync(CurrentUser user, int callId, IReadOnlyCollection<int> applicationIds, string reviewerId, CancellationToken ct = default) =>
        RunAsync(user, callId, applicationIds, reviewerId, async (application, assignmentId) => assignmentId is { } id
            ? Batch.Of(application.Id, application.Label, await removeReviewer.RemoveAsync(user, id, ct), localizer["Assignment_BatchNotAssigned"])
            : Batch.Skip(application.Id, application.Label, localizer["Assignment_BatchNotAssigned"]), ct);

    private async Task<Result<BatchSummary>> RunAsync(
        CurrentUser user,
        int callId,
        IReadOnlyCollection<int> applicationIds,
        string reviewerId,
        Func<SelectedApplication, int?, Task<BatchItem>> each,
        CancellationToken ct)
    {
        if (!ReviewRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        if (Batch.Check(applicationIds, localizer) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(reviewerId))
        {
            return Result.Invalid("Reviewer", localizer["Assignment_BatchPickReviewer"]);
        }

        return Result.Done(await Batch.EachAsync(applicationIds, async id =>
        {
            // Read each just before changing it, so a reviewer another officer assigned meanwhile reads as assigned.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var application = await db.Applications.AsNoTracking()
                .Where(a => a.Id == id && a.CallId == callId && a.SubmittedAt != null)
                .Select(a => new SelectedApplication(a.Id, (a.ReceiptNumber ?? "") + " · " + a.ProjectTitle))
                .SingleOrDefaultAsync(ct);
            if (application is null)
            {
                return Batch.Fail(id, Batch.Unknown(id), localizer["Assignment_BatchNotInReview"]);
            }

            var assignmentId = await db.ReviewAssignments
                .Where(a => a.ApplicationId == id && a.ReviewerId == reviewerId)
                .Select(a => (int?)a.Id)
                .FirstOrDefaultAsync(ct);
            return await each(application, assignmentId);
        }));
    }

    private sealed record SelectedApplication(int Id, string Label);
}
