namespace GrantPortal.Core.Reviews;

/// <summary>
/// A reviewer submits their review: every score, every comment, the overall comment and a recommendation. The review
/// is then locked; only an officer can reopen it.
/// </summary>
public sealed class SubmitReview(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<SubmitReview> logger)
{
    /// <summary>The value is the review's version (also after a failure, for the form's next save).</summary>
    public async Task<Result<int>> SubmitAsync(CurrentUser user, int assignmentId, ScoreForm form, int expectedVersion, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (assignment, failure) = await ScoreSheet.WriteAsync(db, user, assignmentId, form, expectedVersion, forSubmission: true, localizer, ct);
        if (failure is not null)
        {
            return failure;
        }

        var review = assignment!.Review!;
        review.Submit(now);
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "review.submitted", nameof(Review), assignment.Id.ToString(CultureInfo.InvariantCulture),
            after: JsonSerializer.Serialize(new
            {
                assignment.ApplicationId,
                Recommendation = review.Recommendation?.ToString(),
                Scores = review.Scores.OrderBy(s => s.CriterionId).Select(s => new { s.CriterionId, s.Score }),
            })));
        var saved = await ScoreSheet.SaveAsync(db, review, expectedVersion, localizer, ct);
        if (saved.Succeeded)
        {
            logger.LogInformation("Reviewer {UserId} submitted the review of assignment {AssignmentId}", user.UserId, assignmentId);
        }

        return saved;
    }
}
