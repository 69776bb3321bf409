namespace GrantPortal.Core.Reviews;

/// <summary>
/// The reviewer's declaration, required before the application opens. Declaring a conflict records it and hands the
/// assignment back to the officer, who assigns someone else; declaring none opens the application for scoring.
/// </summary>
public sealed class DeclareConflict(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, ILogger<DeclareConflict> logger)
{
    public async Task<Result> DeclareAsync(CurrentUser user, int assignmentId, bool hasConflict, string? reason, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = await ReviewRules.OwnAssignmentAsync(db, user, assignmentId, tracking: true, ct);
        if (assignment is null || assignment.NoConflictDeclaredAt is not null)
        {
            return Result.NotFound();
        }

        var id = assignment.Id.ToString(CultureInfo.InvariantCulture);
        if (hasConflict)
        {
            var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            var declared = await db.Conflicts.SingleOrDefaultAsync(c => c.ApplicationId == assignment.ApplicationId && c.ReviewerId == user.UserId && c.Source == ConflictSource.Declared, ct);
            if (declared is null)
            {
                declared = new ConflictOfInterest { ApplicationId = assignment.ApplicationId, ReviewerId = user.UserId, Source = ConflictSource.Declared };
                db.Conflicts.Add(declared);
            }

            // A declaration withdrawn earlier comes back into force: the newest word of the reviewer counts.
            declared.Reason = note;
            declared.RecordedAt = now;
            declared.RecordedById = user.UserId;
            declared.LiftedAt = null;
            declared.LiftedById = null;
            declared.LiftReason = null;

            db.ReviewAssignments.Remove(assignment);
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "review.conflict-declared", nameof(ReviewAssignment), id,
                after: JsonSerializer.Serialize(new { assignment.ApplicationId, ReviewerId = user.UserId }), reason: note));
            logger.LogInformation("Reviewer {UserId} declared a conflict on application {ApplicationId}", user.UserId, assignment.ApplicationId);
        }
        else
        {
            assignment.NoConflictDeclaredAt = now;
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "review.no-conflict-declared", nameof(ReviewAssignment), id));
        }

        await db.SaveChangesAsync(ct);
        return Result.Done();
    }
}
