using GrantPortal.Core.Documents;

namespace GrantPortal.Core.Awards;

/// <summary>
/// Reading an award's settlement: the panel on the award page, the sheet as XLSX, the confirmation as DOCX or PDF,
/// the verifier's report, and finance's receivables. The same people who may read the award (<see cref="AwardDetailsQuery.GetAsync"/>)
/// may read its settlement; everyone else gets null, as for an award that does not exist.
/// </summary>
public sealed class SettlementQueries(
    IDbContextFactory<PortalDbContext> dbFactory,
    AwardDetailsQuery awards,
    AttachmentStore store,
    IStringLocalizer<Strings> localizer)
{
    private static readonly string[] SheetColumns =
        ["Category", "Category (Korean)", "Grant budget (KRW)", "Own contribution budget (KRW)", "Grant spent (KRW)", "Own contribution spent (KRW)", "Ineligible (KRW)", "Eligible grant (KRW)"];

    public async Task<SettlementView?> GetAsync(CurrentUser user, int awardId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AwardRecord.LoadAsync(db, user, awardId, ct) is { } record ? View(record, user) : null;
    }

    /// <summary>The settlement panel from the award read once for its page, by a reader <see cref="AwardRecord.LoadAsync"/> let read it.</summary>
    internal static SettlementView View(AwardRecord record, CurrentUser user)
    {
        var awardId = record.Award.Id;
        var settlement = record.Settlement;
        var inputs = SettlementRules.Of(record, settlement);
        var report = inputs.FinalReport;
        var threshold = inputs.Rules.EvidenceThreshold;
        var lines = report?.SpendingLines.OrderBy(l => l.Id).Select(l => new SettlementLineView(
            l.Id, l.Category, l.Item, l.Budgeted, l.Spent, l.OwnSpent, l.IneligibleGrant, l.IneligibleReason,
            SettlementThresholds.NeedsEvidence(l.Spent + l.OwnSpent, threshold),
            record.Attachments.Count(a => a.ProjectReportId == report.Id && a.SpendingLineId == l.Id))).ToList() ?? [];
        var verification = record.Attachments.Where(a => a.VerificationAwardId == awardId).OrderBy(a => a.Id).ToList();
        ConfirmedSettlement? confirmed = null;
        if (settlement is not null)
        {
            string? Name(string? id) => id is null ? null : record.Names.GetValueOrDefault(id, id);
            confirmed = new ConfirmedSettlement(settlement.Id, settlement.ConfirmedAt, Name(settlement.ConfirmedById)!, inputs.ClosedOn, settlement.AmountToReturn,
                settlement.ReturnStatus, settlement.ReturnReceivedOn, settlement.ReturnReference, Name(settlement.ReturnRecordedById), Name(settlement.ReturnConfirmedById),
                settlement.Version);
        }

        return new SettlementView(awardId, inputs.Amount, report?.Id, report?.Status, inputs.Sheet, lines, threshold, inputs.Rules.VerificationThreshold,
            settlement?.VerificationRequired ?? inputs.VerificationRequired, verification.Select(AttachmentView.From).ToList(), confirmed,
            SettlementRules.IsOfficer(user));
    }

    /// <summary>The settlement sheet by category as an Excel workbook; false (nothing written) for anyone who may not read the award.</summary>
    public async Task<bool> SheetAsync(CurrentUser user, int awardId, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (await GetAsync(user, awardId, ct) is not { } view)
        {
            return false;
        }

        var sheet = view.Sheet;
        var rows = sheet.Rows.Select(r => new ExportCell[]
            {
                r.Category.ToString(), Languages.InLanguage(Languages.Korean, () => localizer["BudgetCategory_" + r.Category].Value),
                r.GrantBudget.Won, r.OwnBudget.Won, r.GrantSpent.Won, r.OwnSpent.Won, r.Ineligible.Won, r.EligibleGrant.Won,
            })
            .Append(["Total", "합계", sheet.GrantBudget.Won, sheet.OwnBudget.Won, sheet.GrantSpent.Won, sheet.OwnSpent.Won, sheet.Ineligible.Won, sheet.EligibleGrantSpent.Won])
            .Append(["Grant received (KRW)", "교부액(수령액)", sheet.GrantReceived.Won, "", "", "", "", ""])
            .Append(["Interest (KRW)", "발생이자", sheet.Interest.Won, "", "", "", "", ""])
            .Append(["Amount to return (KRW)", "반납액", (view.Confirmed?.AmountToReturn ?? sheet.AmountToReturn).Won, "", "", "", "", ""])
            .ToAsyncEnumerable();
        await TableExport.WriteAsync(ExportFormat.Xlsx, "Settlement " + AwardRules.Id(awardId), SheetColumns, rows, output, ct);
        return true;
    }

    /// <summary>The settlement confirmation (정산 확인서) in Korean or English, once confirmed; null before, or for anyone who may not read the award.</summary>
    public async Task<DocumentFile?> ConfirmationAsync(CurrentUser user, int awardId, string language, DocumentFileFormat format, CancellationToken ct = default)
    {
        var details = await awards.GetAsync(user, awardId, ct);
        if (details is null || await GetAsync(user, awardId, ct) is not { Confirmed: not null } view)
        {
            return null;
        }

        var normalized = Languages.Normalize(language);
        return Languages.InLanguage(normalized, () => DocumentFile.Write(
            SettlementConfirmation.Content(details, view, normalized, localizer), format,
            $"settlement-{details.ReceiptNumber ?? AwardRules.Id(details.Id)}-{normalized}"));
    }

    /// <summary>A verifier's report of the award, for whoever may read the award; null otherwise.</summary>
    public async Task<AttachmentDownload?> VerificationReportAsync(CurrentUser user, int awardId, int attachmentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MayReadAsync(db, user, awardId, ct) ? await store.OpenVerificationAsync(awardId, attachmentId, ct) : null;
    }

    /// <summary>Finance's receivables: returns owed (to record as received) and recorded (to confirm by another finance user), oldest first.</summary>
    public async Task<IReadOnlyList<WorklistReceivable>> ReceivablesAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReceivablesAsync(db, user, ct);
    }

    internal static async Task<IReadOnlyList<WorklistReceivable>> ReceivablesAsync(PortalDbContext db, CurrentUser user, CancellationToken ct)
    {
        var rows = await (
                from s in db.Settlements.AsNoTracking()
                join a in db.Awards on s.AwardId equals a.Id
                where s.ReturnStatus == ReturnStatus.Owed || s.ReturnStatus == ReturnStatus.Recorded
                orderby s.ConfirmedAt, s.Id
                select new
                {
                    s.Id, s.AwardId, a.Application!.Organization!.NameKorean, a.Application.Organization.Name, a.Application.ProjectTitle,
                    s.AmountToReturn, s.ReturnStatus, s.ConfirmedAt, s.ReturnReceivedOn, s.ReturnReference, s.ReturnRecordedById, s.Version,
                })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.ReturnRecordedById).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows.Select(r => new WorklistReceivable(
            r.Id, r.AwardId, new OrganizationName(r.NameKorean, r.Name), r.ProjectTitle, r.AmountToReturn, r.ReturnStatus, r.ConfirmedAt, r.ReturnReceivedOn, r.ReturnReference,
            r.ReturnRecordedById is { } by ? names.GetValueOrDefault(by, by) : null, r.ReturnRecordedById == user.UserId, r.Version)).ToList();
    }

    private static async Task<bool> MayReadAsync(PortalDbContext db, CurrentUser user, int awardId, CancellationToken ct)
    {
        if (AwardDetailsQuery.MayReadEveryAward(user))
        {
            return await db.Awards.AnyAsync(a => a.Id == awardId, ct);
        }

        return user.IsIn(Roles.Applicant) && user.OrganizationId is { } organizationId
            && await db.Awards.AnyAsync(a => a.Id == awardId && a.OrganizationId == organizationId, ct);
    }
}
