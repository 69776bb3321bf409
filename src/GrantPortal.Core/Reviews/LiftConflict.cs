namespace GrantPortal.Core.Reviews;

/// <summary>
/// A program officer lifts a detected conflict (or their own pin) with a reason, so the reviewer can be assigned.
/// A reviewer's own declaration stays: only they know the tie.
/// </summary>
public sealed class LiftConflict(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, IStringLocalizer<Strings> localizer)
{
    public async Task<Result> LiftConflictAsync(CurrentUser user, int applicationId, string reviewerId, ConflictSource source, string reason, CancellationToken ct = default)
    {
        if (ReviewRules.RefuseOfficerStep(user, reason, localizer) is { } refused)
        {
            return refused;
        }

        if (source == ConflictSource.Declared)
        {
            return Result.Refused(localizer["Conflicts_DeclaredStays"]);
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var conflicts = await ConflictFacts.LoadAsync(db, [applicationId], [reviewerId], ct);
        if (!conflicts.Sources(applicationId, reviewerId).Contains(source))
        {
            return Result.NotFound();
        }

        var row = await db.Conflicts.SingleOrDefaultAsync(c => c.ApplicationId == applicationId && c.ReviewerId == reviewerId && c.Source == source, ct);
        if (row is null)
        {
            // Detected conflicts are computed, not stored; the lift is what gets stored, so the rule stays off.
            row = new ConflictOfInterest { ApplicationId = applicationId, ReviewerId = reviewerId, Source = source, RecordedAt = now, RecordedById = user.UserId };
            db.Conflicts.Add(row);
        }

        row.LiftedAt = now;
        row.LiftedById = user.UserId;
        row.LiftReason = reason.Trim();
        row.IsPinned = false;
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "conflict.lifted", nameof(Application), applicationId.ToString(CultureInfo.InvariantCulture),
            before: JsonSerializer.Serialize(new { reviewerId, Source = source.ToString() }), reason: row.LiftReason));
        await db.SaveChangesAsync(ct);
        return Result.Done();
    }
}
