namespace GrantPortal.Core.Awards;

/// <summary>
/// A program officer changes an award's amount or conditions, with a reason. More money must fit the call's envelope,
/// so the change runs under the call's row lock; the payment schedule follows (<see cref="TranchePlan"/>), and the
/// award never goes below what its payments already hold.
/// </summary>
public sealed class AmendAward(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<AmendAward> logger)
{
    public async Task<Result> AmendAsync(CurrentUser user, int awardId, Krw amount, string conditions, string? reason, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        if (!AwardRules.IsExplainedAmount(reason, amount, localizer, out var invalid))
        {
            return invalid;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await AwardRules.CallOfAsync(db, awardId, ct) is not { } callId)
        {
            return Result.NotFound();
        }

        var change = new Change(awardId, amount, conditions?.Trim() ?? "", reason.Trim(), expectedVersion);
        var result = await db.InTransactionAsync(RowLock.On<Call>(callId), () => AmendUnderCallLockAsync(db, user, callId, change, ct), ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Award {AwardId} amended to {Amount} won by {UserId}", awardId, amount.Won, user.UserId);
        }

        return result;
    }

    private async Task<Result> AmendUnderCallLockAsync(PortalDbContext db, CurrentUser user, int callId, Change change, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var award = await db.Awards.Include(a => a.Tranches).ThenInclude(t => t.Payments).AsSplitQuery().SingleAsync(a => a.Id == change.AwardId, ct);
        if (AwardRules.Unchangeable(award, change.ExpectedVersion, localizer) is { } refusal)
        {
            return refusal;
        }

        var requested = new Krw(await db.BudgetLines.Where(l => l.ApplicationId == award.ApplicationId && !l.IsOwnContribution).SumAsync(l => (long)l.Amount, ct));
        if (change.Amount > requested)
        {
            return Result.Refused(localizer["Awards_AboveRequest", requested.ForReader()]);
        }

        if (change.Amount > award.Amount)
        {
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId, ct);
            var remaining = call.Envelope - (await AwardRules.CommittedAsync(db, callId, ct) - award.Amount);
            if (change.Amount > remaining)
            {
                return AwardRules.OverEnvelope(localizer, logger, callId, change.Amount, remaining);
            }
        }

        var plan = TranchePlan.Rebalance(
            award.Tranches.Select(t => new PlannedTranche(t.Sequence, t.Amount, Krw.Sum(t.Payments.Where(p => p.CountsAgainstAward).Select(p => p.Amount)))).ToList(),
            change.Amount);
        if (plan is null)
        {
            var recorded = Krw.Sum(award.Tranches.SelectMany(t => t.Payments).Where(p => p.CountsAgainstAward).Select(p => p.Amount));
            return Result.Refused(localizer["Awards_BelowPayments", recorded.ForReader()]);
        }

        // The award row is not locked here (the call's is): its version, as the officer read it, guards the write.
        db.Entry(award).Property(a => a.Version).OriginalValue = change.ExpectedVersion;
        var before = AwardRules.Snapshot(award);
        foreach (var planned in plan)
        {
            var tranche = award.Tranches.Single(t => t.Sequence == planned.Sequence);
            if (planned.Amount.IsZero && tranche.Payments.Count == 0)
            {
                award.Tranches.Remove(tranche);
                db.Tranches.Remove(tranche);
            }
            else
            {
                tranche.Amount = planned.Amount;
            }
        }

        award.Amount = change.Amount;
        award.Conditions = change.Conditions;
        if (change.Amount < requested)
        {
            award.ReductionReason = change.Reason;
        }

        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "award.amended", nameof(Award), AwardRules.Id(award.Id), before, AwardRules.Snapshot(award), change.Reason));
        return await AwardRules.SaveAsync(db, localizer, ct);
    }

    private sealed record Change(int AwardId, Krw Amount, string Conditions, string Reason, int ExpectedVersion);
}
