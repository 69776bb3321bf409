namespace GrantPortal.Core.Awards;

/// <summary>
/// One award with everything its page shows, read once: the award with its application (organization, call, budget
/// lines), tranches and payments, reports (spending lines too), agreement, settlement, the people named, the accounts,
/// the files (bank books, verifier's reports, the final report's evidence), the stored budget versions and the change
/// requests. Each section of the page is worked out from it (<see cref="AwardDetailsQuery.Details"/>,
/// <see cref="AgreementQueries.View"/>, <see cref="ChangeRequestQueries.Changes"/>, <see cref="SettlementQueries.View"/>),
/// so the page sends the same few SQL commands whatever the size of the data.
/// </summary>
internal sealed record AwardRecord(
    Award Award,
    GrantAgreement? Agreement,
    Settlement? Settlement,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, string?> Rejections,
    IReadOnlyList<BankAccount> Accounts,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<BudgetVersion> Versions,
    IReadOnlyList<ChangeRequest> Requests)
{
    public Application Application => Award.Application!;

    public Call Call => Application.Call!;

    /// <summary>The newest final report, which the settlement compares with the plan.</summary>
    public ProjectReport? FinalReport => Award.Reports.Where(r => r.Kind == ReportKind.Final).MaxBy(r => r.Id);

    /// <summary>The award's own accounts the agreement shows: the approved one and a change waiting for the officer.</summary>
    public IEnumerable<BankAccount> AgreementAccounts => Accounts.Where(a => IsAgreementAccount(a, Award.Id));

    private static bool IsAgreementAccount(BankAccount account, int awardId) =>
        account.AwardId == awardId && account.Status is BankAccountStatus.Approved or BankAccountStatus.Pending;

    /// <summary>What the award has paid out (the payments marked paid).</summary>
    public Krw Paid => Krw.Sum(Award.Tranches.SelectMany(t => t.Payments).Where(p => p.Status == PaymentStatus.Paid).Select(p => p.Amount));

    /// <summary>
    /// The award for a reader who may read it: officers and finance every award, an applicant only their own
    /// organization's; null for anyone else, as for an award that does not exist.
    /// </summary>
    public static async Task<AwardRecord?> LoadAsync(PortalDbContext db, CurrentUser user, int awardId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var staff = AwardRules.IsOfficerOrFinance(user);
        if (!staff && !(user.IsIn(Roles.Applicant) && user.OrganizationId is not null))
        {
            return null;
        }

        // One collection per command: the budget lines join the award's row, the other collections come on their own.
        var award = await db.Awards.AsNoTracking()
            .Include(a => a.Application!).ThenInclude(a => a.Organization)
            .Include(a => a.Application!).ThenInclude(a => a.BudgetLines)
            .Include(a => a.Application!).ThenInclude(a => a.Call!).ThenInclude(c => c.BudgetYear)
            .SingleOrDefaultAsync(a => a.Id == awardId && (staff || a.OrganizationId == user.OrganizationId), ct);
        if (award is null)
        {
            return null;
        }

        var sides = await (
                from a in db.Awards.AsNoTracking().Where(a => a.Id == awardId)
                join g in db.GrantAgreements.AsNoTracking() on a.Id equals g.AwardId into agreements
                from g in agreements.DefaultIfEmpty()
                join s in db.Settlements.AsNoTracking() on a.Id equals s.AwardId into settlements
                from s in settlements.DefaultIfEmpty()
                select new { Agreement = g, Settlement = s })
            .SingleAsync(ct);
        award.Tranches.AddRange(await db.Tranches.AsNoTracking().Include(t => t.Payments).Where(t => t.AwardId == awardId).ToListAsync(ct));
        award.Reports.AddRange(await db.ProjectReports.AsNoTracking().Include(r => r.SpendingLines).Where(r => r.AwardId == awardId).ToListAsync(ct));
        var payments = award.Tranches.SelectMany(t => t.Payments).ToList();

        var settlement = sides.Settlement;
        var peopleIds = payments.SelectMany(p => new[] { p.RecordedById, p.ApprovedById })
            .Concat([settlement?.ConfirmedById, settlement?.ReturnRecordedById, settlement?.ReturnConfirmedById])
            .OfType<string>()
            .Distinct()
            .ToList();
        var names = peopleIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => peopleIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        // Why a checker rejected a payment lives in the audit trail; the maker reads it on the award page.
        var rejectedIds = payments.Where(p => p.Status == PaymentStatus.Rejected).Select(p => p.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var rejections = rejectedIds.Count == 0 ? [] : (await db.AuditEvents.AsNoTracking()
                .Where(e => e.EntityType == nameof(Payment) && e.Action == "payment.rejected" && rejectedIds.Contains(e.EntityId))
                .Select(e => new { e.Id, e.EntityId, e.Reason })
                .ToListAsync(ct))
            .OrderBy(e => e.Id)
            .GroupBy(e => e.EntityId)
            .ToDictionary(g => g.Key, g => g.Last().Reason);

        var paidToIds = payments.Select(p => p.BankAccountId).OfType<int>().Distinct().ToList();
        var accounts = await db.BankAccounts.AsNoTracking().Where(a => a.AwardId == awardId || paidToIds.Contains(a.Id)).ToListAsync(ct);
        var bookIds = accounts.Where(a => IsAgreementAccount(a, awardId)).Select(a => (int?)a.Id).ToList();
        // No report has id 0: without a final report there is no evidence to read.
        var finalId = award.Reports.Where(r => r.Kind == ReportKind.Final).MaxBy(r => r.Id)?.Id ?? 0;
        var files = await db.Attachments.AsNoTracking()
            .Where(f => bookIds.Contains(f.BankAccountId) || f.VerificationAwardId == awardId || (f.ProjectReportId == finalId && f.SpendingLineId != null))
            .OrderBy(f => f.Id)
            .ToListAsync(ct);
        var versions = await db.BudgetVersions.AsNoTracking().Include(v => v.Lines).Where(v => v.AwardId == awardId).OrderBy(v => v.Number).ToListAsync(ct);
        var requests = await db.ChangeRequests.AsNoTracking().Where(r => r.AwardId == awardId)
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        return new AwardRecord(award, sides.Agreement, settlement, names, rejections, accounts, files, versions, requests);
    }
}
