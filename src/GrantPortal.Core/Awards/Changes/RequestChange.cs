namespace GrantPortal.Core.Awards;

/// <summary>What a grantee asks to change, with why.</summary>
public sealed record ChangeRequestForm
{
    public ChangeKind Kind { get; set; } = ChangeKind.BudgetMove;

    public int? FromBudgetLineId { get; set; }

    public int? ToBudgetLineId { get; set; }

    public Krw Amount { get; set; }

    public LocalDate? StartDate { get; set; }

    public LocalDate? EndDate { get; set; }

    public string? Activities { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The request as saved: in effect at once (a notice, with its new budget version) or waiting for the officer.</summary>
public sealed record ChangeRequestSaved(int Id, ChangeStatus Status, int? ResultingVersion);

/// <summary>
/// A grantee asks to change its funded project (변경승인 신청). A move between budget lines of at most the call's
/// notice share (<see cref="ChangeThreshold"/>) is a notice: it makes the next budget version at once. A larger move,
/// and every change of period or activities, waits for the officer (<see cref="DecideChangeRequest"/>). Runs under
/// the award's row lock, as payments do, so it reads the version in force that no other change is replacing.
/// </summary>
public sealed class RequestChange(
    IDbContextFactory<PortalDbContext> dbFactory,
    ChangeRules rules,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<RequestChange> logger)
{
    public async Task<Result<ChangeRequestSaved>> RequestAsync(CurrentUser user, int awardId, ChangeRequestForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is null)
        {
            return Result.NotFound();
        }

        if (Validate(form) is { Count: > 0 } errors)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Awards.AnyAsync(a => a.Id == awardId && a.OrganizationId == user.OrganizationId, ct))
        {
            return Result.NotFound();
        }

        var result = await db.InTransactionAsync(RowLock.On<Award>(awardId), () => RequestUnderAwardLockAsync(db, user, awardId, form, ct), ct);
        if (result is { Succeeded: true, Value: { } saved })
        {
            logger.LogInformation("Change request {RequestId} on award {AwardId} by {UserId}: {Status}", saved.Id, awardId, user.UserId, saved.Status);
        }

        return result;
    }

    private async Task<Result<ChangeRequestSaved>> RequestUnderAwardLockAsync(PortalDbContext db, CurrentUser user, int awardId, ChangeRequestForm form, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var award = (await ChangeRules.ReadAsync(db, awardId, ct))!;
        if (award.Status != AwardStatus.Active)
        {
            return Result.Refused(localizer["Changes_AwardNotActive"]);
        }

        var inForce = await BudgetVersions.InForceAsync(db, awardId, ct);
        var request = new ChangeRequest
        {
            AwardId = awardId,
            Kind = form.Kind,
            Status = ChangeStatus.Pending,
            Reason = form.Reason!.Trim(),
            RequestedAt = now,
            RequestedById = user.UserId,
            RequestedByName = user.Name,
        };
        ProjectPlan? next = null;
        switch (form.Kind)
        {
            case ChangeKind.BudgetMove:
                var moved = BudgetMoveCheck.Check(inForce, form.FromBudgetLineId, form.ToBudgetLineId, form.Amount, award.OwnContribution, award.Rules, localizer);
                if (!moved.Succeeded)
                {
                    return new Result<ChangeRequestSaved>(moved.Outcome, null, moved.Message, moved.Errors);
                }

                request.FromBudgetLineId = form.FromBudgetLineId;
                request.ToBudgetLineId = form.ToBudgetLineId;
                request.Amount = form.Amount;
                var (from, to) = (inForce.Line(form.FromBudgetLineId!.Value)!, inForce.Line(form.ToBudgetLineId!.Value)!);
                if (ChangeThreshold.IsNotice(form.Amount, from.Amount, to.Amount, award.Rules.ChangeNoticePercent))
                {
                    next = moved.Value;
                }

                break;
            case ChangeKind.Period:
                request.StartDate = form.StartDate;
                request.EndDate = form.EndDate;
                break;
            default:
                request.Activities = form.Activities!.Trim();
                break;
        }

        db.ChangeRequests.Add(request);
        await db.SaveChangesAsync(ct);
        if (next is not null)
        {
            request.Status = ChangeStatus.Noted;
            request.ResultingVersion = await BudgetVersions.NextNumberAsync(db, awardId, ct);
            await BudgetVersions.AddAsync(db, awardId, inForce, next, request.Id, now, ct);
            await rules.TellGranteeAsync(db, award, request, inForce, ct);
        }

        await rules.TellOfficerAsync(db, award, request, inForce, now, ct);
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), next is null ? AuditActions.ChangeRequested : AuditActions.ChangeNoted,
            nameof(ChangeRequest), ChangeRules.Id(request.Id), after: ChangeRules.Snapshot(request), reason: request.Reason));
        await db.SaveChangesAsync(ct);
        return Result.Done(new ChangeRequestSaved(request.Id, request.Status, request.ResultingVersion),
            next is null ? localizer["Changes_Requested"].Value : localizer["Changes_Noted", request.ResultingVersion!.Value].Value);
    }

    private List<FieldError> Validate(ChangeRequestForm form)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.Reason))
        {
            errors.Add(new FieldError("Reason", localizer["Changes_ReasonRequired"]));
        }
        else if (form.Reason.Trim().Length > ChangeRules.ReasonLength)
        {
            errors.Add(new FieldError("Reason", localizer["Changes_TooLong", localizer["Changes_Reason"], ChangeRules.ReasonLength]));
        }

        if (!Enum.IsDefined(form.Kind))
        {
            errors.Add(new FieldError("Kind", localizer["Changes_LineRequired"]));
        }
        else if (form.Kind == ChangeKind.Period)
        {
            if (form.StartDate is not { } start || form.EndDate is not { } end)
            {
                errors.Add(new FieldError("EndDate", localizer["Changes_PeriodRequired"]));
            }
            else if (end < start)
            {
                errors.Add(new FieldError("EndDate", localizer["Changes_PeriodOrder"]));
            }
        }
        else if (form.Kind == ChangeKind.Activities)
        {
            if (string.IsNullOrWhiteSpace(form.Activities))
            {
                errors.Add(new FieldError("Activities", localizer["Changes_ActivitiesRequired"]));
            }
            else if (form.Activities.Trim().Length > ChangeRules.ActivitiesLength)
            {
                errors.Add(new FieldError("Activities", localizer["Changes_TooLong", localizer["Changes_Activities"], ChangeRules.ActivitiesLength]));
            }
        }

        return errors;
    }
}
