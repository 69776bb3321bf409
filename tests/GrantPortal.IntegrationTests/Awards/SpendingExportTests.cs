using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Exports;
using GrantPortal.Core.Money;
using GrantPortal.Core.Reporting;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Awards;

/// <summary>The year's spending by category: approved budget and reported spending, grant and own contribution, per award.</summary>
public abstract class SpendingExportTests : ProviderTest
{
    private static readonly CurrentUser Administrator = new("admin-1", "Admin Lee", null, new HashSet<string> { Roles.Administrator });

    protected SpendingExportTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private SpendingExport Export => Host.Services.GetRequiredService<SpendingExport>();

    [Fact]
    public async Task Spending_export_shows_each_category_of_each_award_with_grant_and_own_contribution_from_the_latest_submitted_report()
    {
        var (_, reported, unreported) = await TwoAwardsAsync();

        var rows = await CsvAsync(AwardScenario.Finance1);

        Assert.Equal(
        [
            // Award, category (Korean), budget grant, budget own, spent grant, spent own, grant unspent, report, status
            $"{reported},Personnel,인건비,16000000,0,8000000,0,8000000,Interim,Submitted",
            $"{reported},Activities,사업비,40000000,3000000,18000000,0,22000000,Interim,Submitted",
            $"{reported},Venue,장소 임차,0,5000000,0,0,0,Interim,Submitted",
            $"{unreported},Activities,사업비,50000000,0,0,0,50000000,,",
        ], rows.Skip(1).Select(r => string.Join(',', r[1], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15], r[16])));
        Assert.All(rows.Skip(1), r => Assert.Equal(["2026", "열린문", "Active"], [r[0], r[5], r[7]]));
        Assert.Equal("Budget grant (KRW)", rows[0][10]);

