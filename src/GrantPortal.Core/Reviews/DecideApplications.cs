namespace GrantPortal.Core.Reviews;

/// <summary>An application the officer selected on the ranking, with the version the officer saw.</summary>
public sealed record SelectedDecision(int ApplicationId, int Version);

/// <summary>
/// A program officer records one panel decision (and note) for several applications of a call at once. Each goes
/// through <see cref="DecideApplication"/> as if decided alone: its audit event, its version check (a row changed since
/// the ranking was read is refused, not overwritten). One that already carries the decision is skipped. A decision
/// while reviews are missing needs the officer's confirmation, which a batch does not give: those rows are reported.
/// A panel decision commits no money; the call's envelope and the year's budget are enforced when awards are made
/// (<see cref="Awards.AwardApplication"/>), one award at a time under the call's lock.
/// </summary>
public sealed class DecideApplications(
    IDbContextFactory<PortalDbContext> dbFactory,
    DecideApplication decideApplication,
    IStringLocalizer<Strings> localizer)
{
    public async Task<Result<BatchSummary>> DecideAsync(
        CurrentUser user,
        int callId,
        IReadOnlyCollection<SelectedDecision> selected,
        PanelDecision decision,
        string? note,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(selected);
        if (!ReviewRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        if (Batch.Check(selected.Select(s => s.ApplicationId), localizer) is { } invalid)
        {
            return invalid;
        }

        var versions = selected.GroupBy(s => s.ApplicationId).ToDictionary(g => g.Key, g => g.First().Version);
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return Result.Done(await Batch.EachAsync(versions.Keys, async id =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var application = await db.Applications.AsNoTracking()
                .Where(a => a.Id == id && a.CallId == callId && a.SubmittedAt != null)
                .Select(a => new { a.ReceiptNumber, a.ProjectTitle, a.PanelDecision, a.PanelNote })
                .SingleOrDefaultAsync(ct);
            if (application is null)
            {
                return Batch.Fail(id, Batch.Unknown(id), localizer["Ranking_BatchNotFound"]);
            }

            var label = (application.ReceiptNumber ?? "") + " · " + application.ProjectTitle;
            if (application.PanelDecision == decision && application.PanelNote == trimmed)
            {
                return Batch.Skip(id, label, localizer["Ranking_BatchAlreadyRecorded"]);
            }

            var decided = await decideApplication.DecideAsync(user, id, decision, trimmed, versions[id], confirmMissingReviews: false, ct);
            return decided.Value is { NeedsConfirmation: true }
                ? Batch.Fail(id, label, localizer["Ranking_BatchMissingReviews"])
                : Batch.Of(id, label, decided, localizer["Ranking_BatchNotFound"]);
        }));
    }
}
