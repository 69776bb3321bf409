namespace GrantPortal.Core.Awards;

/// <summary>The account a grantee types in: the bank's code, the number, the holder as the bank book shows it.</summary>
public sealed class BankAccountForm
{
    public string? BankCode { get; set; }

    public string? AccountNumber { get; set; }

    public string? Holder { get; set; }
}

/// <summary>
/// The grantee registers the award's dedicated account. Before the grant decision it replaces any account registered
/// before; after it, it is a change of account: the new one waits for the officer (<see cref="DecideAccountChange"/>)
/// and payments keep going to the approved one until then. A holder that does not read as the organization's name is
/// accepted with a warning (banks shorten names), never refused.
/// </summary>
public sealed class RegisterBankAccount(
    IDbContextFactory<PortalDbContext> dbFactory,
    AgreementRules rules,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<RegisterBankAccount> logger)
{
    /// <summary>The value is the new account's id; the notice, when set, is the holder warning.</summary>
    public async Task<Result<int>> RegisterAsync(CurrentUser user, int awardId, BankAccountForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (Check(form) is { Count: > 0 } errors)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await db.InTransactionAsync(RowLock.On<Award>(awardId), () => RegisterUnderAwardLockAsync(db, user, awardId, form, ct), ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Bank account {BankAccountId} registered on award {AwardId} by {UserId}", result.Value, awardId, user.UserId);
        }

        return result;
    }

    private List<FieldError> Check(BankAccountForm form)
    {
        var errors = new List<FieldError>();
        if (KoreanBanks.Find(form.BankCode) is not { } bank)
        {
            errors.Add(new FieldError("BankCode", localizer["Agreement_BankRequired"]));
        }
        else if (KoreanBanks.CheckNumber(bank, form.AccountNumber) is { } wrong)
        {
            errors.Add(new FieldError("AccountNumber", localizer[wrong.Key, wrong.Arguments]));
        }

        var holder = form.Holder?.Trim() ?? "";
        if (holder.Length == 0)
        {
            errors.Add(new FieldError("Holder", localizer["Agreement_HolderRequired"]));
        }
        else if (holder.Length > BankAccount.HolderLength)
        {
            errors.Add(new FieldError("Holder", localizer["Agreement_TooLong", localizer["Agreement_Holder"], BankAccount.HolderLength]));
        }

        return errors;
    }

    private async Task<Result<int>> RegisterUnderAwardLockAsync(PortalDbContext db, CurrentUser user, int awardId, BankAccountForm form, CancellationToken ct)
    {
        var award = await AgreementRules.ReadAsync(db, awardId, ct);
        var agreement = award is null ? null : await db.GrantAgreements.SingleOrDefaultAsync(a => a.AwardId == awardId, ct);
        var change = agreement?.Status == AgreementStatus.Decided;

        // After the decision a change of account is the one step the grantee still takes.
        if (!change && rules.RefuseGranteeStep(user, award, agreement) is { } refusal)
        {
            return refusal;
        }

        if (change && (award is null || !AgreementRules.IsGrantee(user, award)))
        {
            return Result.NotFound();
        }

        if (award!.Status != AwardStatus.Active)
        {
            return Result.Refused(localizer["Agreement_AwardNotActive"]);
        }

        var now = clock.GetCurrentInstant();
        agreement ??= await AgreementRules.OpenAsync(db, awardId, ct);
        foreach (var replaced in await db.BankAccounts.Where(a => a.AwardId == awardId && a.Status == BankAccountStatus.Pending).ToListAsync(ct))
        {
            replaced.Status = BankAccountStatus.Superseded;
        }

        var account = new BankAccount
        {
            AwardId = awardId,
            BankCode = form.BankCode!,
            AccountNumber = form.AccountNumber!.Trim(),
            Holder = form.Holder!.Trim(),
            Status = BankAccountStatus.Pending,
            RegisteredAt = now,
            RegisteredById = user.UserId,
        };
        db.BankAccounts.Add(account);
        if (await rules.SaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }

        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.BankAccountRegistered, nameof(BankAccount),
            AgreementRules.Id(account.Id), after: AgreementRules.Snapshot(account), reason: change ? "change" : null));
        if (change)
        {
            await rules.TellOfficerAsync(db, award, "AccountChange", now, ct);
        }

        await db.SaveChangesAsync(ct);
        var warning = KoreanBanks.HolderMatches(account.Holder, award.OrganizationName)
            ? null
            : localizer["Agreement_HolderDiffers", account.Holder, award.OrganizationName.Korean, award.OrganizationName.English].Value;
        var notice = change ? localizer["Agreement_ChangeWaits"].Value : null;
        return Result.Done(account.Id, string.Join(" ", new[] { warning, notice }.OfType<string>()) is { Length: > 0 } text ? text : null);
    }
}
