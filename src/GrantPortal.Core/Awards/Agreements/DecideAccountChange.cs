namespace GrantPortal.Core.Awards;

/// <summary>
/// After the grant decision, the program officer approves or refuses (with a reason) a new account the grantee
/// registered. Approval needs its bank-book copy; the old account is superseded at that moment, under the award's
/// row lock, so a payment recorded at the same time goes wholly to one account or the other.
/// </summary>
public sealed class DecideAccountChange(
    IDbContextFactory<PortalDbContext> dbFactory,
    AgreementRules rules,
    IClock clock,
    IStringLocalizer<Strings> localizer)
{
    public Task<Result> ApproveAsync(CurrentUser user, int bankAccountId, CancellationToken ct = default) =>
        DecideAsync(user, bankAccountId, approve: true, null, ct);

    public Task<Result> RefuseAsync(CurrentUser user, int bankAccountId, string? reason, CancellationToken ct = default) =>
        DecideAsync(user, bankAccountId, approve: false, reason, ct);

    private async Task<Result> DecideAsync(CurrentUser user, int bankAccountId, bool approve, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        var trimmed = reason?.Trim() ?? "";
        if (!approve && trimmed.Length == 0)
        {
            return Result.Invalid("RefusalReason", localizer["Agreement_RefusalReasonRequired"]);
        }

        if (trimmed.Length > GrantAgreement.ReasonLength)
        {
            return Result.Invalid("RefusalReason", localizer["Agreement_TooLong", localizer["Agreement_RefusalReason"], GrantAgreement.ReasonLength]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.BankAccounts.Where(a => a.Id == bankAccountId).Select(a => (int?)a.AwardId).SingleOrDefaultAsync(ct) is not { } awardId)
        {
            return Result.NotFound();
        }

        return await db.InTransactionAsync(RowLock.On<Award>(awardId), async () =>
        {
            var award = (await AgreementRules.ReadAsync(db, awardId, ct))!;
            var account = await db.BankAccounts.SingleAsync(a => a.Id == bankAccountId, ct);
            if (account.Status != BankAccountStatus.Pending)
            {
                return Result.Refused(localizer["Agreement_AccountAlreadyDecided", localizer["Agreement_AccountStatus" + account.Status]]);
            }

            // Before the decision the account is approved with the checklist, not on its own.
            if (!await db.GrantAgreements.AnyAsync(a => a.AwardId == awardId && a.Status == AgreementStatus.Decided, ct))
            {
                return Result.Refused(localizer["Agreement_AccountWithDecision"]);
            }

            if (approve && !await AgreementRules.HasBankBookAsync(db, account.Id, ct))
            {
                return Result.Refused(localizer["Agreement_BankBookMissing"]);
            }

            var now = clock.GetCurrentInstant();
            if (approve)
            {
                foreach (var old in await db.BankAccounts.Where(a => a.AwardId == awardId && a.Status == BankAccountStatus.Approved).ToListAsync(ct))
                {
                    old.Status = BankAccountStatus.Superseded;
                }
            }

            account.Status = approve ? BankAccountStatus.Approved : BankAccountStatus.Refused;
            account.DecidedAt = now;
            account.DecidedById = user.UserId;
            account.RefusalReason = approve ? null : trimmed;
            if (await rules.SaveAsync(db, ct) is { } conflict)
            {
                return conflict;
            }

            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), approve ? AuditActions.BankAccountApproved : AuditActions.BankAccountRefused,
                nameof(BankAccount), AgreementRules.Id(account.Id), after: AgreementRules.Snapshot(account), reason: approve ? null : trimmed));
            await rules.TellGranteeAsync(db, award, approve ? "AccountApproved" : "AccountRefused", trimmed, ct);
            await db.SaveChangesAsync(ct);
            return Result.Done();
        }, ct);
    }
}
