namespace GrantPortal.Core.Reviews;

/// <summary>A program officer sends a submitted review back to its reviewer as a draft, with a reason for the audit trail.</summary>
public sealed class ReopenReview(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<ReopenReview> logger)
{
    public async Task<Result> ReopenAsync(CurrentUser user, int assignmentId, string reason, CancellationToken ct = default)
    {
        if (ReviewRules.RefuseOfficerStep(user, reason, localizer) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.AssignmentId == assignmentId, ct);
        if (review is null || review.Status != ReviewStatus.Submitted)
        {
            return Result.NotFound();
        }

        review.Reopen();
        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), "review.reopened", nameof(Review),
            assignmentId.ToString(CultureInfo.InvariantCulture), reason: reason.Trim()));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Officer {UserId} reopened the review of assignment {AssignmentId}", user.UserId, assignmentId);
        return Result.Done();
    }
}
