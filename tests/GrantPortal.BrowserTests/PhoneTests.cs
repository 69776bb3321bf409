using System.Text.RegularExpressions;
using GrantPortal.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>
/// CSO staff often apply from a phone: every page an applicant, a reviewer scoring or finance uses fits a 390 px wide
/// screen without scrolling sideways, reached as the person would, through the phone's menu.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneTests(BrowserFixture fixture)
{
    private const float Slow = 20_000;

    [Fact]
    public async Task New_applicant_pages_fit_a_phone()
    {
        var email = $"phone-{Guid.NewGuid():N}@example.org";
        await ApplyTests.VerifiedApplicantAsync(fixture, email);
        var page = await fixture.NewPageAsync("ko-KR", phone: true);
        await SignInTests.SignInAsync(page, email, SignInTests.TestPassword);
        await Expect(page.GetByTestId("dashboard-applicant")).ToBeVisibleAsync();
        await AssertFitsAsync(page, "The dashboard");

        await OpenMenuEntryAsync(page, "Nav_Calls");
        var card = page.Locator("[data-testid=call-card][data-call-code=YOUTH]");
        await Expect(card).ToBeVisibleAsync();
        await AssertFitsAsync(page, "The call list");

        await card.GetByTestId("call-title").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/calls/\d+$"));
        await Expect(page.GetByTestId("apply-panel").First).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The call page");

        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("apply").First.ClickAsync();
        var screening = page.GetByTestId("eligibility-continue");
        await Expect(screening.Or(page.GetByTestId("add-budget-line"))).ToBeVisibleAsync(new() { Timeout = Slow });
        if (await screening.IsVisibleAsync())
        {
            // The call page's Apply may lead straight to the draft when the call asks no screening question there.
            await AssertFitsAsync(page, "The new application's eligibility questions");
            await EligibilityTests.PassScreeningAsync(page);
        }

        await Expect(page.GetByTestId("add-budget-line")).ToBeVisibleAsync(new() { Timeout = Slow });
        await page.GetByTestId("add-budget-line").ClickAsync();
        await Expect(page.GetByTestId("budget-line")).ToHaveCountAsync(1);
        // The first open call depends on what earlier tests published: a table question is filled when its form has one.
        var addRow = page.Locator("[data-testid$='-add-row']");
        if (await addRow.CountAsync() > 0)
        {
            await addRow.First.ClickAsync();
            await Expect(page.GetByTestId("table-row")).ToHaveCountAsync(1);
        }

        await AssertFitsAsync(page, "The application form with a budget line and a table row");

        await OpenMenuEntryAsync(page, "Nav_Applications");
        await Expect(page.GetByTestId("my-applications")).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The applications list");

        await OpenMenuEntryAsync(page, "Nav_MyOrganization");
        await Expect(page.GetByTestId("organization-state")).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The organization profile");

        await OpenMenuEntryAsync(page, "Nav_Profile");
        await Expect(page.GetByTestId("profile-save")).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The profile page");

        await page.GetByTestId("profile-two-factor").ClickAsync();
        await Expect(page.GetByTestId("two-factor-status").First).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The two-factor page");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Grantee_applications_and_reports_fit_a_phone()
    {
        var page = await fixture.NewPageAsync("ko-KR", phone: true);
        await SignInTests.SignInAsync(page, DemoAccounts.Applicant1.Email, DemoAccounts.Password);
        await Expect(page.GetByTestId("dashboard-applicant")).ToBeVisibleAsync();
        await AssertFitsAsync(page, "The dashboard of an organization with awards");

        await OpenMenuEntryAsync(page, "Nav_Applications");
        var applications = page.GetByTestId("my-applications");
        await Expect(applications).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The applications list");
        await applications.Locator("tr", new() { Has = page.GetByTestId("see-award") }).First.Locator("a[href^='/applications/']").ClickAsync();
        await Expect(page.GetByTestId("receipt").First).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "A submitted application's page");

        await OpenMenuEntryAsync(page, "Nav_Reports");
        var reports = page.GetByTestId("my-reports");
        await Expect(reports).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The reports list");
        // Other tests in the run may already have submitted the due one: any interim report, editable or read-only.
        await reports.Locator("tr", new() { HasText = "중간보고서" }).First.Locator("a").ClickAsync();
        await Expect(page.GetByTestId("report-heading")).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "An interim report with its indicators and spending");

        await OpenMenuEntryAsync(page, "Nav_Reports");
        await reports.Locator("tr", new() { HasText = "결과보고서" }).First.Locator("a").ClickAsync();
        await Expect(page.GetByTestId("settlement-sheet")).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "A final report with its settlement sheet");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reviewer_scoring_page_fits_a_phone()
    {
        var email = $"phone-reviewer-{Guid.NewGuid():N}@reviewers.example";
        var (assignmentId, _, _) = await ReviewTests.ReviewerWithAssignmentAsync(fixture, email, "Phone Reviewer");
        var page = await fixture.NewPageAsync("ko-KR", phone: true);
        await SignInTests.SignInAsync(page, email, SignInTests.TestPassword);

        await OpenMenuEntryAsync(page, "Nav_Reviews");
        await Expect(page.GetByTestId("review-tasks")).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The reviewer's task list");

        await page.GetByTestId($"task-{assignmentId}").ClickAsync();
        await Expect(page.GetByTestId("declaration")).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The conflict-of-interest declaration");
        await page.GetByTestId("declare-no-conflict").ClickAsync();
        await Expect(page.GetByTestId("scoring-form")).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The scoring page");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Finance_worklist_fits_a_phone()
    {
        var page = await fixture.NewPageAsync("ko-KR", phone: true);
        await SignInTests.SignInAsync(page, DemoAccounts.Finance1.Email, DemoAccounts.Password);

        await OpenMenuEntryAsync(page, "Finance_Nav");
        await Expect(page.GetByTestId("awaiting-approval")).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The finance worklist");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Officer_intake_list_fits_a_phone()
    {
        var page = await fixture.NewPageAsync("ko-KR", phone: true);
        await SignInTests.SignInAsync(page, DemoAccounts.Officer.Email, DemoAccounts.Password);

        await OpenMenuEntryAsync(page, "Nav_Applications");
        await Expect(page.GetByTestId("intake").Locator("a[href^='/applications/']").First).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The officer's intake list");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_account_menu_switches_the_language_and_signs_out()
    {
        var email = $"phone-menu-{Guid.NewGuid():N}@example.org";
        await ApplyTests.VerifiedApplicantAsync(fixture, email);
        var page = await fixture.NewPageAsync("ko-KR", phone: true);
        await SignInTests.SignInAsync(page, email, SignInTests.TestPassword);
        await Expect(page.GetByTestId("dashboard-applicant")).ToBeVisibleAsync();

        // The wide bar's buttons are not squeezed in beside the title: they wait in the account menu.
        await Expect(page.GetByTestId("lang-en")).Not.ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "로그아웃", Exact = true })).Not.ToBeVisibleAsync();
        await AssertFitsAsync(page, "The app bar");

        await OpenAccountMenuAsync(page);
        await Expect(page.GetByTestId("menu-signed-in-as")).ToContainTextAsync("Park Apply");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);
        await page.GetByTestId("menu-lang-en").ClickAsync();
        await Expect(page.GetByTestId("dashboard-applicant")).ToBeVisibleAsync(new() { Timeout = Slow });
        await Expect(page.GetByTestId("menu-toggle")).ToHaveAttributeAsync("aria-label", "Show or hide the menu");
        await SignInTests.WaitUntilInteractiveAsync(page);

        await OpenAccountMenuAsync(page);
        await page.GetByTestId("menu-sign-out").ClickAsync();
        await Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync(new() { Timeout = Slow });
        await AssertFitsAsync(page, "The home page for a visitor");
        var profile = await page.Context.APIRequest.GetAsync("/Account/Profile", new() { MaxRedirects = 0 });
        Assert.Equal(302, profile.Status);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Opens the navigation drawer by its button, as on a phone it folds away once the page is interactive and after
    /// each choice, then clicks the entry.
    /// </summary>
    internal static async Task OpenMenuEntryAsync(IPage page, string labelKey)
    {
        var drawer = page.Locator(".mud-drawer").First;
        await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"), new() { Timeout = Slow });
        await page.GetByTestId("menu-toggle").ClickAsync();
        await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
        await page.GetByTestId("nav-" + labelKey).ClickAsync();
    }

    private static async Task OpenAccountMenuAsync(IPage page)
    {
        await page.GetByTestId("account-menu").Locator("button").First.ClickAsync();
        await Expect(page.GetByTestId("menu-sign-out")).ToBeVisibleAsync();
    }

    /// <summary>
    /// The page is no wider than the phone and nothing in it scrolls sideways; a failure names the element that reaches
    /// furthest right (outermost first) and every sideways-scrolling box, so the fix starts from the message.
    /// </summary>
    internal static async Task AssertFitsAsync(IPage page, string what)
    {
        Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync(), "The portal's error bar is showing on " + page.Url + ".\n" + ServerErrors.DescribeLatest());
        var problem = await page.EvaluateAsync<string?>(OverflowScript);
        Assert.True(problem is null, $"{what} does not fit a {page.ViewportSize?.Width} px wide phone ({page.Url}): {problem}");
    }

    private const string OverflowScript = """
        () => {
          const width = window.innerWidth;
          const describe = e => {
            const parts = [];
            for (let n = e; n && n !== document.body && parts.length < 4; n = n.parentElement) {
              let s = n.tagName.toLowerCase();
              const testId = n.getAttribute('data-testid');
              if (testId) s += `[data-testid="${testId}"]`;
              const classes = [...n.classList].slice(0, 3);
              if (classes.length) s += '.' + classes.join('.');
              parts.unshift(s);
            }
            const text = (e.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 60);
            return parts.join(' > ') + (text ? ` "${text}"` : '');
          };
          const insideScrollBox = e => {
            for (let n = e.parentElement; n && n !== document.body; n = n.parentElement) {
              if (getComputedStyle(n).overflowX !== 'visible') return true;
            }
            return false;
          };
          const problems = [];
          if (document.documentElement.scrollWidth > width + 1) {
            let widest = null, right = width + 1;
            for (const e of document.body.querySelectorAll('*')) {
              const box = e.getBoundingClientRect();
              if (box.width === 0 || box.right <= right || insideScrollBox(e)) continue;
              widest = e;
              right = box.right;
            }
            problems.push(`the page is ${document.documentElement.scrollWidth} px wide; furthest right: `
              + (widest ? `${describe(widest)} reaching ${Math.round(right)} px` : 'no single element'));
          }
          for (const e of document.body.querySelectorAll('*')) {
            const overflow = getComputedStyle(e).overflowX;
            if ((overflow === 'auto' || overflow === 'scroll') && !['TEXTAREA', 'INPUT'].includes(e.tagName) && e.scrollWidth > e.clientWidth + 1) {
              problems.push(`${describe(e)} scrolls sideways (${e.scrollWidth} px in ${e.clientWidth} px)`);
            }
          }
          return problems.length ? problems.join('; ') : null;
        }
        """;
}
