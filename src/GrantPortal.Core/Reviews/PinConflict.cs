namespace GrantPortal.Core.Reviews;

/// <summary>
/// A program officer records a conflict the rules did not find, with a reason. It is pinned: the reviewer cannot
/// lift it, and an unsubmitted assignment of that reviewer to the application goes.
/// </summary>
public sealed class PinConflict(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, IStringLocalizer<Strings> localizer)
{
    public async Task<Result> PinConflictAsync(CurrentUser user, int applicationId, string reviewerId, string reason, CancellationToken ct = default)
    {
        if (ReviewRules.RefuseOfficerStep(user, reason, localizer) is { } refused)
        {
            return refused;
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Applications.AnyAsync(a => a.Id == applicationId, ct) || (await ConflictFacts.ReviewersAsync(db, [reviewerId], ct)).Count == 0)
        {
            return Result.NotFound();
        }

        var row = await db.Conflicts.SingleOrDefaultAsync(c => c.ApplicationId == applicationId && c.ReviewerId == reviewerId && c.Source == ConflictSource.Officer, ct);
        if (row is null)
        {
            row = new ConflictOfInterest { ApplicationId = applicationId, ReviewerId = reviewerId, Source = ConflictSource.Officer };
            db.Conflicts.Add(row);
        }

        row.IsPinned = true;
        row.Reason = reason.Trim();
        row.RecordedAt = now;
        row.RecordedById = user.UserId;
        row.LiftedAt = null;
        row.LiftedById = null;
        row.LiftReason = null;
        var assignment = await db.ReviewAssignments.Include(a => a.Review).SingleOrDefaultAsync(a => a.ApplicationId == applicationId && a.ReviewerId == reviewerId, ct);
        if (assignment is not null && assignment.Review?.Status != ReviewStatus.Submitted)
        {
            db.ReviewAssignments.Remove(assignment);
        }

        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "conflict.pinned", nameof(Application), applicationId.ToString(CultureInfo.InvariantCulture),
            after: JsonSerializer.Serialize(new { reviewerId }), reason: row.Reason));
        await db.SaveChangesAsync(ct);
        return Result.Done();
    }
}
