namespace GrantPortal.Core.Reviews;

/// <summary>What a reviewer may read of an application they were not given by <see cref="ApplicationAccess"/>.</summary>
internal static class ReviewerAccess
{
    /// <summary>
    /// Whether the application's call is blind, when <paramref name="user"/> may read the application as its reviewer:
    /// their own assignment, a declaration of no conflict, no conflict in force, and the application under review.
    /// Null means "not theirs", which every caller turns into "not found".
    /// </summary>
    public static async Task<bool?> BlindnessForReviewerAsync(PortalDbContext db, CurrentUser user, int applicationId, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Reviewer))
        {
            return null;
        }

        var assignment = await db.ReviewAssignments.AsNoTracking()
            .Where(a => a.ApplicationId == applicationId && a.ReviewerId == user.UserId && a.NoConflictDeclaredAt != null
                && a.Application!.Status == ApplicationStatus.UnderReview)
            .Select(a => new { a.Application!.Call!.BlindReview })
            .SingleOrDefaultAsync(ct);
        if (assignment is null)
        {
            return null;
        }

        var conflicts = await ConflictFacts.LoadAsync(db, [applicationId], [user.UserId], ct);
        return conflicts.IsConflicted(applicationId, user.UserId) ? null : assignment.BlindReview;
    }
}
