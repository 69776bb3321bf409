namespace GrantPortal.Core.Awards;

/// <summary>
/// The program officer issues the grant decision (교부결정) on a submitted, complete checklist: the account waiting
/// with it becomes the approved account, and from now on finance may record payments. Runs under the award's row
/// lock, the lock payments take, and decides only a checklist still submitted: a double click or a second officer at
/// the same moment is told it is already decided.
/// </summary>
public sealed class IssueGrantDecision(
    IDbContextFactory<PortalDbContext> dbFactory,
    AgreementRules rules,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<IssueGrantDecision> logger)
{
    public async Task<Result> IssueAsync(CurrentUser user, int awardId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await db.InTransactionAsync(RowLock.On<Award>(awardId), () => IssueUnderAwardLockAsync(db, user, awardId, ct), ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Grant decision issued on award {AwardId} by {UserId}", awardId, user.UserId);
        }

        return result;
    }

    private async Task<Result> IssueUnderAwardLockAsync(PortalDbContext db, CurrentUser user, int awardId, CancellationToken ct)
    {
        if (await AgreementRules.ReadAsync(db, awardId, ct) is not { } award)
        {
            return Result.NotFound();
        }

        if (award.Status != AwardStatus.Active)
        {
            return Result.Refused(localizer["Agreement_AwardNotActive"]);
        }

        var agreement = await db.GrantAgreements.SingleOrDefaultAsync(a => a.AwardId == awardId, ct);
        if (agreement is { Status: AgreementStatus.Decided })
        {
            return Result.Refused(localizer["Agreement_AlreadyDecided"]);
        }

        var checklist = await AgreementRules.ChecklistAsync(db, agreement, awardId, ct);
        if (SubmitAgreement.Missing(checklist) is { } missing)
        {
            return Result.Refused(localizer["Agreement_DecisionIncomplete", localizer["Agreement_Step" + missing]]);
        }

        if (agreement!.Status != AgreementStatus.Submitted)
        {
            return Result.Refused(localizer["Agreement_NotSubmitted"]);
        }

        var now = clock.GetCurrentInstant();
        var account = (await AgreementRules.PendingAccountAsync(db, awardId, ct))!;
        account.Status = BankAccountStatus.Approved;
        account.DecidedAt = now;
        account.DecidedById = user.UserId;
        var before = AgreementRules.Snapshot(agreement);
        agreement.Status = AgreementStatus.Decided;
        agreement.DecidedAt = now;
        agreement.DecidedById = user.UserId;
        agreement.ReturnReason = null;
        if (await rules.SaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }

        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.AgreementDecided, nameof(GrantAgreement),
            AgreementRules.Id(agreement.Id), before, AgreementRules.Snapshot(agreement)));
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.BankAccountApproved, nameof(BankAccount),
            AgreementRules.Id(account.Id), after: AgreementRules.Snapshot(account)));
        await rules.TellGranteeAsync(db, award, "Decided", "", ct);
        await db.SaveChangesAsync(ct);
        return Result.DoneWithNotice(localizer["Agreement_Decided"]);
    }
}
