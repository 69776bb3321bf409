using GrantPortal.Core.Documents;

namespace GrantPortal.Core.Awards;

/// <summary>An account as the award page shows it: the number masked, the holder, whether the holder reads as the organization.</summary>
public sealed record BankAccountView(
    int Id, string BankCode, string Bank, string MaskedNumber, string Holder, bool HolderMatches, BankAccountStatus Status,
    Instant RegisteredAt, Instant? DecidedAt, string? RefusalReason, string? BankBookName);

/// <summary>The agreement checklist of one award as its reader sees it.</summary>
public sealed record AgreementView(
    int AwardId,
    AgreementStatus Status,
    AgreementChecklist Checklist,
    string CallConditions,
    string AwardConditions,
    Instant? ConditionsAcceptedAt,
    string? PledgeSignerName,
    string? PledgeSignerPosition,
    Instant? PledgeSignedAt,
    Instant? SubmittedAt,
    string? ReturnReason,
    Instant? DecidedAt,
    BankAccountView? ApprovedAccount,
    BankAccountView? PendingAccount,
    bool IsGrantee,
    bool IsOfficer,
    bool AwardActive,
    int Version)
{
    public bool IsDecided => Status == AgreementStatus.Decided;

    public bool GranteeMayEdit => IsGrantee && AwardActive && Status is AgreementStatus.Draft or AgreementStatus.Returned;
}

/// <summary>An agreement or a change of account waiting for the officer.</summary>
public sealed record AgreementWaiting(int AwardId, string ProjectTitle, OrganizationName Organization, string CallCode, Instant Since, bool IsAccountChange);

/// <summary>The agreement's reads: the checklist panel, the officer's worklist, the bank book and the decision notice.</summary>
public sealed class AgreementQueries(IDbContextFactory<PortalDbContext> dbFactory, AwardDetailsQuery awards, AttachmentStore store, IStringLocalizer<Strings> localizer)
{
    /// <summary>The award's checklist for the officer, finance or the grantee's people; null for anyone else.</summary>
    public async Task<AgreementView?> ForAwardAsync(CurrentUser user, int awardId, string language, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AwardRecord.LoadAsync(db, user, awardId, ct) is { } record ? View(record, user, language) : null;
    }

    /// <summary>The checklist from the award read once for its page, by a reader <see cref="AwardRecord.LoadAsync"/> let read it.</summary>
    internal static AgreementView View(AwardRecord record, CurrentUser user, string language)
    {
        var awardId = record.Award.Id;
        var call = record.Call;
        var organization = new OrganizationName(record.Application.Organization!.NameKorean, record.Application.Organization.Name);
        var grantee = user.IsIn(Roles.Applicant) && user.OrganizationId == record.Award.OrganizationId;
        var agreement = record.Agreement;
        var accounts = record.AgreementAccounts.ToList();
        var books = record.Attachments.Where(f => f.BankAccountId is { } id && accounts.Any(a => a.Id == id))
            .Select(f => new { f.BankAccountId, f.DisplayName }).ToList();
        BankAccountView? AccountView(BankAccount? a) => a is null ? null : new BankAccountView(
            a.Id, a.BankCode, KoreanBanks.Find(a.BankCode)?.Name(language) ?? a.BankCode, KoreanBanks.Masked(a.AccountNumber), a.Holder,
            KoreanBanks.HolderMatches(a.Holder, organization), a.Status, a.RegisteredAt, a.DecidedAt, a.RefusalReason,
            books.LastOrDefault(b => b.BankAccountId == a.Id)?.DisplayName);
        var approved = accounts.Where(a => a.Status == BankAccountStatus.Approved).MaxBy(a => a.Id);
        var pending = accounts.Where(a => a.Status == BankAccountStatus.Pending).MaxBy(a => a.Id);
        var forChecklist = pending ?? approved;
        var korean = Languages.Normalize(language) == Languages.Korean;
        return new AgreementView(
            awardId,
            agreement?.Status ?? AgreementStatus.Draft,
            AgreementChecklist.Of(agreement, forChecklist, forChecklist is not null && books.Any(b => b.BankAccountId == forChecklist.Id)),
            korean || call.AwardConditionsEnglish.Length == 0 ? call.AwardConditionsKorean : call.AwardConditionsEnglish,
            record.Award.Conditions,
            agreement?.ConditionsAcceptedAt,
            agreement?.PledgeSignerName,
            agreement?.PledgeSignerPosition,
            agreement?.PledgeSignedAt,
            agreement?.SubmittedAt,
            agreement?.ReturnReason,
            agreement?.DecidedAt,
            AccountView(approved),
            AccountView(pending),
            grantee,
            AwardRules.IsOfficer(user),
            record.Award.Status == AwardStatus.Active,
            agreement?.Version ?? 0);
    }

