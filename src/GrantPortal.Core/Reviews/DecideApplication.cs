namespace GrantPortal.Core.Reviews;

/// <summary>The application's version after a panel decision (or, after a failure, as it stands).</summary>
public sealed record DecisionRecord(int Version)
{
    /// <summary>
    /// Nothing was recorded: reviews are missing and the result's message asks the officer to confirm. The officer
    /// confirms by deciding again with confirmation.
    /// </summary>
    public bool NeedsConfirmation { get; init; }
}

/// <summary>
/// A program officer records the panel's decision on an application under review; awards are made from these. While
/// reviews are missing (fewer submitted than assigned, or than the call asks for) nothing is recorded until the officer
/// confirms, so a decision on one review of four is never taken by accident, whichever screen sends it.
/// </summary>
public sealed class DecideApplication(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<DecideApplication> logger)
{
    public async Task<Result<DecisionRecord>> DecideAsync(
        CurrentUser user,
        int applicationId,
        PanelDecision decision,
        string? note,
        int expectedVersion,
        bool confirmMissingReviews = false,
        CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = ReviewRules.IsOfficer(user) ? await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, ct) : null;
        if (application is null)
        {
            return Result.NotFound();
        }

        var current = new DecisionRecord(application.Version);
        if (application.Status != ApplicationStatus.UnderReview)
        {
            return Result.Refused(localizer["Ranking_NotUnderReview"]).With(current);
        }

        if (application.Version != expectedVersion)
        {
            return Result.Conflict(localizer["Error_Concurrency"]).With(current);
        }

        var (expected, missing) = await MissingReviewsAsync(db, application, ct);
        if (missing > 0 && !confirmMissingReviews)
        {
            return Result.Refused(localizer["Ranking_MissingReviewsConfirm", missing, expected, application.ProjectTitle])
                .With(current with { NeedsConfirmation = true });
        }

        var before = JsonSerializer.Serialize(new { Decision = application.PanelDecision?.ToString(), Note = application.PanelNote });
        db.Entry(application).Property(a => a.Version).OriginalValue = expectedVersion;
        application.RecordPanelDecision(decision, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "application.panel-decision", nameof(Application), applicationId.ToString(CultureInfo.InvariantCulture),
            before, JsonSerializer.Serialize(new { Decision = decision.ToString(), Note = application.PanelNote, MissingReviews = missing, ExpectedReviews = expected })));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(localizer["Error_Concurrency"]).With(new DecisionRecord(expectedVersion));
        }

        logger.LogInformation("Officer {UserId} recorded {Decision} on application {ApplicationId}", user.UserId, decision, applicationId);
        return Result.Done(new DecisionRecord(application.Version));
    }

    /// <summary>
    /// The reviews an application should have (its assigned reviewers, and never fewer than the call asks for) and
    /// how many of those are not submitted.
    /// </summary>
    private static async Task<(int Expected, int Missing)> MissingReviewsAsync(PortalDbContext db, Application application, CancellationToken ct)
    {
        var perApplication = await db.Calls.Where(c => c.Id == application.CallId).Select(c => c.ReviewersPerApplication).SingleAsync(ct);
        var assignments = db.ReviewAssignments.Where(a => a.ApplicationId == application.Id);
        var assigned = await assignments.CountAsync(ct);
        var submitted = await assignments.CountAsync(a => a.Review != null && a.Review.Status == ReviewStatus.Submitted, ct);
        var expected = Math.Max(perApplication, assigned);
        return (expected, expected - submitted);
    }
}
