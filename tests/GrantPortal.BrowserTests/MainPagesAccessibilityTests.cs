using System.Globalization;
using System.Resources;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>
/// KWCAG 2.2 / WCAG 2.1 AA on every main page of every role, in Korean and in English: the person signs in once, reaches
/// each page by clicking from the home page, and axe-core audits each one. Every serious or critical finding of the walk
/// is reported at once, with the page, its address, the rule and the elements.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MainPagesAccessibilityTests(BrowserFixture fixture)
{
    private const float Slow = 20_000;

    private static readonly ResourceManager Resources = new("GrantPortal.Core.Localization.Strings", typeof(Strings).Assembly);

    public static TheoryData<string, string> RolesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { "applicant", "reviewer", "officer", "finance", "administrator" })
        {
            data.Add(role, "ko-KR");
            data.Add(role, "en-US");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task Main_pages_of_a_role_have_no_serious_accessibility_violations(string role, string locale)
    {
        var (account, walk) = role switch
        {
            "applicant" => (DemoAccounts.Applicant1, (Func<Walk, Task>)WalkApplicantAsync),
            "reviewer" => (DemoAccounts.Reviewer1, WalkReviewerAsync),
            "officer" => (DemoAccounts.Officer, WalkOfficerAsync),
            "finance" => (DemoAccounts.Finance1, WalkFinanceAsync),
            _ => (DemoAccounts.Administrator, WalkAdministratorAsync),
        };
        var page = await fixture.NewPageAsync(locale);
        var language = locale[..2];
        var audit = new Walk(page, CultureInfo.GetCultureInfo(locale));
        try
        {
            await SignInTests.SignInAsync(page, account.Email, DemoAccounts.Password);
            // Signing in brings back the language of the person's profile; the switch shows the walk's language.
            await SwitchLanguageAsync(page, language);
            await walk(audit);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            throw new PlaywrightException($"The {role} walk stopped on {page.Url}: {ex.Message}\nFound before it stopped:\n{string.Join("\n", audit.Findings)}\n{fixture.Server.Errors.Describe()}", ex);
        }
        finally
        {
            // The switch saved the language in the demo profile: put back the one other tests expect.
            if (language != account.PreferredLanguage)
            {
                await page.GotoAsync("/");
                await SignInTests.WaitUntilInteractiveAsync(page);
                await SwitchLanguageAsync(page, account.PreferredLanguage);
            }

            await page.Context.CloseAsync();
        }

        Assert.True(audit.Findings.Count == 0, $"{audit.Findings.Count} serious or critical axe-core findings as {role} in {locale}:\n" + string.Join("\n", audit.Findings));
    }

    private static async Task WalkApplicantAsync(Walk walk)
    {
        var page = walk.Page;
        await walk.AuditAsync("dashboard", page.GetByTestId("dashboard-applicant"));

        await walk.MenuAsync("Nav_Calls");
        await walk.AuditAsync("calls", page.GetByTestId("call-list"));
        await page.GetByTestId("call-card").First.GetByTestId("call-title").ClickAsync();
        await walk.AuditAsync("call", page.GetByTestId("apply-panel").First);

        await walk.MenuAsync("Nav_Dashboard");
        await page.GetByTestId("continue-application").First.ClickAsync();
        await walk.AuditAsync("application form (draft)", page.GetByTestId("field-ProjectTitle"));

        await walk.MenuAsync("Nav_Applications");
        await walk.AuditAsync("applications", page.GetByTestId("my-applications"));
        await page.GetByTestId("my-applications").Locator("tr", new() { HasText = walk.Text("ApplicationStatus_Submitted") }).First.Locator("a").First.ClickAsync();
        await walk.AuditAsync("application", page.GetByTestId("back-to-applications"));

        await walk.MenuAsync("Nav_Reports");
        await walk.AuditAsync("reports", page.GetByTestId("my-reports"));
        await page.GetByTestId("my-reports").Locator("a[data-testid^=report-link-]").First.ClickAsync();
        await walk.AuditAsync("report", page.GetByTestId("report-heading"));

        await walk.MenuAsync("Nav_MyOrganization");
        await walk.AuditAsync("organization profile", page.GetByTestId("org-name-ko"));
    }

    private static async Task WalkReviewerAsync(Walk walk)
    {
        var page = walk.Page;
        await walk.AuditAsync("dashboard", page.GetByTestId("dashboard-reviewer"));

        await walk.MenuAsync("Nav_Reviews");
        await walk.AuditAsync("reviews", page.GetByTestId("review-tasks"));
        await page.GetByTestId("review-tasks").Locator("tr", new() { HasText = walk.Text("Reviews_Status_Draft") }).First.Locator("a").First.ClickAsync();
        await walk.AuditAsync("scoring", page.GetByTestId("scoring-form"));
    }

    private async Task WalkOfficerAsync(Walk walk)
    {
        var page = walk.Page;
        var year = await CurrentCallYearAsync();
        await walk.AuditAsync("dashboard", page.GetByTestId("dashboard-officer"));
        await page.GetByTestId("open-change-requests").ClickAsync();
        await walk.AuditAsync("change requests", page.GetByTestId("changes-worklist-title"));

        await walk.MenuAsync("Nav_ManageCalls");
        await walk.AuditAsync("manage calls", page.GetByTestId("manage-calls"));
        await OfficerNavigation.OpenCallEditorAsync(page, "ARTS", year);
        await walk.AuditAsync("call editor", page.GetByTestId("save-call"));
        await page.GetByTestId("call-assignments").ClickAsync();
        await walk.AuditAsync("assignments", page.GetByTestId("assignments-title"));
        await OfficerNavigation.OpenCallReviewPageAsync(page, "ARTS", year, "ranking");
        await walk.AuditAsync("ranking", page.GetByTestId("ranking"));

        await walk.MenuAsync("Nav_Applications");
        await walk.AuditAsync("intake", page.GetByTestId("intake").Locator("a[data-testid^=intake-]").First);
        await page.GetByTestId("intake").Locator("a[data-testid^=intake-]").First.ClickAsync();
        await walk.AuditAsync("application", page.GetByTestId("back-to-applications"));

        await walk.MenuAsync("Awards_Nav");
        await Expect(page.GetByTestId("awards-call")).ToBeVisibleAsync(new() { Timeout = Slow });
        await OfficerNavigation.ChooseAsync(page, page.GetByTestId("awards-call"), $"{year} · RAPID");
        await walk.AuditAsync("awards", page.Locator("[data-testid^=open-award-]").First);
        await page.Locator("[data-testid^=open-award-]").First.ClickAsync();
        await walk.AuditAsync("award", page.GetByTestId("award-title"));

        await walk.MenuAsync("Budget_Nav");
        await walk.AuditAsync("budget", page.GetByTestId("budget-year"));

        await walk.MenuAsync("Nav_Recommendations");
        await walk.AuditAsync("recommendations", page.GetByTestId("totals"));
        await page.GetByTestId("to-mapping").ClickAsync();
        await walk.AuditAsync("mapping", page.GetByTestId("mapping"));
        await walk.MenuAsync("Nav_Recommendations");
        await page.GetByTestId("to-accountability").ClickAsync();
        await walk.AuditAsync("accountability narrative", page.GetByTestId("accountability-generate"));

        await walk.MenuAsync("Nav_Reports");
        await walk.AuditAsync("reports", page.GetByTestId("report-queue"));

        await walk.MenuAsync("Nav_Organizations");
        await walk.AuditAsync("organizations", page.GetByTestId("organization-filter"));
    }

    private static async Task WalkFinanceAsync(Walk walk)
    {
        var page = walk.Page;
        await walk.AuditAsync("dashboard", page.GetByTestId("dashboard-finance"));
        await walk.MenuAsync("Finance_Nav");
        await walk.AuditAsync("finance worklist", page.GetByTestId("awaiting-approval"));
    }

    private static async Task WalkAdministratorAsync(Walk walk)
    {
        var page = walk.Page;
        await walk.AuditAsync("dashboard", page.GetByTestId("dashboard-administrator"));
        await walk.MenuAsync("Nav_Admin");
        await walk.AuditAsync("admin", page.GetByTestId("admin-search"));
        await page.GetByTestId("admin-notifications").ClickAsync();
        await walk.AuditAsync("notifications", page.GetByTestId("notifications-table"));
        await walk.MenuAsync("Audit_Nav");
        await walk.AuditAsync("audit trail", page.GetByTestId("audit-search"));
        await walk.MenuAsync("Nav_Recommendations");
        await walk.AuditAsync("recommendations and catalogue", page.GetByTestId("catalogue-import"));
    }

    /// <summary>Clicks the language switch in the app bar, unless the page is already in <paramref name="language"/>.</summary>
    private static async Task SwitchLanguageAsync(IPage page, string language)
    {
        if (await page.Locator("html").GetAttributeAsync("lang") == language)
        {
            return;
        }

        await page.GetByTestId("lang-" + language).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language, new() { Timeout = Slow });
        await SignInTests.WaitUntilInteractiveAsync(page);
    }

    /// <summary>The year of this year's demo calls under review and decided (ARTS, RAPID): it follows the clock.</summary>
    private async Task<int> CurrentCallYearAsync()
    {
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Calls.Where(c => c.Code == "ARTS").Select(c => c.BudgetYear!.Year).FirstAsync();
    }

    /// <summary>One person's walk: where they are, the language of the walk, and what axe-core found so far.</summary>
    private sealed class Walk(IPage page, CultureInfo culture)
    {
        public IPage Page => page;

        public List<string> Findings { get; } = [];

        public string Text(string key) => Resources.GetString(key, culture) ?? key;

        public Task MenuAsync(string labelKey) => page.GetByTestId("nav-" + labelKey).ClickAsync();

        /// <summary>Waits for the page to show <paramref name="shown"/>, then keeps every serious finding on it.</summary>
        public async Task AuditAsync(string name, ILocator shown)
        {
            await Expect(shown).ToBeVisibleAsync(new() { Timeout = Slow });
            foreach (var finding in await AccessibilityTests.SeriousViolationsAsync(page))
            {
                Findings.Add($"[{name}] {page.Url}\n    {finding}");
            }
        }
    }
}
