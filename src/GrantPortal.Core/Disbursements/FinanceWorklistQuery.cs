namespace GrantPortal.Core.Disbursements;

/// <summary>A payment waiting for a checker or for the bank transfer.</summary>
public sealed record WorklistPayment(
    int PaymentId,
    int AwardId,
    OrganizationName OrganizationName,
    string ProjectTitle,
    string? ReceiptNumber,
    int TrancheSequence,
    Krw Amount,
    PaymentStatus Status,
    string RecordedBy,
    Instant RecordedAt,
    bool RecordedByMe,
    ReportKind? GateKind,
    ReportStatus? GateStatus,
    int Version,
    string? Account = null)
{
    public bool GateOpen => GateStatus is null or ReportStatus.Approved;
}

/// <summary>An unpaid tranche (see <see cref="TranchesDue"/>): <see cref="Open"/> is still to record, the rest of <see cref="Unpaid"/> is on its way.</summary>
public sealed record WorklistTranche(
    int TrancheId, int AwardId, OrganizationName OrganizationName, string ProjectTitle, int Sequence, Krw Amount, Krw Open, Krw Unpaid, LocalDate PlannedOn, ReportKind? GateKind, ReportStatus? GateStatus,
    string? Account = null)
{
    public bool GateOpen => GateStatus is null or ReportStatus.Approved;

    /// <summary>Recorded or approved but not yet transferred.</summary>
    public Krw InProgress => Unpaid - Open;
}

public sealed record FinanceWorklist(
    IReadOnlyList<WorklistPayment> AwaitingApproval,
    IReadOnlyList<WorklistPayment> AwaitingTransfer,
    IReadOnlyList<WorklistTranche> DueThisMonth,
    IReadOnlyList<WorklistTranche> Overdue,
    IReadOnlyList<WorklistReceivable> Receivables);

/// <summary>
/// The finance desk: payments waiting for a checker or for the bank transfer, the tranches due this month or
/// overdue (<see cref="TranchesDue"/>), and the returns settlements ask for (receivables). Only finance users get it.
/// </summary>
public sealed class FinanceWorklistQuery(IDbContextFactory<PortalDbContext> dbFactory, IClock clock)
{
    public async Task<FinanceWorklist?> WorklistAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return null;
        }

        var today = Seoul.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await (
                from p in db.Payments.AsNoTracking()
                join t in db.Tranches on p.TrancheId equals t.Id
                join a in db.Awards on p.AwardId equals a.Id
                where p.Status == PaymentStatus.AwaitingApproval || p.Status == PaymentStatus.Approved
                orderby p.RecordedAt
                select new
                {
                    p.Id,
                    p.AwardId,
                    a.Application!.Organization!.NameKorean,
                    a.Application.Organization.Name,
                    a.Application.ProjectTitle,
                    a.Application.ReceiptNumber,
                    t.Sequence,
                    p.Amount,
                    p.Status,
                    p.RecordedById,
                    p.RecordedAt,
                    GateKind = (ReportKind?)t.GatingReport!.Kind,
                    GateStatus = (ReportStatus?)t.GatingReport.Status,
                    p.Version,
                    p.BankAccountId,
                })
            .ToListAsync(ct);
        var recorders = pending.Select(p => p.RecordedById).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => recorders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var accountIds = pending.Select(p => p.BankAccountId).OfType<int>().Distinct().ToList();
        var accounts = await db.BankAccounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Describe(Languages.Current), ct);
        var payments = pending.Select(p => new WorklistPayment(
            p.Id, p.AwardId, new OrganizationName(p.NameKorean, p.Name), p.ProjectTitle, p.ReceiptNumber, p.Sequence, p.Amount, p.Status, names.GetValueOrDefault(p.RecordedById, p.RecordedById), p.RecordedAt,
            p.RecordedById == user.UserId, p.GateKind, p.GateStatus, p.Version, p.BankAccountId is { } id ? accounts.GetValueOrDefault(id) : null)).ToList();

        var dueThisMonth = await WorklistTranchesAsync(db, TranchesDue.ThisMonth(db, today), ct);
        var overdue = await WorklistTranchesAsync(db, TranchesDue.Overdue(db, today), ct);
        return new FinanceWorklist(
            payments.Where(p => p.Status == PaymentStatus.AwaitingApproval).ToList(),
            payments.Where(p => p.Status == PaymentStatus.Approved).ToList(),
            dueThisMonth,
            overdue,
            await SettlementQueries.ReceivablesAsync(db, user, ct));
    }

    private static async Task<List<WorklistTranche>> WorklistTranchesAsync(PortalDbContext db, IQueryable<Tranche> due, CancellationToken ct)
    {
        var rows = await (
                from t in due.AsNoTracking()
                join a in db.Awards on t.AwardId equals a.Id
                orderby t.PlannedOn, t.Id
                select new
                {
                    t.Id,
                    t.AwardId,
                    a.Application!.Organization!.NameKorean,
                    a.Application.Organization.Name,
                    a.Application.ProjectTitle,
                    t.Sequence,
                    t.Amount,
                    Recorded = t.Payments.Where(p => p.Status != PaymentStatus.Rejected).Sum(p => (long)p.Amount),
                    Paid = t.Payments.Where(p => p.Status == PaymentStatus.Paid).Sum(p => (long)p.Amount),
                    t.PlannedOn,
                    GateKind = (ReportKind?)t.GatingReport!.Kind,
                    GateStatus = (ReportStatus?)t.GatingReport.Status,
                })
            .ToListAsync(ct);

        // The account a payment recorded now would go to: the award's approved one (none before the grant decision).
        var awardIds = rows.Select(t => t.AwardId).Distinct().ToList();
        var approved = (await db.BankAccounts.AsNoTracking().Where(a => awardIds.Contains(a.AwardId) && a.Status == BankAccountStatus.Approved).ToListAsync(ct))
            .GroupBy(a => a.AwardId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Id)!.Describe(Languages.Current));
        return rows.Select(t => new WorklistTranche(
                t.Id, t.AwardId, new OrganizationName(t.NameKorean, t.Name), t.ProjectTitle, t.Sequence, t.Amount, Krw.Max(t.Amount - new Krw(t.Recorded), Krw.Zero), t.Amount - new Krw(t.Paid), t.PlannedOn, t.GateKind, t.GateStatus,
                approved.GetValueOrDefault(t.AwardId)))
            .ToList();
    }
}