        // The categories' approved grant adds up to what was awarded.
        Assert.Equal(56_000_000, rows.Skip(1).Where(r => r[1] == reported.ToString(CultureInfo.InvariantCulture)).Sum(r => long.Parse(r[10], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Spending_beyond_the_budget_shows_as_a_negative_unspent_number_in_csv_and_excel()
    {
        var (scenario, reported, _) = await TwoAwardsAsync();
        var finalId = (await scenario.DetailsAsync(reported)).Reports.Single(r => r.Kind == ReportKind.Final).Id;
        // A final report's lines above the call's amount carry their evidence (증빙), which also counts as the receipts asked for.
        var drafted = (await Host.Services.GetRequiredService<ReportQueries>().GetAsync(scenario.Applicant, finalId, CancellationToken.None))!;
        foreach (var line in drafted.Form.SpendingLines)
        {
            var evidence = await Host.Services.GetRequiredService<UploadSpendingEvidence>().UploadAsync(
                scenario.Applicant, finalId, line.SpendingLineId!.Value, EvidenceKind.TaxInvoice, "invoice.pdf", new MemoryStream("%PDF-1.4\n%%EOF\n"u8.ToArray()));
            Assert.True(evidence.Succeeded, evidence.Message);
        }

        await SubmitAsync(scenario, finalId, activities: 41_000_000, personnel: 16_000_000);

        var rows = await CsvAsync(AwardScenario.Officer);
        using var xlsx = new MemoryStream();
        Assert.True(await Export.ExportAsync(AwardScenario.Officer, 2026, ExportFormat.Xlsx, xlsx));

        var activities = rows.Single(r => r[1] == reported.ToString(CultureInfo.InvariantCulture) && r[8] == "Activities");
        Assert.Equal(["41000000", "-1000000", "Final", "Submitted"], [activities[12], activities[14], activities[15], activities[16]]);
        xlsx.Position = 0;
        using var workbook = SpreadsheetDocument.Open(xlsx, false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Row>().ElementAt(2).Elements<Cell>().ToList();
        Assert.Equal(CellValues.Number, cells[14].DataType!.Value);
        Assert.Equal("-1000000", cells[14].CellValue!.Text);
        Assert.Equal(rows.Count, sheet.Descendants<Row>().Count());
    }

    [Fact]
    public async Task Only_program_officers_and_finance_get_the_spending_export()
    {
        var (scenario, _, _) = await TwoAwardsAsync();

        Assert.True(await Export.ExportAsync(AwardScenario.Finance2, 2026, ExportFormat.Csv, new MemoryStream()));
        Assert.True(await Export.ExportAsync(AwardScenario.Officer, 2026, ExportFormat.Csv, new MemoryStream()));
        foreach (var user in new[] { scenario.Applicant, Administrator, new CurrentUser("reviewer-1", "Reviewer", null, new HashSet<string> { Roles.Reviewer }) })
        {
            using var output = new MemoryStream();
            Assert.False(await Export.ExportAsync(user, 2026, ExportFormat.Csv, output));
            Assert.Equal(0, output.Length);
        }
    }

    /// <summary>
    /// One award with grant lines for activities and personnel (scaled from ₩70,000,000 asked to ₩56,000,000 awarded) and
    /// own-contribution lines for activities and the venue, with a submitted interim report and a final report only
    /// drafted; and one award of ₩50,000,000 without any report.
    /// </summary>
    private async Task<(AwardScenario Scenario, int Reported, int Unreported)> TwoAwardsAsync()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 2, 50_000_000);
        await using (var db = await Host.CreateDbContextAsync())
        {
            db.BudgetLines.AddRange(
                new BudgetLine { ApplicationId = applications[0], Order = 1, Category = BudgetCategory.Personnel, Item = "Coordinator", Amount = new Krw(20_000_000), Justification = "Half time" },
                new BudgetLine { ApplicationId = applications[0], Order = 2, Category = BudgetCategory.Venue, Item = "Hall", Amount = new Krw(5_000_000), Justification = "Own hall", IsOwnContribution = true },
                new BudgetLine { ApplicationId = applications[0], Order = 3, Category = BudgetCategory.Activities, Item = "Volunteers' meals", Amount = new Krw(3_000_000), Justification = "Members pay", IsOwnContribution = true });
            await db.SaveChangesAsync();
        }

        var awarded = await scenario.AwardApplication.AwardAsync(AwardScenario.Officer, scenario.Form(applications[0], 56_000_000, "Budget cut by 20%"));
        Assert.True(awarded.Succeeded, awarded.Message);
        var unreported = await scenario.AwardAsync(applications[1], 50_000_000);
        var reports = (await scenario.DetailsAsync(awarded.Value)).Reports;
        await SubmitAsync(scenario, reports.Single(r => r.Kind == ReportKind.Interim).Id, activities: 18_000_000, personnel: 8_000_000);

        // A draft is not what the grantee reported: the export keeps to the submitted interim report.
        var finalId = reports.Single(r => r.Kind == ReportKind.Final).Id;
        var final = (await Host.Services.GetRequiredService<ReportQueries>().GetAsync(scenario.Applicant, finalId, CancellationToken.None))!;
        var saved = await Host.Services.GetRequiredService<SaveReportDraft>().SaveDraftAsync(scenario.Applicant, finalId, final.Version, Spending(final, 50_000_000, 16_000_000), CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Message);
        return (scenario, awarded.Value, unreported);
    }

    private async Task SubmitAsync(AwardScenario scenario, int reportId, long activities, long personnel)
    {
        var view = (await Host.Services.GetRequiredService<ReportQueries>().GetAsync(scenario.Applicant, reportId, CancellationToken.None))!;
        var submitted = await Host.Services.GetRequiredService<SubmitReport>().SubmitAsync(scenario.Applicant, reportId, view.Version, Spending(view, activities, personnel), CancellationToken.None);
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Select(e => e.Message)));
    }

    private static ReportDraft Spending(ReportView view, long activities, long personnel) => view.Form with
    {
        ActivitiesCarriedOut = "Four weekend workshops.",
        Outcomes = "Twenty activists trained.",
        Lessons = "Recruit earlier.",
        SpendingLines = view.Form.SpendingLines.Select(l => l with
        {
            Spent = new Krw(l.Category == BudgetCategory.Activities ? activities : personnel),
            VarianceExplanation = "As the workshops went.",
        }).ToList(),
    };

    private async Task<List<string[]>> CsvAsync(CurrentUser user)
    {
        using var csv = new MemoryStream();
        Assert.True(await Export.ExportAsync(user, 2026, ExportFormat.Csv, csv));
        return System.Text.Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').TrimEnd().Split('\n')
            .Select(line => line.TrimEnd('\r')[1..^1].Split("\",\""))
            .ToList();
    }
}

public sealed class SpendingExportTests_on_Sqlite : SpendingExportTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class SpendingExportTests_on_PostgreSql(PostgresCluster cluster) : SpendingExportTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