    /// <summary>Checklists submitted and changes of account registered, waiting for an officer, oldest first; empty for anyone else.</summary>
    public async Task<IReadOnlyList<AgreementWaiting>> WaitingAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficer(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submitted = await db.GrantAgreements.AsNoTracking().Where(g => g.Status == AgreementStatus.Submitted)
            .Join(db.Awards.Where(a => a.Status == AwardStatus.Active), g => g.AwardId, a => a.Id, (g, a) => new
            {
                a.Id, a.Application!.ProjectTitle, a.Application.Organization!.NameKorean, OrganizationName = a.Application.Organization.Name,
                a.Application.Call!.Code, Since = g.SubmittedAt!.Value, Change = false,
            }).ToListAsync(ct);
        var decided = db.GrantAgreements.Where(g => g.Status == AgreementStatus.Decided).Select(g => g.AwardId);
        var changes = await db.BankAccounts.AsNoTracking().Where(b => b.Status == BankAccountStatus.Pending && decided.Contains(b.AwardId))
            .Join(db.Awards.Where(a => a.Status == AwardStatus.Active), b => b.AwardId, a => a.Id, (b, a) => new
            {
                a.Id, a.Application!.ProjectTitle, a.Application.Organization!.NameKorean, OrganizationName = a.Application.Organization.Name,
                a.Application.Call!.Code, Since = b.RegisteredAt, Change = true,
            }).ToListAsync(ct);
        return submitted.Concat(changes).OrderBy(w => w.Since)
            .Select(w => new AgreementWaiting(w.Id, w.ProjectTitle, new OrganizationName(w.NameKorean, w.OrganizationName), w.Code, w.Since, w.Change))
            .ToList();
    }

    /// <summary>The bank-book copy of one of the award's accounts, for whoever may read the award; null otherwise.</summary>
    public async Task<AttachmentDownload?> BankBookAsync(CurrentUser user, int bankAccountId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var awardId = await db.BankAccounts.Where(a => a.Id == bankAccountId).Select(a => (int?)a.AwardId).SingleOrDefaultAsync(ct);
        return awardId is { } id && await awards.GetAsync(user, id, ct) is not null ? await store.OpenBankBookAsync(bankAccountId, ct) : null;
    }

    /// <summary>
    /// The grant decision notice (교부결정 통지서) in Korean or English, as DOCX or PDF; null before the decision or for
    /// anyone who may not read the award.
    /// </summary>
    public async Task<DocumentFile?> DecisionAsync(CurrentUser user, int awardId, string language, DocumentFileFormat format, CancellationToken ct = default)
    {
        var details = await awards.GetAsync(user, awardId, ct);
        if (details is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agreement = await db.GrantAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.AwardId == awardId && a.Status == AgreementStatus.Decided, ct);
        if (agreement is null)
        {
            return null;
        }

        var call = await db.Calls.AsNoTracking().Where(c => c.Id == details.CallId).Select(c => new { c.AwardConditionsKorean, c.AwardConditionsEnglish }).SingleAsync(ct);
        var account = await db.BankAccounts.AsNoTracking().Where(a => a.AwardId == awardId && a.Status == BankAccountStatus.Approved).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var normalized = Languages.Normalize(language);
        var conditions = normalized == Languages.Korean || call.AwardConditionsEnglish.Length == 0 ? call.AwardConditionsKorean : call.AwardConditionsEnglish;
        return Languages.InLanguage(normalized, () => DocumentFile.Write(
            GrantDecisionNotice.Content(details, agreement, account, conditions, normalized, localizer), format,
            $"grant-decision-{details.ReceiptNumber ?? AwardRules.Id(details.Id)}-{normalized}"));
    }
}
