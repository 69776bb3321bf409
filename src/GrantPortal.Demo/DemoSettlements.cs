namespace GrantPortal.Demo;

/// <summary>
/// The settlements (정산) of the demo. Every 2023 award is settled and closed: most spent their grant exactly, a few left
/// a small amount unspent, and a few earned interest on the dedicated account; what they returned was received and
/// confirmed by two finance users. Four 2024 awards are settled: one has its return (its interest) recorded by finance1
/// and waiting for finance2, one owes its return (on the finance worklist), and two had nothing to return. The awarded amounts never change, so 2023 stays ₩2,000,000,000 in every feed and figure; returns
/// are shown beside it. Own-contribution (자부담) spending follows the application's own-contribution lines.
/// </summary>
internal static class DemoSettlements
{
    /// <summary>Adds the settlements; run once payments, final reports and agreements are saved. The value is how many were added.</summary>
    public static async Task<int> AddAsync(PortalDbContext db, DemoPeople people, CancellationToken ct)
    {
        var awards = await db.Awards
            .Where(a => a.Status == AwardStatus.Completed && (a.Application!.Call!.BudgetYear!.Year == 2023 || a.Application.Call.BudgetYear.Year == 2024))
            .Include(a => a.Application!).ThenInclude(a => a.BudgetLines)
            .Include(a => a.Application!).ThenInclude(a => a.Call!).ThenInclude(c => c.BudgetYear)
            .Include(a => a.Reports).ThenInclude(r => r.SpendingLines)
            .Include(a => a.Tranches).ThenInclude(t => t.Payments)
            .AsSplitQuery()
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        var added = 0;
        foreach (var year in new[] { 2023, 2024 })
        {
            var ofYear = awards.Where(a => a.Application!.Call!.BudgetYear!.Year == year && IsSettleable(a)).ToList();

            // 2024: the first award carries the approved change request; settle the next four.
            var chosen = year == 2023 ? ofYear : ofYear.Skip(1).Take(4).ToList();
            for (var i = 0; i < chosen.Count; i++)
            {
                Settle(db, people, chosen[i], year, i);
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    private static bool IsSettleable(Award award) =>
        award.Reports.Any(r => r.Kind == ReportKind.Final && r.Status == ReportStatus.Approved)
        && award.Tranches.SelectMany(t => t.Payments).All(p => p.Status is PaymentStatus.Paid or PaymentStatus.Rejected);

    private static void Settle(PortalDbContext db, DemoPeople people, Award award, int year, int i)
    {
        var report = award.Reports.Where(r => r.Kind == ReportKind.Final).OrderByDescending(r => r.Id).First();
        var lines = report.SpendingLines.OrderBy(l => l.Id).ToList();

        // A few left a little unspent on their last line, in whole 10,000 won (the line stays within 10% of its budget).
        if (year == 2023 && i % 7 == 2 && lines.Count > 0)
        {
            lines[^1].Spent -= new Krw(Math.Min(lines[^1].Spent.Won, (i + 1) * 110_000L / 10_000 * 10_000));
        }

        // A few earned interest on the dedicated account.
        report.InterestEarned = (year, i % 5) switch
        {
            (2023, 1) => new Krw(18_000 + (i * 1_310)),
            (2024, 0) or (2024, 1) => new Krw(9_870 + (i * 2_045)),
            _ => Krw.Zero,
        };

        // Own contribution (자부담) was spent as planned, on the line of its category (or the first line).
        foreach (var own in award.Application!.BudgetLines.Where(l => l.IsOwnContribution))
        {
            var line = lines.FirstOrDefault(l => l.Category == own.Category) ?? lines.FirstOrDefault();
            if (line is not null)
            {
                line.OwnSpent += own.Amount;
            }
        }

        var paid = Krw.Sum(award.Tranches.SelectMany(t => t.Payments).Where(p => p.Status == PaymentStatus.Paid).Select(p => p.Amount));
        var sheet = SettlementSheet.Of(
            lines.Select(l => (l.Category, l.Budgeted)),
            award.Application.BudgetLines.Where(l => l.IsOwnContribution).Select(l => (l.Category, l.Amount)),
            lines.Select(l => new SettlementLine(l.Category, l.Item, l.Budgeted, l.Spent, l.IneligibleGrant, l.OwnSpent)),
            paid,
            award.ReturnedAmount,
            report.InterestEarned);
        var confirmedAt = report.ReviewedAt!.Value + Duration.FromDays(year == 2023 ? 20 : 30);
        var verification = SettlementThresholds.NeedsVerification(award.Amount, award.Application.Call!.BudgetRules.VerificationThreshold);
        var settlement = Settlement.Confirm(award.Id, report.Id, sheet, verification, confirmedAt, people.Officer.Id);
        award.Status = AwardStatus.Completed;
        award.ClosedOn = Seoul.ToLocal(confirmedAt).Date;

        // 2023's returns came in long ago; of 2024's, the second owes its return and the third waits for the checker.
        if (settlement.ReturnStatus == ReturnStatus.Owed && !(year == 2024 && i == 1))
        {
            var receivedOn = award.ClosedOn.Value.PlusDays(12);
            settlement.ReturnStatus = ReturnStatus.Recorded;
            settlement.ReturnReceivedOn = receivedOn;
            settlement.ReturnReference = string.Create(CultureInfo.InvariantCulture, $"RTN-{receivedOn.Year:0000}{receivedOn.Month:00}{receivedOn.Day:00}-{award.Id:00000}");
            settlement.ReturnRecordedById = people.Finance1.Id;
            settlement.ReturnRecordedAt = Seoul.StartOf(receivedOn) + Duration.FromHours(10);
            if (!(year == 2024 && i == 0))
            {
                settlement.ReturnStatus = ReturnStatus.Received;
                settlement.ReturnConfirmedById = people.Finance2.Id;
                settlement.ReturnConfirmedAt = settlement.ReturnRecordedAt + Duration.FromHours(5);
                award.ReturnedAmount += settlement.AmountToReturn;
            }
        }

        db.Settlements.Add(settlement);
    }
}
