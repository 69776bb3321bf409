namespace GrantPortal.Core.Awards;

/// <summary>The grantee accepts the call's award conditions and the award's own (first step of the checklist).</summary>
public sealed class AcceptAwardConditions(
    IDbContextFactory<PortalDbContext> dbFactory,
    AgreementRules rules,
    IClock clock,
    IStringLocalizer<Strings> localizer)
{
    public async Task<Result> AcceptAsync(CurrentUser user, int awardId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(RowLock.On<Award>(awardId), async () =>
        {
            var award = await AgreementRules.ReadAsync(db, awardId, ct);
            var agreement = award is null ? null : await db.GrantAgreements.SingleOrDefaultAsync(a => a.AwardId == awardId, ct);
            if (rules.RefuseGranteeStep(user, award, agreement) is { } refusal)
            {
                return refusal;
            }

            agreement ??= await AgreementRules.OpenAsync(db, awardId, ct);
            if (agreement.ConditionsAccepted)
            {
                return Result.DoneWithNotice(localizer["Agreement_ConditionsAlreadyAccepted"]);
            }

            var now = clock.GetCurrentInstant();
            var before = AgreementRules.Snapshot(agreement);
            agreement.ConditionsAcceptedAt = now;
            agreement.ConditionsAcceptedById = user.UserId;
            if (await rules.SaveAsync(db, ct) is { } conflict)
            {
                return conflict;
            }

            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.AgreementConditionsAccepted, nameof(GrantAgreement),
                AgreementRules.Id(agreement.Id), before, AgreementRules.Snapshot(agreement)));
            await db.SaveChangesAsync(ct);
            return Result.Done();
        }, ct);
    }
}
