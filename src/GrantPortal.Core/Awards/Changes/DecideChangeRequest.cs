namespace GrantPortal.Core.Awards;

/// <summary>
/// The program officer approves or refuses a change request, with a reason (required to refuse). Approval makes the
/// next version of the plan from the version in force now, checked again (a notice may have moved money since the
/// request), and never changes the award's amount. Both run under the award's row lock, the lock payments take, and
/// decide only a request still waiting: a double click or a second officer at the same moment gets "already decided".
/// </summary>
public sealed class DecideChangeRequest(
    IDbContextFactory<PortalDbContext> dbFactory,
    ChangeRules rules,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<DecideChangeRequest> logger)
{
    public Task<Result<int>> ApproveAsync(CurrentUser user, int requestId, string? reason, CancellationToken ct = default) =>
        DecideAsync(user, requestId, approve: true, reason, ct);

    public Task<Result<int>> RefuseAsync(CurrentUser user, int requestId, string? reason, CancellationToken ct = default) =>
        DecideAsync(user, requestId, approve: false, reason, ct);

    /// <summary>The value is the budget version in force after the decision.</summary>
    private async Task<Result<int>> DecideAsync(CurrentUser user, int requestId, bool approve, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!approve && trimmed is null)
        {
            return Result.Invalid("DecisionReason", localizer["Changes_RefusalReasonRequired"]);
        }

        if (trimmed is { Length: > ChangeRules.ReasonLength })
        {
            return Result.Invalid("DecisionReason", localizer["Changes_TooLong", localizer["Changes_DecisionReason"], ChangeRules.ReasonLength]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ChangeRequests.Where(r => r.Id == requestId).Select(r => (int?)r.AwardId).SingleOrDefaultAsync(ct) is not { } awardId)
        {
            return Result.NotFound();
        }

        var result = await db.InTransactionAsync(RowLock.On<Award>(awardId), () => DecideUnderAwardLockAsync(db, user, requestId, approve, trimmed, ct), ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Change request {RequestId} on award {AwardId} {Decision} by {UserId}", requestId, awardId, approve ? "approved" : "refused", user.UserId);
        }

        return result;
    }

    private async Task<Result<int>> DecideUnderAwardLockAsync(PortalDbContext db, CurrentUser user, int requestId, bool approve, string? reason, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var request = await db.ChangeRequests.SingleAsync(r => r.Id == requestId, ct);
        if (request.Status != ChangeStatus.Pending)
        {
            return Result.Refused(localizer["Changes_AlreadyDecided", localizer["Changes_Status" + request.Status]]);
        }

        var award = (await ChangeRules.ReadAsync(db, request.AwardId, ct))!;
        if (approve && award.Status != AwardStatus.Active)
        {
            return Result.Refused(localizer["Changes_AwardNotActive"]);
        }

        var inForce = await BudgetVersions.InForceAsync(db, request.AwardId, ct);
        var before = ChangeRules.Snapshot(request);
        if (approve)
        {
            var next = request.Kind switch
            {
                ChangeKind.BudgetMove => BudgetMoveCheck.Check(inForce, request.FromBudgetLineId, request.ToBudgetLineId, request.Amount, award.OwnContribution, award.Rules, localizer),
                ChangeKind.Period => Result.Done(inForce.WithPeriod(request.StartDate!.Value, request.EndDate!.Value)),
                _ => Result.Done(inForce.WithActivities(request.Activities!)),
            };
            if (!next.Succeeded)
            {
                return new Result<int>(next.Outcome == Outcome.Invalid ? Outcome.Refused : next.Outcome, 0, next.Message ?? (next.Errors.Count > 0 ? next.Errors[0].Message : null), next.Errors);
            }

            request.ResultingVersion = await BudgetVersions.NextNumberAsync(db, request.AwardId, ct);
            await BudgetVersions.AddAsync(db, request.AwardId, inForce, next.Value!, request.Id, now, ct);
            await MoveFinalReportAsync(db, request.AwardId, inForce, next.Value!, ct);
        }

        request.Status = approve ? ChangeStatus.Approved : ChangeStatus.Refused;
        request.DecidedAt = now;
        request.DecidedById = user.UserId;
        request.DecisionReason = reason;
        await rules.TellGranteeAsync(db, award, request, inForce, ct);
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), approve ? AuditActions.ChangeApproved : AuditActions.ChangeRefused,
            nameof(ChangeRequest), ChangeRules.Id(request.Id), before, ChangeRules.Snapshot(request), reason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        return Result.Done(request.ResultingVersion ?? inForce.Number,
            approve ? localizer["Changes_Approved", request.ResultingVersion!.Value].Value : localizer["Changes_Refused"].Value);
    }

    /// <summary>
    /// A longer or shorter project moves the final report's due date by as many days as the end moved, while the report
    /// is still the grantee's to write: the time the officer gave after the end stays the same.
    /// </summary>
    private static async Task MoveFinalReportAsync(PortalDbContext db, int awardId, ProjectPlan inForce, ProjectPlan next, CancellationToken ct)
    {
        if (inForce.EndDate is not { } oldEnd || next.EndDate is not { } newEnd || oldEnd == newEnd)
        {
            return;
        }

        var days = Period.Between(oldEnd, newEnd, PeriodUnits.Days).Days;
        foreach (var report in await db.ProjectReports.Where(r => r.AwardId == awardId && r.Kind == ReportKind.Final).ToListAsync(ct))
        {
            if (ReportRules.IsEditable(report.Status))
            {
                report.DueOn = report.DueOn.PlusDays(days);
            }
        }
    }
}
