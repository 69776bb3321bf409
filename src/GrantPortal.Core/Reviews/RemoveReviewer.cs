namespace GrantPortal.Core.Reviews;

/// <summary>A program officer takes a reviewer off an application, unless their review is already submitted.</summary>
public sealed class RemoveReviewer(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, IStringLocalizer<Strings> localizer)
{
    public async Task<Result> RemoveAsync(CurrentUser user, int assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = ReviewRules.IsOfficer(user) ? await db.ReviewAssignments.Include(a => a.Review).SingleOrDefaultAsync(a => a.Id == assignmentId, ct) : null;
        if (assignment is null)
        {
            return Result.NotFound();
        }

        if (assignment.Review?.Status == ReviewStatus.Submitted)
        {
            return Result.Refused(localizer["Assignment_HasSubmittedReview"]);
        }

        db.ReviewAssignments.Remove(assignment);
        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), "review.unassigned", nameof(Application),
            assignment.ApplicationId.ToString(CultureInfo.InvariantCulture), before: JsonSerializer.Serialize(new { assignment.ReviewerId })));
        await db.SaveChangesAsync(ct);
        return Result.Done();
    }
}
