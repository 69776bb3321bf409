using System.Text.RegularExpressions;
using GrantPortal.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>A request for more information (보완 요청), from the officer's click to the applicant's resubmission and back.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class InformationRequestTests(BrowserFixture fixture)
{
    private const float Slow = 20_000;

    // applicant1's submitted application in the demo's open call.
    private const string Title = "탈북 청년 북한인권 리더 양성 과정";

    [Fact]
    public async Task Officer_requests_more_information_applicant_answers_and_replaces_the_letter_and_officer_sees_both_versions()
    {
        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await OpenFromIntakeAsync(officer);
        var applicationUrl = officer.Url;
        var before = await officer.GetByTestId("application-summary").InnerTextAsync();

        await officer.GetByTestId("request-information").ClickAsync();
        await officer.Locator("[data-testid=information-message] textarea, textarea[data-testid=information-message]").FillAsync("참가자 모집 계획을 요약에 덧붙여 주세요.");
        await officer.Locator("[data-testid=reopen-Summary] input, input[data-testid=reopen-Summary]").CheckAsync();
        await officer.Locator("[data-testid=reopen-recommendation_letter] input, input[data-testid=reopen-recommendation_letter]").CheckAsync();
        await officer.GetByTestId("information-send").ClickAsync();
        await Expect(officer.GetByTestId("information-request")).ToContainTextAsync("참가자 모집 계획", new() { Timeout = Slow });

        // The intake shows who has not answered yet.
        await officer.GetByTestId("back-to-applications").ClickAsync();
        await SearchIntakeAsync(officer);
        await Expect(IntakeRow(officer).GetByTestId("awaiting-information").First).ToBeVisibleAsync(new() { Timeout = Slow });

        var applicant = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(applicant, DemoAccounts.Applicant1.Email, DemoAccounts.Password);
        var notice = applicant.GetByTestId("dashboard-information-request").Filter(new() { HasText = Title });
        await Expect(notice).ToContainTextAsync("참가자 모집 계획", new() { Timeout = Slow });
        await notice.GetByRole(AriaRole.Link).ClickAsync();
        await applicant.WaitForURLAsync(ApplicationUrl());
        await SignInTests.WaitUntilInteractiveAsync(applicant);
        await Expect(applicant.GetByTestId("information-request-message")).ToContainTextAsync("참가자 모집 계획");

        // Only the reopened question is a field; the title is not.
        Assert.Equal(0, await applicant.Locator("[data-testid=answer-ProjectTitle]").CountAsync());
        var summary = applicant.Locator("[data-testid=answer-Summary] textarea, textarea[data-testid=answer-Summary]");
        await summary.FillAsync("탈북 청년 25명이 6개월 과정을 밟습니다. 참가자는 공개 모집 후 면접으로 선발합니다.");

        // The reopened letter takes one PDF: the draft letter is replaced by the signed one (remove, confirm, attach).
        var letter = applicant.GetByTestId("question-recommendation_letter");
        await letter.Locator("input[type=file]").SetInputFilesAsync(Pdf("추천서-초안.pdf"));
        await Expect(letter.GetByTestId("question-file")).ToContainTextAsync("추천서-초안.pdf", new() { Timeout = Slow });
        await letter.GetByTestId("question-file").GetByRole(AriaRole.Button).ClickAsync();
        await applicant.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "삭제", Exact = true }).ClickAsync();
        await Expect(letter.GetByTestId("question-file")).ToHaveCountAsync(0, new() { Timeout = Slow });
        await letter.Locator("input[type=file]").SetInputFilesAsync(Pdf("추천서-서명본.pdf"));
        await Expect(letter.GetByTestId("question-file")).ToContainTextAsync("추천서-서명본.pdf", new() { Timeout = Slow });
        await applicant.GetByTestId("resubmit").ClickAsync();
        await Expect(applicant.GetByTestId("information-notice")).ToBeVisibleAsync(new() { Timeout = Slow });
        await Expect(applicant.GetByTestId("receipt")).ToBeVisibleAsync();

        await officer.GotoAsync(applicationUrl);
        await SignInTests.WaitUntilInteractiveAsync(officer);
        var row = officer.GetByTestId("compare-Summary").First;
        await Expect(row.GetByTestId("after")).ToContainTextAsync("면접으로 선발합니다", new() { Timeout = Slow });
        await Expect(row.GetByTestId("before")).Not.ToContainTextAsync("면접으로 선발합니다");
        Assert.Contains((await row.GetByTestId("before").InnerTextAsync()).Trim(), before, StringComparison.Ordinal);
        var letterRow = officer.GetByTestId("compare-recommendation_letter").First;
        await Expect(letterRow.GetByTestId("after")).ToHaveTextAsync("추천서-서명본.pdf");
        await Expect(letterRow.GetByTestId("before")).Not.ToContainTextAsync("추천서");
        await officer.Context.CloseAsync();
        await applicant.Context.CloseAsync();
    }

    private static FilePayload Pdf(string name) =>
        new() { Name = name, MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray() };

    /// <summary>Menu "Applications", the title search, then the application's link.</summary>
    private static async Task OpenFromIntakeAsync(IPage page)
    {
        await page.GetByTestId("nav-Nav_Applications").ClickAsync();
        await SearchIntakeAsync(page);
        await IntakeRow(page).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync(ApplicationUrl());
        await SignInTests.WaitUntilInteractiveAsync(page);
    }

    /// <summary>The title search narrows the intake to the one application, whatever page it would sort onto.</summary>
    private static async Task SearchIntakeAsync(IPage page)
    {
        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("intake").Locator("input").First.FillAsync(Title);
        await Expect(IntakeRow(page).First).ToBeVisibleAsync(new() { Timeout = Slow });
    }

    private static ILocator IntakeRow(IPage page) => page.GetByTestId("intake").Locator("tbody tr").Filter(new() { HasText = Title });

    [GeneratedRegex(@"/applications/\d+$")]
    private static partial Regex ApplicationUrl();
}
