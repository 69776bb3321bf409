using System.Text.RegularExpressions;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>After the award: the grantee reaches it, its payments and its reports by clicking; the officer's editor says why a save is refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class GranteeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Grantee_goes_from_its_dashboard_to_the_award_its_payments_and_reports_and_never_meets_the_audit_link()
    {
        // applicant1's organization holds awards in the demo: 2023, 2024 and this year's, whose interim report is due.
        var page = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(page, DemoAccounts.Applicant1.Email, DemoAccounts.Password);

        var awards = page.GetByTestId("dashboard-awards");
        await Expect(awards.GetByTestId("award-link").First).ToBeVisibleAsync();
        await awards.GetByTestId("award-payments").First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/awards/\d+#payments$"));
        await Expect(page.GetByTestId("award-payments-heading")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid^=tranche-]").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("award-audit")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("award-title")).ToBeVisibleAsync();

        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("open-report-Interim").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/reports/\d+$"));
        await Expect(page.GetByTestId("report-heading")).ToBeVisibleAsync();

        // The menu leads to the same awards, each with the report to write next.
        await page.GetByTestId("nav-Awards_Nav").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("우리 단체의 선정 사업");
        var mine = page.GetByTestId("my-awards");
        await Expect(mine.GetByTestId("award-link").First).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);
        await mine.GetByTestId("award-report").First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/reports/\d+$"));
        await Expect(page.GetByTestId("report-heading")).ToBeVisibleAsync();

        // And "선정 내역 확인" on the application list is a link to the award.
        await page.GetByTestId("nav-Nav_Applications").ClickAsync();
        var seeAward = page.GetByTestId("my-applications").GetByTestId("see-award").First;
        await Expect(seeAward).ToHaveTextAsync("선정 내역 확인");
        await seeAward.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/awards/\d+$"));
        await Expect(page.GetByTestId("award-title")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("award-audit")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Officer_award_editor_opens_without_an_error_and_a_refused_save_shows_its_reason()
    {
        var code = "ED" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var applicationId = await FundedApplicationAsync(code);
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Officer.Email, DemoAccounts.Password);

        await page.GetByTestId("nav-Awards_Nav").ClickAsync();
        await Expect(page.GetByTestId("awards-call")).ToBeVisibleAsync();
        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("awards-call").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = code }).ClickAsync();
        await page.GetByTestId("award-" + applicationId).ClickAsync();
        await Expect(page.GetByTestId("award-editor")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("award-error")).ToHaveCountAsync(0);

        // More than the organization asked for is refused, and the editor says so (officer@demo prefers Korean).
        await page.Locator("input[data-testid=award-amount]").FillAsync("50,000,000");
        await page.GetByTestId("award-save").ClickAsync();

        await Expect(page.GetByTestId("award-error")).ToContainTextAsync("신청액 4,000만 원을 넘을 수 없습니다");
        await Expect(page.GetByTestId("award-error")).Not.ToContainTextAsync("editorError");
        await page.Context.CloseAsync();
    }

    /// <summary>A call closed yesterday with one application the panel decided to fund, for ₩40,000,000.</summary>
    private async Task<int> FundedApplicationAsync(string code)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var budget = BudgetYear.Open(2097, new Krw(1_000_000_000));
        db.BudgetYears.Add(budget);
        var organization = Organization.Register("Editor Test Forum", "편집기 시험 포럼", SignInTests.UniqueRegistrationNumber(), OrganizationType.Other, "Award Tester", $"editor-{Guid.NewGuid():N}@example.org", now);
        organization.Verify("browser-test", now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var call = new Call
        {
            BudgetYearId = budget.Id,
            Code = code,
            TitleEnglish = "Award editor call " + code,
            TitleKorean = "지원 결정 시험 공모 " + code,
            Envelope = new Krw(500_000_000),
            MinimumRequest = new Krw(1_000_000),
            MaximumRequest = new Krw(100_000_000),
            OpensAt = now - Duration.FromDays(30),
            ClosesAt = now - Duration.FromDays(1),
            ReviewDueOn = Seoul.Today(SystemClock.Instance),
        };
        call.Publish(now - Duration.FromDays(30));
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        var application = Application.StartDraft(call, organization.Id, "browser-test", now - Duration.FromDays(10));
        application.ProjectTitle = "Testimony archive " + code;
        application.BudgetLines.Add(new BudgetLine { Category = BudgetCategory.Activities, Item = "Interviews", Amount = new Krw(40_000_000), Justification = "20 interviews" });
        application.Submit($"2097-{code}-0001", now - Duration.FromDays(2));
        application.StartReview();
        application.RecordPanelDecision(PanelDecision.Fund, "지원");
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }
}
