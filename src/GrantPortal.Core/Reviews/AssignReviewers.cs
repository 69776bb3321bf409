namespace GrantPortal.Core.Reviews;

/// <summary>
/// A program officer assigns reviewers to a call's applications automatically: the plan the dry run showed, made
/// again and saved. Conflicted reviewers are never planned. Submitted applications move to review.
/// </summary>
public sealed class AssignReviewers(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, ILogger<AssignReviewers> logger)
{
    /// <summary>
    /// Plans again and saves, holding the call's row lock so two officers pressing "assign" at once do not both add
    /// reviewers. The value is the number of assignments added.
    /// </summary>
    public async Task<Result<int>> AssignAutomaticallyAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        if (!ReviewRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(RowLock.On<Call>(callId), async () =>
        {
            var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
            if (call is null)
            {
                return Result.NotFound();
            }

            var now = clock.GetCurrentInstant();
            var plan = await ReviewRules.PlanAsync(db, call, ct);
            foreach (var planned in plan.Assignments)
            {
                db.ReviewAssignments.Add(new ReviewAssignment
                {
                    ApplicationId = planned.ApplicationId,
                    ReviewerId = planned.ReviewerId,
                    AssignedAt = now,
                    AssignedById = user.UserId,
                    DueOn = call.ReviewDueOn,
                });
            }

            var starting = plan.Assignments.Select(a => a.ApplicationId).Distinct().ToList();
            foreach (var application in await db.Applications.FullProposals().Where(a => starting.Contains(a.Id) && a.Status == ApplicationStatus.Submitted).ToListAsync(ct))
            {
                application.StartReview();
            }

            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "review.assigned-automatically", nameof(Call), callId.ToString(CultureInfo.InvariantCulture),
                after: JsonSerializer.Serialize(plan.Assignments.Select(a => new { a.ApplicationId, a.ReviewerId }))));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Officer {UserId} assigned {Count} reviews in call {CallId}", user.UserId, plan.Assignments.Count, callId);
            return Result.Done(plan.Assignments.Count);
        }, ct);
    }
}
