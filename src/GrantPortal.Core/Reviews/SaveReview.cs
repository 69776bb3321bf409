namespace GrantPortal.Core.Reviews;

/// <summary>
/// Autosave of a reviewer's scoring form: keeps what is filled in, refusing only scores outside the scale. Only the
/// reviewer's own assignment, after their declaration of no conflict and while no conflict is in force.
/// </summary>
public sealed class SaveReview(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Strings> localizer)
{
    /// <summary>The value is the review's version, which the next save sends back (also after a failure).</summary>
    public async Task<Result<int>> SaveDraftAsync(CurrentUser user, int assignmentId, ScoreForm form, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (assignment, failure) = await ScoreSheet.WriteAsync(db, user, assignmentId, form, expectedVersion, forSubmission: false, localizer, ct);
        return failure ?? await ScoreSheet.SaveAsync(db, assignment!.Review!, expectedVersion, localizer, ct);
    }
}
