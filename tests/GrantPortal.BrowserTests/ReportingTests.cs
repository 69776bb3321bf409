using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using GrantPortal.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>The reporting story end to end: a grantee reports, the officer approves, the money shows per recommendation, the answer exports.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReportingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Grantee_submits_an_interim_report_and_the_officer_approves_it()
    {
        // applicant1's only report still due is the demo's interim report of its running project; no other test touches it.
        var grantee = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(grantee, DemoAccounts.Applicant1.Email, DemoAccounts.Password);
        await grantee.GetByTestId("nav-Nav_Reports").ClickAsync();
        await Expect(grantee.GetByTestId("my-reports")).ToBeVisibleAsync();
        await grantee.GetByTestId("my-reports").Locator("tr", new() { HasText = "중간보고서" }).Filter(new() { HasText = "제출 예정" }).First.Locator("a").ClickAsync();
        await grantee.WaitForURLAsync(ReportUrl());
        await Expect(grantee.GetByTestId("report-activities")).ToBeVisibleAsync();
        await SignInTests.WaitUntilInteractiveAsync(grantee);
        var reportUrl = new Uri(grantee.Url).AbsolutePath;

        // Mid-project each line is measured against its share of the budget due by now, not the whole budget.
        await Expect(grantee.GetByTestId("spending-help")).ToContainTextAsync("중간보고서는");
        await Field(grantee, "report-activities").FillAsync("청년 활동가 20명과 기록 워크숍을 두 번 열었습니다.");
        await Field(grantee, "report-outcomes").FillAsync("참가자 모두 증언 기록 실습을 마쳤습니다.");
        await Field(grantee, "report-lessons").FillAsync("모집을 더 일찍 시작해야 합니다.");
        var explanations = grantee.Locator("[data-testid^=explain-] input, input[data-testid^=explain-]");
        for (var i = 0; i < await explanations.CountAsync(); i++)
        {
            await explanations.Nth(i).FillAsync("중간보고 시점이라 아직 집행하지 않았습니다.");
        }

        // Each indicator is reported against the target the application set; participants fall far short of it.
        await Expect(grantee.GetByTestId("indicator-target-participants")).ToContainTextAsync("명");
        await Expect(grantee.GetByTestId("indicator-target-participants")).Not.ToContainTextAsync("목표 없음");
        var actuals = grantee.Locator("[data-testid^=indicator-actual-] input, input[data-testid^=indicator-actual-]");
        for (var i = 0; i < await actuals.CountAsync(); i++)
        {
            await actuals.Nth(i).FillAsync("100000");
        }

        await Field(grantee, "indicator-actual-participants").FillAsync("3");
        await Expect(grantee.Locator("[data-testid=indicator-explain-participants] input, input[data-testid=indicator-explain-participants]")).ToBeVisibleAsync();
        await Expect(grantee.Locator("[data-testid^=indicator-explain-]")).ToHaveCountAsync(1);
        await Expect(grantee.GetByTestId("report-autosave")).ToContainTextAsync("임시 저장됨");
        await grantee.GetByTestId("report-submit").ClickAsync();
        await Expect(grantee.GetByTestId("report-error").First).ToContainTextAsync("참여자 수: 실적(3명)");
        await Expect(grantee.GetByTestId("report-error").First).ToContainTextAsync("미달 사유를 적어 주세요");

        await Field(grantee, "indicator-explain-participants").FillAsync("장소 공사로 한 달 동안 모임을 열지 못했습니다.");
        await Expect(grantee.GetByTestId("report-autosave")).ToContainTextAsync("임시 저장됨");
        await grantee.GetByTestId("report-submit").ClickAsync();
        await Expect(grantee.GetByTestId("report-message")).ToBeVisibleAsync();
        await Expect(grantee.GetByTestId("indicator-actual-participants")).ToHaveTextAsync("3명");
        await Expect(grantee.GetByTestId("report-status").First).ToHaveTextAsync("제출됨");
        await grantee.Context.CloseAsync();

        var officer = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GetByTestId("nav-Nav_Reports").ClickAsync();
        await officer.GetByTestId("report-queue").Locator($"a[href='{reportUrl}']").ClickAsync();
        await Expect(officer.GetByTestId("report-review")).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("summary-outcomes")).ToHaveTextAsync("참가자 모두 증언 기록 실습을 마쳤습니다.");
        await Expect(officer.GetByTestId("report-indicators")).ToContainTextAsync("장소 공사로 한 달 동안 모임을 열지 못했습니다.");
        await Field(officer, "review-comment").FillAsync("잘 정리되었습니다.");
        await officer.GetByTestId("report-approve").ClickAsync();

        await Expect(officer.GetByTestId("report-status").First).ToHaveTextAsync("승인됨");
        await Expect(officer.GetByTestId("gated-tranches")).ToContainTextAsync("지급 가능");
        await Expect(officer.GetByTestId("report-history")).ToContainTextAsync("잘 정리되었습니다.");

        // The audit trail tells the approval in words, and its link opens the report again.
        await officer.GetByTestId("nav-Audit_Nav").ClickAsync();
        var approval = officer.GetByTestId("audit-events").Locator("tbody tr").Filter(new() { Has = officer.Locator("[data-action='report.approved']") }).First;
        await Expect(approval.GetByTestId("audit-what")).ToHaveTextAsync("보고서 승인");
        await Expect(approval.GetByTestId("audit-record-link")).ToContainTextAsync("중간보고서");
        await approval.GetByTestId("audit-record-link").ClickAsync();
        await Expect(officer.GetByTestId("report-heading")).ToBeVisibleAsync();
        Assert.EndsWith(reportUrl, officer.Url, StringComparison.Ordinal);
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task Grantee_final_report_without_receipts_is_refused_with_a_specific_message()
    {
        // applicant1's running project owes a final report; its call asks for receipts with it, as the letter says.
        var grantee = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(grantee, DemoAccounts.Applicant1.Email, DemoAccounts.Password);
        await grantee.GetByTestId("nav-Nav_Reports").ClickAsync();
        // applicant1 reads the portal in Korean (its profile says so).
        await grantee.GetByTestId("my-reports").Locator("tr", new() { HasText = "결과보고서" }).First.Locator("a").ClickAsync();
        await grantee.WaitForURLAsync(ReportUrl());
        await Expect(grantee.GetByTestId("report-activities")).ToBeVisibleAsync();
        await SignInTests.WaitUntilInteractiveAsync(grantee);
        await Expect(grantee.GetByTestId("receipts-required")).ToContainTextAsync("증빙 서류 첨부를 요구합니다. 제출 전에 한 개 이상 첨부하세요.");

        await Field(grantee, "report-activities").FillAsync("Forty trainees completed the course.");
        await Field(grantee, "report-outcomes").FillAsync("Thirty-five now document testimonies.");
        await Field(grantee, "report-lessons").FillAsync("Pair new documenters with experienced ones.");
        await grantee.GetByTestId("report-submit").ClickAsync();

        await Expect(grantee.GetByTestId("report-error").Filter(new() { HasText = "증빙 서류를 첨부하도록" }))
            .ToContainTextAsync("‘증빙 서류’에 영수증 등을 한 개 이상 첨부한 뒤 다시 제출해 주세요.");
        await Expect(grantee.GetByTestId("report-status").First).Not.ToHaveTextAsync("제출됨");
        await grantee.Context.CloseAsync();
    }

    [Fact]
    public async Task Recommendation_page_shows_the_2023_money_and_the_edited_narrative_exports()
    {
        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GetByTestId("nav-Nav_Recommendations").ClickAsync();
        await AwardTests.ChooseAsync(officer, "year", "2023");
        await Expect(officer.GetByTestId("totals")).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("awarded-1224")).ToHaveTextAsync("20억 원");
        await Expect(officer.GetByTestId("organizations-1224")).ToHaveTextAsync("18");
        await Expect(officer.GetByTestId("projects-1224")).ToHaveTextAsync("29");

        await officer.GetByTestId("to-accountability").ClickAsync();
        await Expect(officer.GetByTestId("accountability-generate")).ToBeVisibleAsync();
        await officer.GetByTestId("accountability-generate").ClickAsync();
        var english = officer.GetByTestId("text-en");
        await Expect(english).ToHaveValueAsync(new Regex("provided financial support of 2 billion Korean Won \\(KRW\\) to 18 organizations in 2023\\. In total, 29 projects"));
        var edited = await english.InputValueAsync() + "\n\nThe Ministry will continue this support in 2024.";
        await english.FillAsync(edited);

        var docx = await officer.RunAndWaitForDownloadAsync(() => officer.GetByTestId("export-docx-en").ClickAsync());
        var docxPath = Path.Combine(Path.GetTempPath(), $"accountability-{Guid.NewGuid():N}.docx");
        await docx.SaveAsAsync(docxPath);
        using (var document = WordprocessingDocument.Open(docxPath, isEditable: false))
        {
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("to 18 organizations in 2023", text, StringComparison.Ordinal);
            Assert.Contains("The Ministry will continue this support in 2024.", text, StringComparison.Ordinal);
        }

        File.Delete(docxPath);

        var korean = officer.GetByTestId("text-ko");
        await Expect(korean).ToHaveValueAsync(new Regex("2023년 18개 단체에 20억 원"));
        var markdown = await officer.RunAndWaitForDownloadAsync(() => officer.GetByTestId("export-md-ko").ClickAsync());
        var markdownPath = await markdown.PathAsync();
        var content = await File.ReadAllTextAsync(markdownPath!);
        Assert.StartsWith("# 권고 1224", content, StringComparison.Ordinal);
        Assert.Contains("총 29개 사업", content, StringComparison.Ordinal);

        // The edited English text is saved, and the next visit opens it instead of a fresh draft.
        await officer.GetByTestId("save-en").ClickAsync();
        await Expect(officer.GetByTestId("save-state-en")).ToContainTextAsync(DemoAccounts.Officer.DisplayName);
        await officer.ReloadAsync();
        await SignInTests.WaitUntilInteractiveAsync(officer);
        await officer.GetByTestId("accountability-generate").ClickAsync();
        await Expect(officer.GetByTestId("showing-saved-en")).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("text-en")).ToHaveValueAsync(new Regex("The Ministry will continue this support in 2024\\."));
        await officer.GetByTestId("regenerate-en").ClickAsync();
        await Expect(officer.GetByTestId("text-en")).Not.ToHaveValueAsync(new Regex("continue this support"));
        await officer.Context.CloseAsync();
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] textarea, textarea[data-testid={testId}], [data-testid={testId}] input, input[data-testid={testId}]").First;

    [GeneratedRegex(@"/reports/\d+$")]
    private static partial Regex ReportUrl();
}
