using System.Text.RegularExpressions;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AwardTests(BrowserFixture fixture)
{
    /// <summary>
    /// The whole money path in the browser, reached by clicking: the officer awards, finance1 opens the award from the
    /// budget and records both tranches (told that the second waits for the interim report), finance2 approves and
    /// marks paid after confirming each, the year's overview shows the money, and the audit trail reads in words.
    /// </summary>
    [Fact]
    public async Task Officer_awards_finance1_records_finance2_confirms_approval_and_payment_and_the_overview_reflects_it()
    {
        // A budget year of its own, so no other test's awards or payments change the figures checked here.
        var (_, applicationId) = await FundedApplicationAsync(2099);

        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GetByTestId("nav-Awards_Nav").ClickAsync();
        await ChooseAsync(officer, "awards-call", "2099 · BRW");
        await officer.GetByTestId("award-" + applicationId).ClickAsync();
        await Expect(officer.GetByTestId("award-editor")).ToBeVisibleAsync();
        await officer.GetByTestId("award-save").ClickAsync();
        await Expect(officer.GetByTestId("award-title")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var awardId = await AwardIdAsync(applicationId);
        Assert.EndsWith($"/awards/{awardId}", officer.Url, StringComparison.Ordinal);
        await officer.Context.CloseAsync();

        // The grantee's checklist and the grant decision (clicked through in GrantAgreementTests): payments may follow.
        await GrantDecisions.DecideAsync(fixture.Server.Services, awardId);

        var maker = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(maker, DemoAccounts.Finance1.Email, DemoAccounts.Password);
        await OpenFromBudgetAsync(maker, awardId);
        await maker.GetByTestId("record-payment-1").ClickAsync();
        await Expect(maker.Locator("[data-testid^=payment-status-]")).ToHaveCountAsync(1);
        var paymentId = (await PaymentIdsAsync(awardId)).Single();

        // The second tranche waits for the interim report, which nobody has written: recording is allowed, and says so.
        // (The demo's finance accounts read the portal in Korean, whatever the browser says.)
        await Expect(maker.GetByTestId("gate-hint-2")).ToContainTextAsync("중간보고서");
        await maker.GetByTestId("record-payment-2").ClickAsync();
        var warning = maker.GetByTestId("award-message");
        await Expect(warning).ToContainTextAsync("지급을 기록했지만 아직 승인할 수 없습니다");
        await Expect(warning).ToContainTextAsync(new Regex(@"중간보고서\(제출 기한 \d{4}-\d{2}-\d{2}, 현재: 작성 전\)"));
        var gatedPaymentId = (await PaymentIdsAsync(awardId)).Single(id => id != paymentId);
        await maker.GetByTestId("nav-Finance_Nav").ClickAsync();
        await Expect(maker.GetByTestId("own-payment-" + paymentId)).ToBeVisibleAsync();
        await Expect(maker.GetByTestId("approve-" + paymentId)).ToHaveCountAsync(0);
        await maker.Context.CloseAsync();

        var checker = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(checker, DemoAccounts.Finance2.Email, DemoAccounts.Password);
        await checker.GetByTestId("nav-Finance_Nav").ClickAsync();
        await Expect(checker.GetByTestId("approve-" + gatedPaymentId)).ToBeDisabledAsync();

        // Approving asks first, with the facts; cancelling moves no money.
        await checker.GetByTestId("approve-" + paymentId).ClickAsync();
        var facts = checker.GetByTestId("payment-confirm-facts");
        await Expect(facts).ToContainTextAsync(new Regex("브라우저 지원 포럼|Browser Award Forum"));
        await Expect(facts).ToContainTextAsync("2,400만 원");
        await Expect(facts).ToContainTextAsync("1회차");
        await Expect(facts).ToContainTextAsync("Testimony archive");
        await checker.GetByTestId("payment-confirm-cancel").ClickAsync();
        await Expect(checker.GetByTestId("payment-confirm-dialog")).ToHaveCountAsync(0);
        Assert.Equal(PaymentStatus.AwaitingApproval, await StatusAsync(paymentId));

        // A double click asks once and approves once.
        await checker.GetByTestId("approve-" + paymentId).DblClickAsync();
        await Expect(checker.GetByTestId("payment-confirm-dialog")).ToHaveCountAsync(1);
        await checker.GetByTestId("payment-confirm-yes").DblClickAsync();
        await Expect(checker.GetByTestId("finance-message")).ToHaveTextAsync("지급이 승인되었습니다.", new() { Timeout = 20_000 });
        Assert.Equal(1, await CountAsync(paymentId, AuditActions.PaymentApproved));

        var reference = checker.GetByTestId("bank-reference-" + paymentId);
        await Expect(reference).ToBeVisibleAsync();
        await reference.FillAsync("EFT-BROWSER-0001");
        await checker.GetByTestId("mark-paid-" + paymentId).ClickAsync();
        await Expect(checker.GetByTestId("payment-confirm-facts")).ToContainTextAsync("EFT-BROWSER-0001");
        await checker.GetByTestId("payment-confirm-yes").ClickAsync();
        await Expect(checker.GetByTestId("mark-paid-" + paymentId)).ToHaveCountAsync(0);
        Assert.Equal(1, await CountAsync(paymentId, AuditActions.PaymentPaid));

        await checker.GetByTestId("nav-Budget_Nav").ClickAsync();
        await ChooseAsync(checker, "budget-year", "2099");
        await Expect(checker.GetByTestId("budget-committed").Locator(".krw")).ToHaveAttributeAsync("title", "₩40,000,000");
        await Expect(checker.GetByTestId("budget-disbursed").Locator(".krw")).ToHaveAttributeAsync("title", "₩24,000,000");

        // The trail says in words what just happened, and its link opens the award.
        await checker.GetByTestId("nav-Audit_Nav").ClickAsync();
        var newest = checker.GetByTestId("audit-events").Locator("tbody tr").First;
        await Expect(newest.GetByTestId("audit-what")).ToHaveTextAsync("지급 이체 완료");
        await Expect(newest.GetByTestId("audit-record-link")).ToContainTextAsync("1회차 지급 2,400만 원");
        await newest.GetByTestId("audit-record-link").ClickAsync();
        await Expect(checker.GetByTestId("award-title")).ToBeVisibleAsync();
        Assert.EndsWith($"/awards/{awardId}", checker.Url, StringComparison.Ordinal);
        await checker.Context.CloseAsync();

        await using var db = await DbAsync();
        var payment = await db.Payments.SingleAsync(p => p.Id == paymentId);
        Assert.Equal("EFT-BROWSER-0001", payment.BankReference);
        Assert.NotEqual(payment.RecordedById, payment.ApprovedById);
    }

    [Fact]
    public async Task Dashboard_count_of_tranches_due_equals_the_payments_list_and_finance_opens_an_award_from_it()
    {
        var page = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(page, DemoAccounts.Finance1.Email, DemoAccounts.Password);
        var counted = (await page.GetByTestId("tranches-month-link").TextContentAsync())!.Trim();

        await page.GetByTestId("tranches-month-link").ClickAsync();

        await Expect(page.GetByTestId("due-this-month-count")).ToHaveTextAsync(counted);
        var dueItems = await page.Locator("[data-testid^=due-this-month-tranche-]").CountAsync();
        Assert.Equal(Math.Min(int.Parse(counted, System.Globalization.CultureInfo.InvariantCulture), 50), dueItems);

        // Every listed tranche opens its award; the demo always has some waiting.
        var tranche = page.Locator("[data-testid^=due-this-month-tranche-], [data-testid^=overdue-tranche-]").First;
        await tranche.ClickAsync();
        await Expect(page.GetByTestId("award-title")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("award-not-found")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_long_audit_trail_pages_in_korean_without_serious_accessibility_violations()
    {
        // Enough events for a pager of many pages, dated years back so every newer event stays on the first page.
        await using (var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var start = Instant.FromUtc(2021, 1, 4, 0, 0);
            for (var i = 0; i < 600; i++)
            {
                db.AuditEvents.Add(AuditEvent.Record(start + Duration.FromMinutes(i), Actor.System, AuditActions.DemoSeeded, "Database", "demo"));
            }

            await db.SaveChangesAsync();
        }

        var page = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(page, DemoAccounts.Administrator.Email, DemoAccounts.Password);
        await page.GetByTestId("nav-Audit_Nav").ClickAsync();
        await Expect(page.GetByTestId("audit-events")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator(".mud-pagination")).ToBeVisibleAsync();

        // Each page button reads as its number ("12 페이지"), so a voice user who says the number they see reaches it.
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("finance1@demo.local", "nav-Finance_Nav", null, "awaiting-approval")]
    [InlineData("finance1@demo.local", "nav-Budget_Nav", "2023", "budget-summary")]
    [InlineData("officer@demo.local", "nav-Awards_Nav", null, "award-candidates")]
    [InlineData("admin@demo.local", "nav-Audit_Nav", null, "audit-events")]
    public async Task Money_pages_show_the_demo_data_without_serious_accessibility_violations(string email, string menu, string? year, string testId)
    {
        var page = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(page, email, DemoAccounts.Password);
        await page.GetByTestId(menu).ClickAsync();
        if (year is not null)
        {
            await ChooseAsync(page, "budget-year", year);
        }

        await Expect(page.GetByTestId(testId)).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_2023_overview_reads_like_the_ministry_report_and_finance1_can_approve_demo_payments()
    {
        var page = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(page, DemoAccounts.Finance1.Email, DemoAccounts.Password);
        await page.GetByTestId("nav-Budget_Nav").ClickAsync();
        await ChooseAsync(page, "budget-year", "2023");

        await Expect(page.GetByTestId("budget-summary")).ToHaveTextAsync("2023년: 20억 원, 18개 단체 29개 사업 지원");

        // The year's awards are listed, each a way to its page.
        var firstAward = page.Locator("[data-testid^=budget-award-]").First;
        await firstAward.ClickAsync();
        await Expect(page.GetByTestId("award-title")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("award-amount-card")).ToBeVisibleAsync();

        await page.GetByTestId("nav-Finance_Nav").ClickAsync();
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

    private async Task<List<int>> PaymentIdsAsync(int awardId)
    {
        await using var db = await DbAsync();
        return await db.Payments.Where(p => p.AwardId == awardId).Select(p => p.Id).ToListAsync();
    }

    private async Task<PaymentStatus> StatusAsync(int paymentId)
    {
        await using var db = await DbAsync();
        return await db.Payments.Where(p => p.Id == paymentId).Select(p => p.Status).SingleAsync();
    }

    private async Task<int> CountAsync(int paymentId, string action)
    {
        var id = paymentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await DbAsync();
        return await db.AuditEvents.CountAsync(e => e.EntityType == "Payment" && e.EntityId == id && e.Action == action);
    }

    /// <summary>Finance's way to any award: the budget's award list for the year, then the award's row.</summary>
    private static async Task OpenFromBudgetAsync(IPage page, int awardId)
    {
        await page.GetByTestId("nav-Budget_Nav").ClickAsync();
        await ChooseAsync(page, "budget-year", "2099");
        await page.GetByTestId($"budget-award-{awardId}").ClickAsync();
        await Expect(page.GetByTestId("award-title")).ToBeVisibleAsync();
    }

    /// <summary>Opens a MudSelect and picks the option that contains <paramref name="text"/>.</summary>
    internal static async Task ChooseAsync(IPage page, string testId, string text)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = text }).First.ClickAsync();
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
