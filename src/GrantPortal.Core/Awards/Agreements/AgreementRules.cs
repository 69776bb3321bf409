namespace GrantPortal.Core.Awards;

/// <summary>Where the grantee stands on the checklist before the grant decision.</summary>
public sealed record AgreementChecklist(bool ConditionsAccepted, bool AccountRegistered, bool BankBookUploaded, bool PledgeSigned)
{
    public bool IsComplete => ConditionsAccepted && AccountRegistered && BankBookUploaded && PledgeSigned;

    /// <summary>
    /// The checklist of <paramref name="agreement"/> (null: nothing done yet) with <paramref name="account"/>, the account
    /// the decision would approve, and whether its bank book is uploaded.
    /// </summary>
    public static AgreementChecklist Of(GrantAgreement? agreement, BankAccount? account, bool bankBook) =>
        new(agreement?.ConditionsAccepted == true, account is not null, account is not null && bankBook, agreement?.PledgeSigned == true);
}

/// <summary>What the agreement's steps share: the award as they see it, who may act, the agreement row, mail and audit.</summary>
public sealed class AgreementRules(OrganizationMail organizationMail, PortalLinks links, IStringLocalizer<Strings> localizer)
{
    public sealed record AwardForAgreement(int Id, int OrganizationId, AwardStatus Status, string ProjectTitle, string AwardedById, OrganizationName OrganizationName);

    public static Task<AwardForAgreement?> ReadAsync(PortalDbContext db, int awardId, CancellationToken ct) =>
        db.Awards.AsNoTracking().Where(a => a.Id == awardId)
            .Select(a => new AwardForAgreement(a.Id, a.OrganizationId, a.Status, a.Application!.ProjectTitle, a.AwardedById,
                new OrganizationName(a.Application.Organization!.NameKorean, a.Application.Organization.Name)))
            .SingleOrDefaultAsync(ct);

    /// <summary>A member of the grantee organization (the only people who work through the checklist).</summary>
    public static bool IsGrantee(CurrentUser user, AwardForAgreement award) =>
        user.IsIn(Roles.Applicant) && user.OrganizationId == award.OrganizationId;

    /// <summary>The award's agreement, tracked, created as a draft on the grantee's first step.</summary>
    public static async Task<GrantAgreement> OpenAsync(PortalDbContext db, int awardId, CancellationToken ct)
    {
        var agreement = await db.GrantAgreements.SingleOrDefaultAsync(a => a.AwardId == awardId, ct);
        if (agreement is null)
        {
            agreement = new GrantAgreement { AwardId = awardId, Status = AgreementStatus.Draft };
            db.GrantAgreements.Add(agreement);
        }

        return agreement;
    }

    /// <summary>The account payments go to now, if any.</summary>
    public static Task<BankAccount?> ApprovedAccountAsync(PortalDbContext db, int awardId, CancellationToken ct) =>
        db.BankAccounts.Where(a => a.AwardId == awardId && a.Status == BankAccountStatus.Approved).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);

    /// <summary>The account waiting for the officer (with the decision, or as a change), if any.</summary>
    public static Task<BankAccount?> PendingAccountAsync(PortalDbContext db, int awardId, CancellationToken ct) =>
        db.BankAccounts.Where(a => a.AwardId == awardId && a.Status == BankAccountStatus.Pending).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);

    public static Task<bool> HasBankBookAsync(PortalDbContext db, int bankAccountId, CancellationToken ct) =>
        db.Attachments.AnyAsync(f => f.BankAccountId == bankAccountId, ct);

    public static async Task<AgreementChecklist> ChecklistAsync(PortalDbContext db, GrantAgreement? agreement, int awardId, CancellationToken ct)
    {
        var account = await PendingAccountAsync(db, awardId, ct) ?? await ApprovedAccountAsync(db, awardId, ct);
        return AgreementChecklist.Of(agreement, account, account is not null && await HasBankBookAsync(db, account.Id, ct));
    }

    /// <summary>
    /// The common refusal of a grantee's step: not theirs (not found), the award no longer active, or the checklist
    /// with the officer or decided (only a change of account is possible then).
    /// </summary>
    public Result? RefuseGranteeStep(CurrentUser user, AwardForAgreement? award, GrantAgreement? agreement)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (award is null || !IsGrantee(user, award))
        {
            return Result.NotFound();
        }

        if (award.Status != AwardStatus.Active)
        {
            return Result.Refused(localizer["Agreement_AwardNotActive"]);
        }

        return agreement is { IsEditable: false }
            ? Result.Refused(localizer["Agreement_NotEditable", localizer["Agreement_Status" + agreement.Status]])
            : null;
    }

    /// <summary>Tells the grantee's people of a step the officer took (decision, return, account decision).</summary>
    public Task TellGranteeAsync(PortalDbContext db, AwardForAgreement award, string what, string reason, CancellationToken ct) =>
        organizationMail.QueueAsync(db, award.OrganizationId, MailPurposes.AgreementDecided, member => (
            localizer["Agreement_Mail" + what + "Subject", award.ProjectTitle].Value,
            localizer["Agreement_Mail" + what + "Body", member.DisplayName, award.ProjectTitle, reason, links.To(PortalPaths.Award(award.Id))].Value), ct);

    /// <summary>Tells the officer who made the award that the checklist (or a change of account) waits for them.</summary>
    public async Task TellOfficerAsync(PortalDbContext db, AwardForAgreement award, string what, Instant now, CancellationToken ct)
    {
        var officer = await db.Users.AsNoTracking()
            .Where(u => u.Id == award.AwardedById && u.Email != null && u.RemovedAt == null)
            .Select(u => new { u.DisplayName, u.Email, u.PreferredLanguage })
            .SingleOrDefaultAsync(ct);
        if (officer is null)
        {
            return;
        }

        var to = new MailRecipient(officer.DisplayName, officer.Email!, Languages.Normalize(officer.PreferredLanguage));
        MailOutbox.Add(db, now, MailPurposes.AgreementSubmitted, to, () => (
            localizer["Agreement_Mail" + what + "Subject", award.ProjectTitle].Value,
            localizer["Agreement_Mail" + what + "Body", to.DisplayName, award.ProjectTitle, links.To(PortalPaths.Award(award.Id))].Value));
    }

    /// <summary>The agreement as the audit trail keeps it.</summary>
    public static string Snapshot(GrantAgreement agreement) => JsonSerializer.Serialize(new
    {
        agreement.AwardId,
        Status = agreement.Status.ToString(),
        ConditionsAcceptedAt = agreement.ConditionsAcceptedAt?.ToString(),
        agreement.PledgeSignerName,
        agreement.PledgeSignerPosition,
        PledgeSignedAt = agreement.PledgeSignedAt?.ToString(),
        SubmittedAt = agreement.SubmittedAt?.ToString(),
        agreement.ReturnReason,
        DecidedAt = agreement.DecidedAt?.ToString(),
    });

    /// <summary>The account as the audit trail keeps it (the number masked: the trail is read widely).</summary>
    public static string Snapshot(BankAccount account) => JsonSerializer.Serialize(new
    {
        account.AwardId,
        account.BankCode,
        AccountNumber = KoreanBanks.Masked(account.AccountNumber),
        account.Holder,
        Status = account.Status.ToString(),
        account.RefusalReason,
    });

    /// <summary>Saves, turning a concurrent edit into the usual conflict.</summary>
    public async Task<Result?> SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
