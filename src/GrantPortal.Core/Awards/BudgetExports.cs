namespace GrantPortal.Core.Awards;

/// <summary>A year's awards and payments as CSV or Excel files, for finance's own books. Whoever may see the budget (<see cref="BudgetQueries.MaySee"/>).</summary>
public sealed class BudgetExports(IDbContextFactory<PortalDbContext> dbFactory)
{
    private static readonly string[] AwardColumns =
        ["AwardId", "Receipt", "Call", "Organization", "Organization (Korean)", "Project", "Status", "AwardedAt (KST)", "Amount (KRW)", "Paid (KRW)", "Returned (KRW)", "CancellationReason"];

    private static readonly string[] PaymentColumns =
        ["PaymentId", "AwardId", "Receipt", "Organization", "Organization (Korean)", "Tranche", "PlannedOn", "Status", "Amount (KRW)", "RecordedBy", "RecordedAt (KST)", "ApprovedBy", "ApprovedAt (KST)", "PaidOn", "BankReference"];

    /// <summary>Every award of the year, cancelled ones included, for finance. False (nothing written) for anyone else.</summary>
    public async Task<bool> ExportAwardsAsync(CurrentUser user, int year, ExportFormat format, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!BudgetQueries.MaySee(user))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Awards.AsNoTracking()
            .Where(a => a.Application!.Call!.BudgetYear!.Year == year)
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Application!.ReceiptNumber,
                a.Application.Call!.Code,
                a.Application.Organization!.NameKorean,
                a.Application.Organization.Name,
                a.Application.ProjectTitle,
                a.Status,
                a.AwardedAt,
                Amount = (long)a.Amount,
                Paid = db.Payments.Where(p => p.AwardId == a.Id && p.Status == PaymentStatus.Paid).Sum(p => (long)p.Amount),
                Returned = (long)a.ReturnedAmount,
                a.CancellationReason,
            })
            .AsAsyncEnumerable()
            .Select(a => new ExportCell[]
            {
                a.Id, a.ReceiptNumber ?? "", a.Code, new OrganizationName(a.NameKorean, a.Name).In(Languages.English), a.NameKorean, a.ProjectTitle, a.Status.ToString(), Seoul.Format(a.AwardedAt), a.Amount, a.Paid, a.Returned, a.CancellationReason ?? "",
            });
        await TableExport.WriteAsync(format, "Awards " + year.ToString(CultureInfo.InvariantCulture), AwardColumns, rows, output, ct);
        return true;
    }

    /// <summary>Every payment on the year's awards, with maker and checker, for finance. False for anyone else.</summary>
    public async Task<bool> ExportPaymentsAsync(CurrentUser user, int year, ExportFormat format, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!BudgetQueries.MaySee(user))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = (
                from p in db.Payments.AsNoTracking()
                join t in db.Tranches on p.TrancheId equals t.Id
                join a in db.Awards on p.AwardId equals a.Id
                where a.Application!.Call!.BudgetYear!.Year == year
                orderby p.Id
                select new
                {
                    p.Id,
                    p.AwardId,
                    a.Application!.ReceiptNumber,
                    a.Application.Organization!.NameKorean,
                    a.Application.Organization.Name,
                    t.Sequence,
                    t.PlannedOn,
                    p.Status,
                    Amount = (long)p.Amount,
                    RecordedBy = db.Users.Where(u => u.Id == p.RecordedById).Select(u => u.DisplayName).FirstOrDefault(),
                    p.RecordedAt,
                    ApprovedBy = db.Users.Where(u => u.Id == p.ApprovedById).Select(u => u.DisplayName).FirstOrDefault(),
                    p.ApprovedAt,
                    p.PaidOn,
                    p.BankReference,
                })
            .AsAsyncEnumerable()
            .Select(p => new ExportCell[]
            {
                p.Id, p.AwardId, p.ReceiptNumber ?? "", new OrganizationName(p.NameKorean, p.Name).In(Languages.English), p.NameKorean, p.Sequence, Day(p.PlannedOn), p.Status.ToString(), p.Amount,
                p.RecordedBy ?? "", Seoul.Format(p.RecordedAt), p.ApprovedBy ?? "", p.ApprovedAt is { } approved ? Seoul.Format(approved) : "",
                p.PaidOn is { } paid ? Day(paid) : "", p.BankReference ?? "",
            });
        await TableExport.WriteAsync(format, "Payments " + year.ToString(CultureInfo.InvariantCulture), PaymentColumns, rows, output, ct);
        return true;
    }

    private static string Day(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
