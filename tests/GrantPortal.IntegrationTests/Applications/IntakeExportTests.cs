using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Exports;
using GrantPortal.Core.Forms;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>The officer's intake as an Excel workbook, on SQLite and PostgreSQL: the CSV's columns, with numbers a spreadsheet can sum.</summary>
public abstract class IntakeExportTests : ProviderTest
{
    protected IntakeExportTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    /// <summary>A submitted application answering a call form of five questions, with two files for the file question.</summary>
    private async Task<ApplicationScenario> SubmittedAsync(string title = "Young defenders academy")
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync(title);
        Assert.True((await scenario.Submit.SubmitAsync(scenario.Applicant, id)).Succeeded);
        await using var db = await Host.CreateDbContextAsync();
        var form = await db.ApplicationFormVersions.Where(v => v.CallId == scenario.CallId && v.Stage == FormStage.Full).OrderByDescending(v => v.Number).FirstAsync();
        form.Definition = new FormDefinition
        {
            Sections =
            [
                new FormSection
                {
                    Key = "plan",
                    Questions =
                    [
                        new Question { Key = "safety", Type = QuestionType.LongText, LabelEnglish = "Safety plan", LabelKorean = "안전 계획" },
                        new Question { Key = "match", Type = QuestionType.Amount, LabelEnglish = "Partner contribution", LabelKorean = "협력 기관 분담금" },
                        new Question { Key = "staff", Type = QuestionType.WholeNumber, LabelEnglish = "Staff", LabelKorean = "인원", UnitEnglish = "people", UnitKorean = "명" },
                        new Question { Key = "kickoff", Type = QuestionType.Date, LabelEnglish = "Kick-off", LabelKorean = "착수일" },
                        new Question { Key = "letter", Type = QuestionType.File, LabelEnglish = "Recommendation letter", LabelKorean = "추천서" },
                    ],
                },
            ],
        };
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        application.FormVersionId = form.Id;

        // A vertical tab, as pasted from a word processor, is a character XML cannot hold.
        application.Answers = new Dictionary<string, string> { ["safety"] = "Buddy\vsystem.", ["match"] = "5400000", ["staff"] = "12", ["kickoff"] = "2026-04-01" };
        var now = Host.Clock.GetCurrentInstant();
        foreach (var (key, name) in new[] { ("letter", "letter-1.pdf"), ("letter", "letter-2.pdf"), ((string?)null, "plan.pdf") })
        {
            db.Attachments.Add(new Attachment
            {
                ApplicationId = id, QuestionKey = key, StoredName = Guid.NewGuid().ToString("N"), DisplayName = name, Kind = AttachmentKind.Pdf,
                SizeBytes = 100, Sha256 = new string('0', 64), UploadedById = "applicant-1", UploadedAt = now,
            });
        }

        await db.SaveChangesAsync();
        return scenario;
    }

    [Fact]
    public async Task Intake_xlsx_has_the_csv_columns_a_column_per_question_and_numbers_as_numbers()
    {
        var scenario = await SubmittedAsync("=HYPERLINK(\"http://evil\")");
        var query = new ApplicationQuery { CallId = scenario.CallId };

        var rows = await WorkbookRowsAsync(scenario, query);

        using var csv = new MemoryStream();
        Assert.True(await scenario.Intake.ExportCsvAsync(scenario.Officer, query, csv));
        var csvHeader = System.Text.Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').Split('\n')[0].TrimEnd('\r');
        Assert.Equal(csvHeader, string.Join(',', rows[0].Select(c => Csv.Cell(c.Text))));
        Assert.Equal(["Safety plan", "Partner contribution", "Staff", "Kick-off", "Recommendation letter"], rows[0].TakeLast(5).Select(c => c.Text));
        Assert.Equal(2, rows.Count);
        var row = rows[1];
        Assert.Equal(("2026-NKHR-0001", false), row[0]);

        // A formula typed as a title stays text: inline strings are never evaluated.
        Assert.Equal(("=HYPERLINK(\"http://evil\")", false), row[1]);
        Assert.Equal(("30000000", true), row[8]);
        Assert.Equal(("30000000", true), row[9]);
        Assert.Equal([("Buddysystem.", false), ("5400000", true), ("12", true), ("2026-04-01", false), ("2", true)], row.TakeLast(5));
    }

    [Fact]
    public async Task Intake_xlsx_follows_the_filters_and_the_readers_language()
    {
        var scenario = await SubmittedAsync();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");

        var korean = await WorkbookRowsAsync(scenario, new ApplicationQuery { CallId = scenario.CallId });
        var withdrawn = await WorkbookRowsAsync(scenario, new ApplicationQuery { CallId = scenario.CallId, Status = ApplicationStatus.Withdrawn });
        var allCalls = await WorkbookRowsAsync(scenario, new ApplicationQuery());

        Assert.Equal(["안전 계획", "협력 기관 분담금", "인원", "착수일", "추천서"], korean[0].TakeLast(5).Select(c => c.Text));
        Assert.Single(withdrawn);
        Assert.Equal(10, allCalls[0].Count);
        Assert.Equal(2, allCalls.Count);
    }

    [Fact]
    public async Task Intake_xlsx_is_for_program_officers_only()
    {
        var scenario = await SubmittedAsync();
        using var output = new MemoryStream();

        Assert.False(await scenario.Intake.ExportAsync(scenario.Applicant, new ApplicationQuery { CallId = scenario.CallId }, ExportFormat.Xlsx, output));
        Assert.Equal(0, output.Length);
    }

    /// <summary>The officer's workbook, opened with the Open XML SDK: each cell's text and whether it is a number.</summary>
    private static async Task<List<List<(string Text, bool Number)>>> WorkbookRowsAsync(ApplicationScenario scenario, ApplicationQuery query)
    {
        using var output = new MemoryStream();
        Assert.True(await scenario.Intake.ExportAsync(scenario.Officer, query, ExportFormat.Xlsx, output));
        output.Position = 0;
        using var workbook = SpreadsheetDocument.Open(output, false);
        return workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => (c.InnerText, c.DataType?.Value == CellValues.Number)).ToList())
            .ToList();
    }
}

public sealed class IntakeExportTests_on_Sqlite : IntakeExportTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class IntakeExportTests_on_PostgreSql(PostgresCluster cluster) : IntakeExportTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
