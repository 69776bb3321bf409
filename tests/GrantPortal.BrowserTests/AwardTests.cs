using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Demo;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AwardTests(BrowserFixture fixture)
{
    /// <summary>
    /// The whole money path in the browser: the officer awards, finance1 records the first tranche, finance2 approves
    /// and marks it paid, and the year's overview shows the money committed and disbursed.
    /// </summary>
    [Fact]
    public async Task Officer_awards_finance1_records_finance2_approves_and_pays_and_the_overview_reflects_it()
    {
        // A budget year of its own, so no other test's awards or payments change the figures checked here.
        var (callId, applicationId) = await FundedApplicationAsync(2099);

        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GotoAsync($"/awards?call={callId}");
        await SignInTests.WaitUntilInteractiveAsync(officer);
        await officer.GetByTestId("award-" + applicationId).ClickAsync();
        await Expect(officer.GetByTestId("award-editor")).ToBeVisibleAsync();
        await officer.GetByTestId("award-save").ClickAsync();
        await Expect(officer.GetByTestId("award-title")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var awardId = await AwardIdAsync(applicationId);
        Assert.EndsWith($"/awards/{awardId}", officer.Url, StringComparison.Ordinal);
        await officer.Context.CloseAsync();

        var maker = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(maker, DemoAccounts.Finance1.Email, DemoAccounts.Password);
        await maker.GotoAsync($"/awards/{awardId}");
        await SignInTests.WaitUntilInteractiveAsync(maker);
        await Expect(maker.GetByTestId("award-title")).ToBeVisibleAsync();
        await maker.GetByTestId("record-payment-1").ClickAsync();
        await Expect(maker.Locator("[data-testid^=payment-status-]")).ToHaveCountAsync(1);
        var paymentId = await PaymentIdAsync(awardId);
        await maker.GotoAsync("/finance");
        await SignInTests.WaitUntilInteractiveAsync(maker);
        await Expect(maker.GetByTestId("own-payment-" + paymentId)).ToBeVisibleAsync();
        await Expect(maker.GetByTestId("approve-" + paymentId)).ToHaveCountAsync(0);
        await maker.Context.CloseAsync();

        var checker = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(checker, DemoAccounts.Finance2.Email, DemoAccounts.Password);
        await checker.GotoAsync("/finance");
        await SignInTests.WaitUntilInteractiveAsync(checker);
        await checker.GetByTestId("approve-" + paymentId).ClickAsync();
        var reference = checker.GetByTestId("bank-reference-" + paymentId);
        await Expect(reference).ToBeVisibleAsync();
        await reference.FillAsync("EFT-BROWSER-0001");
        await checker.GetByTestId("mark-paid-" + paymentId).ClickAsync();
        await Expect(checker.GetByTestId("mark-paid-" + paymentId)).ToHaveCountAsync(0);

        await checker.GotoAsync("/budget?year=2099");
        await SignInTests.WaitUntilInteractiveAsync(checker);
        await Expect(checker.GetByTestId("budget-summary")).ToBeVisibleAsync();
        await Expect(checker.GetByTestId("budget-committed").Locator(".krw")).ToHaveAttributeAsync("title", "₩40,000,000");
        await Expect(checker.GetByTestId("budget-disbursed").Locator(".krw")).ToHaveAttributeAsync("title", "₩24,000,000");
        await checker.Context.CloseAsync();

        await using var db = await DbAsync();
        var payment = await db.Payments.SingleAsync(p => p.Id == paymentId);
        Assert.Equal("EFT-BROWSER-0001", payment.BankReference);
        Assert.NotEqual(payment.RecordedById, payment.ApprovedById);
    }

    [Theory]
    [InlineData("finance1@demo.local", "/finance", "awaiting-approval")]
    [InlineData("finance1@demo.local", "/budget?year=2023", "budget-summary")]
    [InlineData("officer@demo.local", "/awards", "award-candidates")]
    [InlineData("admin@demo.local", "/audit", "audit-events")]
    public async Task Money_pages_show_the_demo_data_without_serious_accessibility_violations(string email, string path, string testId)
    {
        var page = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(page, email, DemoAccounts.Password);
        await page.GotoAsync(path);
        await SignInTests.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId(testId)).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_2023_overview_reads_like_the_ministry_report_and_finance1_can_approve_demo_payments()
    {
        var page = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(page, DemoAccounts.Finance1.Email, DemoAccounts.Password);
        await page.GotoAsync("/budget?year=2023");
        await SignInTests.WaitUntilInteractiveAsync(page);

        await Expect(page.GetByTestId("budget-summary")).ToHaveTextAsync("2023년: 20억 원, 18개 단체 29개 사업 지원");

        await page.GotoAsync("/finance");
        await SignInTests.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("awaiting-approval")).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-testid^=approve-]").CountAsync() >= 1);
        await page.Context.CloseAsync();
    }

    private async Task<PortalDbContext> DbAsync() =>
        await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    private async Task<int> AwardIdAsync(int applicationId)
    {
        await using var db = await DbAsync();
        return await db.Awards.Where(a => a.ApplicationId == applicationId).Select(a => a.Id).SingleAsync();
    }

    private async Task<int> PaymentIdAsync(int awardId)
    {
        await using var db = await DbAsync();
        return await db.Payments.Where(p => p.AwardId == awardId).Select(p => p.Id).SingleAsync();
    }

    /// <summary>A closed call in <paramref name="year"/> with one application the panel decided to fund, for ₩40,000,000.</summary>
    private async Task<(int CallId, int ApplicationId)> FundedApplicationAsync(int year)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var db = await DbAsync();
        var budget = BudgetYear.Open(year, new Krw(1_000_000_000));
        db.BudgetYears.Add(budget);
        var organization = Organization.Register("Browser Award Forum", "브라우저 지원 포럼", SignInTests.UniqueRegistrationNumber(), OrganizationType.Other, "Award Tester", $"award-{Guid.NewGuid():N}@example.org", now);
        organization.Verify("browser-test", now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var call = new Call
        {
            BudgetYearId = budget.Id,
            Code = "BRW",
            TitleEnglish = "Browser test call",
            TitleKorean = "브라우저 시험 공모",
            Envelope = new Krw(500_000_000),
            MinimumRequest = new Krw(1_000_000),
            MaximumRequest = new Krw(100_000_000),
            OpensAt = now - Duration.FromDays(30),
            ClosesAt = now - Duration.FromDays(1),
            ReviewDueOn = new LocalDate(2026, 12, 31),
        };
        call.Publish(now - Duration.FromDays(30));
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        var application = Application.StartDraft(call, organization.Id, "browser-test", now - Duration.FromDays(10));
        application.ProjectTitle = "Testimony archive " + Guid.NewGuid().ToString("N")[..6];
        application.BudgetLines.Add(new BudgetLine { Category = BudgetCategory.Activities, Item = "Interviews", Amount = new Krw(40_000_000), Justification = "20 interviews" });
        application.Submit($"{year}-BRW-0001", now - Duration.FromDays(2));
        application.StartReview();
        application.RecordPanelDecision(PanelDecision.Fund, "지원");
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return (call.Id, application.Id);
    }
}
