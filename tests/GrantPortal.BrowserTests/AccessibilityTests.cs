using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GrantPortal.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>KWCAG 2.2 / WCAG 2.1 AA: an automated axe-core audit of the main pages finds no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/Account/Login", "en-US")]
    [InlineData("/Account/Login", "ko-KR")]
    [InlineData("/Account/Register", "ko-KR")]
    [InlineData("/Account/SetPassword?user=someone&code=expired", "ko-KR")]
    [InlineData("/Account/ForgotPassword", "ko-KR")]
    [InlineData("/", "en-US")]
    public async Task Public_pages_have_no_serious_accessibility_violations(string path, string locale)
    {
        var page = await fixture.NewPageAsync(locale);
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_works_on_a_phone()
    {
        var page = await fixture.NewPageAsync("ko-KR", phone: true);
        await SignInTests.SignInAsync(page, DemoAccounts.Applicant1.Email, DemoAccounts.Password);

        await Expect(page.GetByTestId("dashboard-applicant")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The dashboard scrolls sideways on a 390 px wide phone.");
        await page.Context.CloseAsync();
    }

    internal static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var serious = await SeriousViolationsAsync(page);
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }

    /// <summary>
    /// The serious and critical findings of axe-core (the script bundled in Deque.AxeCore.Playwright) on the page as it is
    /// shown, against the WCAG 2.0/2.1 A and AA rules; one line each: rule, impact, help and the elements' selectors.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        // The error bar means a component threw: say so with what the server logged, not as a contrast or label finding.
        if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
        {
            return ["The portal's error bar is showing.\n" + ServerErrors.DescribeLatest()];
        }

        // A snackbar or popover still fading in or out has a computed contrast below its real one: check them shown.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.mud-snackbar, .mud-popover-open, .mud-dialog')].every(e => getComputedStyle(e).opacity === '1')",
            null,
            new() { Timeout = 10_000 });
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();
    }
}
