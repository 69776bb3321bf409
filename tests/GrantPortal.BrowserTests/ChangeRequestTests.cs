using System.Globalization;
using System.Text.RegularExpressions;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Money;
using GrantPortal.Core.Time;
using GrantPortal.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>A change request (변경승인) from the grantee's home page to the officer's approval and the report that follows it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChangeRequestTests(BrowserFixture fixture)
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");

    [Fact]
    public async Task Grantee_moves_money_above_the_threshold_the_officer_approves_and_the_report_shows_the_new_budget()
    {
        var title = "Change request walk " + Guid.NewGuid().ToString("N")[..6];
        await AwardForApplicant1Async(title);

        // The grantee: home page → its award → a move of ₩5,000,000 from workshops to the hall (the notice limit is ₩3,000,000).
        var grantee = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(grantee, DemoAccounts.Applicant1.Email, DemoAccounts.Password);
        await grantee.GetByTestId("dashboard-awards").GetByTestId("award-link").Filter(new() { HasText = title }).ClickAsync();
        await grantee.WaitForURLAsync(new Regex(@"/awards/\d+$"));
        await SignInTests.WaitUntilInteractiveAsync(grantee);
        await Expect(grantee.GetByTestId("changes-in-force")).ToContainTextAsync("제1판");
        await ChooseAsync(grantee, "change-from", "Workshops");
        await ChooseAsync(grantee, "change-to", "Hall rental");
        await Expect(grantee.GetByTestId("change-limit")).ToContainTextAsync(new Krw(3_000_000).Format(Korean));
        await grantee.Locator("[data-testid=change-amount] input, input[data-testid=change-amount]").First.FillAsync("5,000,000");
        await grantee.Locator("[data-testid=change-reason] textarea, textarea[data-testid=change-reason]").First.FillAsync("참가자가 늘어 더 넓은 행사장을 빌립니다.");
        await grantee.GetByTestId("change-submit").ClickAsync();
        await Expect(grantee.GetByTestId("change-message")).ToContainTextAsync("승인을 기다립니다");
        await Expect(grantee.Locator("[data-testid^=change-status-]").First).ToHaveTextAsync("승인 대기");
        await grantee.Context.CloseAsync();

        // The officer: home page → the waiting requests → the award → approve.
        var officer = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GetByTestId("open-change-requests").ClickAsync();
        await Expect(officer.GetByTestId("changes-worklist-title")).ToBeVisibleAsync();
        await officer.GetByTestId("changes-worklist").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await officer.WaitForURLAsync(new Regex(@"/awards/\d+#changes$"));
        await SignInTests.WaitUntilInteractiveAsync(officer);
        await officer.Locator("[data-testid^=change-approve-]").First.ClickAsync();
        await Expect(officer.GetByTestId("change-message")).ToContainTextAsync("제2판");
        await Expect(officer.GetByTestId("changes-in-force")).ToContainTextAsync("제2판");
        await Expect(officer.GetByTestId("version-diff")).ToContainTextAsync(new Krw(35_000_000).Format(Korean));

        // The interim report compares spending with version 2: the hall ₩35,000,000, the workshops ₩65,000,000.
        await officer.GetByTestId("open-report-Interim").ClickAsync();
        await officer.WaitForURLAsync(new Regex(@"/reports/\d+$"));
        await Expect(officer.GetByTestId("budgeted-0")).ToHaveTextAsync(new Krw(65_000_000).Format(Korean));
        await Expect(officer.GetByTestId("budgeted-1")).ToHaveTextAsync(new Krw(35_000_000).Format(Korean));
        await officer.Context.CloseAsync();
    }

    /// <summary>Opens a MudSelect and clicks the option that contains <paramref name="text"/>.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string text)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>An award of ₩100,000,000 to applicant1's organization: workshops ₩70,000,000 and a hall ₩30,000,000.</summary>
    private async Task AwardForApplicant1Async(string title)
    {
        var clock = SystemClock.Instance;
        var now = clock.GetCurrentInstant();
        var today = Seoul.Today(clock);
        var services = fixture.Server.Services;
        int applicationId;
        CurrentUser officer;
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var organizationId = await db.Users.Where(u => u.Email == DemoAccounts.Applicant1.Email).Select(u => u.OrganizationId!.Value).SingleAsync();
            var officerUser = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Officer.Email);
            officer = new CurrentUser(officerUser.Id, officerUser.DisplayName, null, new HashSet<string> { Roles.ProgramOfficer });
            var year = await db.BudgetYears.SingleOrDefaultAsync(y => y.Year == 2095) ?? BudgetYear.Open(2095, new Krw(1_000_000_000));
            if (year.Id == 0)
            {
                db.BudgetYears.Add(year);
                await db.SaveChangesAsync();
            }

            var code = "CR" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
            var call = new Call
            {
                BudgetYearId = year.Id,
                Code = code,
                TitleEnglish = "Change request call " + code,
                TitleKorean = "변경승인 시험 공모 " + code,
                Envelope = new Krw(200_000_000),
                MinimumRequest = new Krw(1_000_000),
                MaximumRequest = new Krw(150_000_000),
                OpensAt = now - Duration.FromDays(30),
                ClosesAt = now - Duration.FromDays(1),
                ReviewDueOn = today,
            };
            call.Publish(now - Duration.FromDays(30));
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            var application = Application.StartDraft(call, organizationId, "browser-test", now - Duration.FromDays(10));
            application.ProjectTitle = title;
            application.StartDate = today.PlusDays(7);
            application.EndDate = today.PlusDays(200);
            application.BudgetLines.Add(new BudgetLine { Order = 0, Category = BudgetCategory.Activities, Item = "Workshops", Amount = new Krw(70_000_000), Justification = "10 workshops" });
            application.BudgetLines.Add(new BudgetLine { Order = 1, Category = BudgetCategory.Venue, Item = "Hall rental", Amount = new Krw(30_000_000), Justification = "10 days" });
            application.Submit($"2095-{code}-0001", now - Duration.FromDays(2));
            application.StartReview();
            application.RecordPanelDecision(PanelDecision.Fund, "지원");
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            applicationId = application.Id;
        }

        var form = AwardForm.Proposed(applicationId, new Krw(100_000_000), today, today.PlusDays(7), today.PlusDays(200));
        var awarded = await services.GetRequiredService<AwardApplication>().AwardAsync(officer, form);
        Assert.True(awarded.Succeeded, awarded.Message);
    }
}
