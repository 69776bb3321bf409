using System.Diagnostics;
using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Exports;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.Benchmarks;

/// <summary>The budget overview and the finance exports of one year with thousands of awards and payments.</summary>
internal static class AwardBenchmarks
{
    private const int Year = 2025;

    /// <summary>The latencies of the last <see cref="RunAsync"/>, sorted, for the floor's ratio.</summary>
    private static List<double> last = [];

    public static async Task<int> BudgetYearAsync(string[] args)
    {
        var provider = args.FirstOrDefault() ?? "sqlite";
        var awards = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
        var paymentsPerAward = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) / awards : 4;
        await using var host = await BenchmarkHost.StartAsync(provider);
        var seeding = Stopwatch.GetTimestamp();
        await SeedAsync(host.DbFactory, awards, paymentsPerAward);
        Console.WriteLine($"seeded {awards} awards and {awards * paymentsPerAward} payments in {Measure.Ms(Measure.Milliseconds(seeding))}");

        var budget = host.Services.GetRequiredService<BudgetQueries>();
        var exports = host.Services.GetRequiredService<BudgetExports>();
        var finance = new CurrentUser("bench-finance", "Finance", null, new HashSet<string> { Roles.Finance });
        Console.WriteLine("| provider | awards | payments | page | p50 | p95 | SQL commands | size |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        await RunAsync(host, awards, paymentsPerAward, "budget overview", 20, async () =>
        {
            var overview = await budget.OverviewAsync(finance, Year);
            return $"{overview!.Calls.Count} calls, {overview.ByOrganization.Count} organizations, {overview.Timeline.Count} months";
        });
        var portalOverview = Measure.Percentile(last, 95);
        await RunAsync(host, awards, paymentsPerAward, "budget overview, bare-SQL floor", 20, () => OverviewFloorAsync(host));
        var floorOverview = Measure.Percentile(last, 95);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"budget overview p95 at {portalOverview / floorOverview:0.0}× the bare-SQL floor's"));
        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            await RunAsync(host, awards, paymentsPerAward, $"awards export ({format})", 5, async () =>
            {
                using var output = new MemoryStream();
                await exports.ExportAwardsAsync(finance, Year, format, output);
                return $"{output.Length / 1024} KiB";
            });
            await RunAsync(host, awards, paymentsPerAward, $"payments export ({format})", 5, async () =>
            {
                using var output = new MemoryStream();
                await exports.ExportPaymentsAsync(finance, Year, format, output);
                return $"{output.Length / 1024} KiB";
            });
        }

        Console.WriteLine($"peak memory: {Measure.PeakMemory()}");
        return 0;
    }

    private static async Task RunAsync(BenchmarkHost host, int awards, int paymentsPerAward, string name, int iterations, Func<Task<string>> work)
    {
        await work();
        var latencies = new List<double>();
        long commands = 0;
        var size = "";
        for (var i = 0; i < iterations; i++)
        {
            host.Commands.Reset();
            var begin = Stopwatch.GetTimestamp();
            size = await work();
            latencies.Add(Measure.Milliseconds(begin));
            commands = host.Commands.Count;
        }

        latencies.Sort();
        last = latencies;
        Console.WriteLine($"| {host.Provider} | {awards} | {awards * paymentsPerAward} | {name} | {Measure.Ms(Measure.Percentile(latencies, 50))} | {Measure.Ms(Measure.Percentile(latencies, 95))} | {commands} | {size} |");
    }

    /// <summary>
    /// The overview's floor: the same figures read as bare SQL in one statement batch (the year's calls, the awards and
    /// the paid payments summed per call and organization, the organizations' names, the award moments and the paid
    /// days), every row read, without the portal's code around it.
    /// </summary>
    private static async Task<string> OverviewFloorAsync(BenchmarkHost host)
    {
        await using var db = await host.DbFactory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        const string yearAwards = """
            "Awards" a JOIN "Calls" c ON c."Id" = a."CallId" JOIN "BudgetYears" y ON y."Id" = c."BudgetYearId"
            WHERE y."Year" = @year AND a."Status" <> 'Cancelled'
            """;
        const string yearPaid = """
            "Payments" p JOIN "Awards" a ON a."Id" = p."AwardId" JOIN "Calls" c ON c."Id" = a."CallId" JOIN "BudgetYears" y ON y."Id" = c."BudgetYearId"
            WHERE y."Year" = @year AND a."Status" <> 'Cancelled' AND p."Status" = 'Paid'
            """;
        command.CommandText = $"""
            SELECT c."Id", c."Code", c."TitleKorean", c."TitleEnglish", c."Envelope" FROM "Calls" c JOIN "BudgetYears" y ON y."Id" = c."BudgetYearId" WHERE y."Year" = @year;
            SELECT a."CallId", a."OrganizationId", SUM(a."Amount"), COUNT(*), SUM(a."ReturnedAmount"), SUM(CASE WHEN a."ClosedOn" IS NULL THEN 0 ELSE 1 END) FROM {yearAwards} GROUP BY a."CallId", a."OrganizationId";
            SELECT a."CallId", a."OrganizationId", SUM(p."Amount") FROM {yearPaid} GROUP BY a."CallId", a."OrganizationId";
            SELECT o."Id", o."Name", o."NameKorean" FROM "Organizations" o WHERE o."Id" IN (SELECT a."OrganizationId" FROM {yearAwards});
            SELECT a."AwardedAt", a."Amount" FROM {yearAwards};
            SELECT p."PaidOn", SUM(p."Amount") FROM {yearPaid} GROUP BY p."PaidOn";
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@year";
        parameter.Value = Year;
        command.Parameters.Add(parameter);
        host.Commands.Reset();
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        do
        {
            while (await reader.ReadAsync())
            {
                rows++;
            }
        }
        while (await reader.NextResultAsync());

        return $"{rows} rows in 6 result sets, 1 batch";
    }

    private static async Task SeedAsync(IDbContextFactory<PortalDbContext> dbFactory, int awards, int paymentsPerAward)
    {
        var now = Instant.FromUtc(Year, 12, 31, 0, 0);
        int callId;
        List<int> organizationIds;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var year = BudgetYear.Open(Year, new Krw(500_000_000_000));
            db.BudgetYears.Add(year);
            await db.SaveChangesAsync();
            var call = new Call
            {
                BudgetYearId = year.Id,
                Code = "BNCH",
                TitleEnglish = "Benchmark call",
                TitleKorean = "성능 측정 공모",
                Envelope = new Krw(400_000_000_000),
                MinimumRequest = new Krw(5_000_000),
                MaximumRequest = new Krw(100_000_000),
                OpensAt = Instant.FromUtc(Year, 1, 5, 0, 0),
                ClosesAt = Instant.FromUtc(Year, 2, 5, 9, 0),
                ReviewDueOn = new LocalDate(Year, 3, 1),
            };
            call.Publish(call.OpensAt);
            db.Calls.Add(call);
            var organizations = Enumerable.Range(1, 500).Select(i =>
            {
                var organization = Organization.Register($"Bench CSO {i}", $"성능 단체 {i}", RegistrationNumberCheck.Complete($"{100 + (i % 900):000}82{i:0000}"), OrganizationType.Other, "대표", $"cso{i}@bench.example", now);
                organization.Verify("bench", now);
                return organization;
            }).ToList();
            db.Organizations.AddRange(organizations);
            await db.SaveChangesAsync();
            callId = call.Id;
            organizationIds = organizations.Select(o => o.Id).ToList();
        }

        for (var start = 0; start < awards; start += 1_000)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var call = await db.Calls.SingleAsync(c => c.Id == callId);
            var batch = new List<Award>();
            for (var i = start; i < Math.Min(awards, start + 1_000); i++)
            {
                var amount = new Krw((20 + (i % 40)) * 1_000_000L);
                var application = Application.StartDraft(call, organizationIds[i % organizationIds.Count], "bench", call.OpensAt);
                application.ProjectTitle = $"북한인권 사업 {i}";
                application.BudgetLines.Add(new BudgetLine { Category = BudgetCategory.Activities, Item = "활동", Amount = amount });
                application.Submit($"{Year}-BNCH-{i + 1:00000}", call.ClosesAt - Duration.FromMinutes(i % 1000));
                application.StartReview();
                application.RecordPanelDecision(PanelDecision.Fund, null);
                application.MarkAwarded();
                var award = new Award
                {
                    Application = application,
                    CallId = callId,
                    OrganizationId = application.OrganizationId,
                    Amount = amount,
                    Status = AwardStatus.Active,
                    AwardedAt = Instant.FromUtc(Year, 3, 1 + (i % 28), 1, 0),
                    AwardedById = "bench",
                };
                for (var t = 0; t < paymentsPerAward; t++)
                {
                    award.Tranches.Add(new Tranche { Sequence = t + 1, Amount = new Krw(amount.Won / paymentsPerAward), PlannedOn = new LocalDate(Year, 3 + (t * 2), 10) });
                }

                db.Awards.Add(award);
                batch.Add(award);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            foreach (var award in batch)
            {
                foreach (var tranche in award.Tranches)
                {
                    var paidOn = tranche.PlannedOn.PlusDays(award.Id % 20);
                    db.Payments.Add(new Payment
                    {
                        TrancheId = tranche.Id,
                        AwardId = award.Id,
                        Amount = tranche.Amount,
                        Status = PaymentStatus.Paid,
                        RecordedById = "bench-maker",
                        RecordedAt = Seoul.StartOf(paidOn.PlusDays(-2)),
                        ApprovedById = "bench-checker",
                        ApprovedAt = Seoul.StartOf(paidOn.PlusDays(-1)),
                        PaidOn = paidOn,
                        BankReference = $"EFT-{award.Id}-{tranche.Sequence}",
                    });
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
    }
}
