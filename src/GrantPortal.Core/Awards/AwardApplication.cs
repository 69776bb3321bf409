namespace GrantPortal.Core.Awards;

/// <summary>
/// A program officer turns a panel decision into an award: amount, conditions, report requirements and the payment
/// schedule. Officers awarding at the same moment are serialized on the call's row, so the call's awards never
/// exceed its envelope; a refusal names what remains. Anyone but an officer is told the application does not exist.
/// </summary>
public sealed class AwardApplication(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<AwardApplication> logger)
{
    /// <summary>Awards an application the panel decided to fund (or held in reserve); the value is the new award's id.</summary>
    public async Task<Result<int>> AwardAsync(CurrentUser user, AwardForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (!AwardRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.Applications.AsNoTracking()
            .Where(a => a.Id == form.ApplicationId)
            .Select(a => new { a.CallId, a.Status, a.PanelDecision, Requested = a.BudgetLines.Where(l => !l.IsOwnContribution).Sum(l => (long)l.Amount) })
            .SingleOrDefaultAsync(ct);
        if (target is null)
        {
            return Result.NotFound();
        }

        if (Validate(form, new Krw(target.Requested)) is { } invalid)
        {
            return invalid;
        }

        if (target.Status != ApplicationStatus.UnderReview || target.PanelDecision is not (PanelDecision.Fund or PanelDecision.Reserve))
        {
            return Result.Refused(localizer["Awards_NotAwardable"]);
        }

        var result = await db.InTransactionAsync(RowLock.On<Call>(target.CallId), () => AwardUnderCallLockAsync(db, user, form, target.CallId, ct), ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Award {AwardId} of {Amount} won to application {ApplicationId} by {UserId}", result.Value, form.Amount.Won, form.ApplicationId, user.UserId);
        }

        return result;
    }

    /// <summary>Every award in this call waits for the call's row lock, so what it reads of the envelope stays true until commit.</summary>
    private async Task<Result<int>> AwardUnderCallLockAsync(PortalDbContext db, CurrentUser user, AwardForm form, int callId, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var call = await db.Calls.AsNoTracking().Include(c => c.Recommendations).SingleAsync(c => c.Id == callId, ct);
        if (call.FinalizedAt is not null)
        {
            return Result.Refused(localizer["Awards_CallFinalized"]);
        }

        // The envelope first: under contention most attempts are refusals, and they need nothing else.
        var remaining = call.Envelope - await AwardRules.CommittedAsync(db, callId, ct);
        if (form.Amount > remaining)
        {
            return AwardRules.OverEnvelope(localizer, logger, callId, form.Amount, remaining);
        }

        var application = await db.Applications.SingleAsync(a => a.Id == form.ApplicationId, ct);
        if (application.Status != ApplicationStatus.UnderReview || await db.Awards.AnyAsync(a => a.ApplicationId == application.Id, ct))
        {
            return Result.Refused(localizer["Awards_AlreadyAwarded"]);
        }

        application.MarkAwarded();
        var award = new Award
        {
            ApplicationId = application.Id,
            CallId = callId,
            OrganizationId = application.OrganizationId,
            Amount = form.Amount,
            ReductionReason = string.IsNullOrWhiteSpace(form.ReductionReason) ? null : form.ReductionReason.Trim(),
            Conditions = form.Conditions.Trim(),
            Status = AwardStatus.Active,
            AwardedAt = now,
            AwardedById = user.UserId,
        };

        // The report requirements exist from the start, so tranches can wait for them and grantees see what is due.
        var interim = new ProjectReport { Kind = ReportKind.Interim, DueOn = form.InterimReportDueOn, Status = ReportStatus.Due };
        var final = new ProjectReport { Kind = ReportKind.Final, DueOn = form.FinalReportDueOn, Status = ReportStatus.Due };
        award.Reports.Add(interim);
        award.Reports.Add(final);
        var sequence = 0;
        foreach (var tranche in form.Tranches)
        {
            award.Tranches.Add(new Tranche
            {
                Sequence = ++sequence,
                Amount = tranche.Amount,
                PlannedOn = tranche.PlannedOn,
                GatingReport = tranche.Gate switch { TrancheGate.InterimReport => interim, TrancheGate.FinalReport => final, _ => null },
            });
        }

        foreach (var recommendation in call.Recommendations)
        {
            award.Recommendations.Add(new AwardRecommendation { RecommendationId = recommendation.RecommendationId });
        }

        db.Awards.Add(award);
        await db.SaveChangesAsync(ct);
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "award.created", nameof(Award), AwardRules.Id(award.Id), after: AwardRules.Snapshot(award), reason: award.ReductionReason));
        await db.SaveChangesAsync(ct);
        return Result.Done(award.Id);
    }

    private Result? Validate(AwardForm form, Krw requested)
    {
        if (form.Amount.IsNegative || form.Amount.IsZero)
        {
            return Result.Invalid(nameof(AwardForm.Amount), localizer["Awards_AmountPositive"]);
        }

        if (form.Amount > requested)
        {
            return Result.Invalid(nameof(AwardForm.Amount), localizer["Awards_AboveRequest", requested.ForReader()]);
        }

        if (form.Amount < requested && string.IsNullOrWhiteSpace(form.ReductionReason))
        {
            return Result.Invalid(nameof(AwardForm.ReductionReason), localizer["Awards_ReductionReasonRequired", requested.ForReader()]);
        }

        if (form.Tranches.Count == 0 || form.Tranches.Any(t => t.Amount.IsNegative || t.Amount.IsZero))
        {
            return Result.Invalid(nameof(AwardForm.Tranches), localizer["Awards_TranchesRequired"]);
        }

        var scheduled = Krw.Sum(form.Tranches.Select(t => t.Amount));
        if (scheduled != form.Amount)
        {
            return Result.Invalid(nameof(AwardForm.Tranches), localizer["Awards_TranchesMustSum", scheduled.ForReader(), form.Amount.ForReader()]);
        }

        if (form.FinalReportDueOn < form.InterimReportDueOn)
        {
            return Result.Invalid(nameof(AwardForm.FinalReportDueOn), localizer["Awards_ReportDatesOrder"]);
        }

        return null;
    }
}
