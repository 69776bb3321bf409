using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GrantPortal.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class ApplicationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Applicant_drafts_reloads_attaches_a_pdf_submits_and_revises_before_the_deadline()
    {
        var page = await fixture.NewPageAsync();
        // applicant1 prefers Korean, so the portal answers in Korean after sign-in.
        await SignInTests.SignInAsync(page, DemoAccounts.Applicant1.Email, DemoAccounts.Password);
        await page.GetByTestId("nav-Nav_Applications").ClickAsync();
        // The demo's short call holds applicant1's unfinished draft; other tests may add drafts to calls of their own.
        await page.GetByTestId("my-applications").Locator("tr", new() { HasText = "작성 중" }).Filter(new() { HasText = "북한인권 기록·조사 긴급 공모" }).First.Locator("a").ClickAsync();
        await page.WaitForURLAsync(ApplicationUrl());
        await SignInTests.WaitUntilInteractiveAsync(page);

        var title = page.Locator("[data-testid=field-ProjectTitle] input, input[data-testid=field-ProjectTitle]");
        await title.FillAsync("Youth rights documentation camp, edited in the browser");
        await Expect(page.GetByTestId("saved-at")).ToContainTextAsync("저장됨");

        await page.ReloadAsync();
        await SignInTests.WaitUntilInteractiveAsync(page);
        await Expect(title).ToHaveValueAsync("Youth rights documentation camp, edited in the browser");

        await page.Locator("section[aria-labelledby=attachments-heading] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "project-plan.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray(),
        });
        await Expect(page.GetByTestId("attachment")).ToContainTextAsync("project-plan.pdf");
        var href = await page.GetByTestId("attachment").Locator("a").GetAttributeAsync("href");
        var download = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, download.Status);
        Assert.Equal("application/pdf", download.Headers["content-type"]);
        Assert.Equal("nosniff", download.Headers["x-content-type-options"]);
        Assert.Contains("project-plan.pdf", download.Headers["content-disposition"], StringComparison.Ordinal);

        // The demo's short call leaves its drafts unfinished: the activities and the declaration are still missing.
        await page.GetByTestId("submit").ClickAsync();
        await Expect(page.GetByTestId("submit-errors")).ToBeVisibleAsync();
        await page.Locator("[data-testid=answer-activities] textarea, textarea[data-testid=answer-activities]").First
            .FillAsync("Two intensive weekends in December, then field interviews.");
        await page.Locator("[data-testid=field-DeclarationAccepted] input, input[data-testid=field-DeclarationAccepted]").First.CheckAsync(new() { Force = true });
        await Expect(page.GetByTestId("saved-at")).ToContainTextAsync("저장됨");
        await page.GetByTestId("submit").ClickAsync();

        await Expect(page.GetByTestId("receipt")).ToContainTextAsync(ReceiptNumber());
        await Expect(page.GetByTestId("application-summary")).ToContainTextAsync("project-plan.pdf");
        var firstReceipt = ReceiptNumber().Match(await page.GetByTestId("receipt").InnerTextAsync()).Value;
        var submittedUrl = page.Url;

        // Before the deadline the applicant revises: a copy with every word and file, the original standing meanwhile.
        await page.GetByTestId("revise").ClickAsync();
        await Expect(page.GetByTestId("revision-notice")).ToContainTextAsync(firstReceipt);
        await SignInTests.WaitUntilInteractiveAsync(page);
        await Expect(title).ToHaveValueAsync("Youth rights documentation camp, edited in the browser");
        await Expect(page.GetByTestId("attachment")).ToContainTextAsync("project-plan.pdf");
        await title.FillAsync("Youth rights documentation camp, revised");
        await page.Locator("[data-testid=field-DeclarationAccepted] input, input[data-testid=field-DeclarationAccepted]").First.CheckAsync(new() { Force = true });
        await Expect(page.GetByTestId("saved-at")).ToContainTextAsync("저장됨");
        await page.GetByTestId("submit").ClickAsync();
        await Expect(page.GetByTestId("receipt")).ToContainTextAsync(ReceiptNumber());
        var secondReceipt = ReceiptNumber().Match(await page.GetByTestId("receipt").InnerTextAsync()).Value;
        Assert.NotEqual(firstReceipt, secondReceipt);

        // The replaced original is still on the list, and says what replaced it.
        await page.GetByTestId("nav-Nav_Applications").ClickAsync();
        await page.GetByTestId("my-applications").Locator("tr", new() { HasText = "edited in the browser" }).Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(submittedUrl);
        await Expect(page.GetByTestId("application-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync($"수정된 신청서 {secondReceipt}(으)로 대체됨.");
        await page.Context.CloseAsync();

        // Another organization's applicant asking for the same file gets "not found".
        var stranger = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(stranger, DemoAccounts.Applicant2.Email, DemoAccounts.Password);
        Assert.Equal(404, (await stranger.Context.APIRequest.GetAsync(href!)).Status);
        await stranger.Context.CloseAsync();
    }

    [Fact]
    public async Task Officer_intake_lists_submissions_and_exports_csv()
    {
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await page.GetByTestId("nav-Nav_Applications").ClickAsync();

        await Expect(page.GetByTestId("intake").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("status-counts")).ToBeVisibleAsync();
        var export = await page.Context.APIRequest.GetAsync("/applications/export.csv");

        Assert.Equal(200, export.Status);
        Assert.StartsWith("text/csv", export.Headers["content-type"], StringComparison.Ordinal);
        var body = await export.BodyAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, body[..3]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Officer_downloads_a_calls_intake_as_xlsx_with_a_column_per_question()
    {
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await page.GetByTestId("nav-Nav_Applications").ClickAsync();
        await Expect(page.GetByTestId("intake").Locator("tbody tr").First).ToBeVisibleAsync();
        await SignInTests.WaitUntilInteractiveAsync(page);
        await OfficerNavigation.ChooseAsync(page, page.GetByTestId("filter-call"), "YOUTH");
        await Expect(page.GetByTestId("export-xlsx")).ToHaveAttributeAsync("href", new Regex(@"/applications/export\.xlsx\?call=\d+"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());

        Assert.Equal("applications.xlsx", download.SuggestedFilename);
        List<List<string>> rows;
        using (var workbook = SpreadsheetDocument.Open((await download.PathAsync())!, isEditable: false))
        {
            rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList())
                .ToList();
        }

        // officer@demo reads Korean, so the call's own questions head their columns in Korean, after the fixed ten.
        Assert.Equal("Receipt", rows[0][0]);
        var safetyPlan = rows[0].IndexOf("참가자 안전 계획");
        Assert.True(safetyPlan >= 10, string.Join(" | ", rows[0]));
        Assert.True(rows.Count > 1);
        Assert.All(rows.Skip(1), row => Assert.Equal("YOUTH", row[4]));
        Assert.Contains(rows.Skip(1), row => row[safetyPlan].Length > 0);

        // The intake holds applicants' answers: neither file may be kept by a browser or proxy cache.
        foreach (var button in new[] { "export", "export-xlsx" })
        {
            var response = await page.Context.APIRequest.GetAsync((await page.GetByTestId(button).GetAttributeAsync("href"))!);
            Assert.Equal((200, "no-store"), (response.Status, response.Headers["cache-control"]));
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Applicant_cannot_export_the_intake()
    {
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Applicant2.Email, DemoAccounts.Password);

        var export = await page.Context.APIRequest.GetAsync("/applications/export.csv");
        var xlsx = await page.Context.APIRequest.GetAsync("/applications/export.xlsx");

        Assert.Equal(404, export.Status);
        Assert.Equal(404, xlsx.Status);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/applications/\d+$")]
    private static partial Regex ApplicationUrl();

    [GeneratedRegex(@"\d{4}-[A-Z0-9]+-\d{4}")]
    private static partial Regex ReceiptNumber();
}
