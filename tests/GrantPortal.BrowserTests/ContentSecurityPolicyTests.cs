using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using GrantPortal.Demo;
using GrantPortal.Web.Components.Layout;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>
/// The strict Content-Security-Policy (no inline script, no eval) holds on every page: each demo role clicks through its
/// menu, opens the first record of each list, and Chromium reports no violation, neither as an event nor in the console.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    public static TheoryData<string> EveryRole => new()
    {
        DemoAccounts.Applicant1.Email,
        DemoAccounts.Reviewer1.Email,
        DemoAccounts.Officer.Email,
        DemoAccounts.Finance1.Email,
        DemoAccounts.Administrator.Email,
    };

    [Fact]
    public async Task Pages_forbid_inline_script_eval_framing_and_foreign_connections()
    {
        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync("/Account/Login");

        var policy = Directives(response!.Headers["content-security-policy"]);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'self' data:", policy["img-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.Equal("'self'", policy["form-action"]);
        Assert.Equal("'self' 'unsafe-inline'", policy["style-src"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Public_pages_load_without_a_policy_violation()
    {
        var page = await fixture.NewPageAsync("ko-KR");
        var violations = await ViolationLog.ListenAsync(page);

        await page.GotoAsync("/Account/Login");
        await page.Locator("a[href*='Register']").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Register", StringComparison.Ordinal));
        await page.GoBackAsync();
        await page.Locator("a[href*='ForgotPassword']").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/ForgotPassword", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        violations.AssertNone("a visitor");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task Every_menu_page_of_a_demo_role_loads_without_a_policy_violation(string email)
    {
        var page = await fixture.NewPageAsync("ko-KR");
        var violations = await ViolationLog.ListenAsync(page);
        await SignInTests.SignInAsync(page, email, DemoAccounts.Password);

        var visited = 0;
        foreach (var entry in Navigation.Entries.Where(e => e.Href != "/"))
        {
            var link = page.GetByTestId("nav-" + entry.LabelKey);
            if (await link.CountAsync() == 0)
            {
                continue;
            }

            var previousHeading = await page.Locator("h1").First.InnerTextAsync();
            await link.ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Equals(entry.Href, StringComparison.OrdinalIgnoreCase));

            // Blazor changes the address first and the page a moment later (or loads it afresh): wait for the new page.
            await Expect(page.Locator("h1").First).Not.ToHaveTextAsync(previousHeading);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            visited++;
            if (entry.ForceLoad)
            {
                // A full page load (the profile, the jobs dashboard): back to the interactive portal for the next entry.
                await page.GoBackAsync();
                await SignInTests.WaitUntilInteractiveAsync(page);
                continue;
            }

            await OpenFirstRecordAsync(page);
        }

        Assert.True(visited >= 3, $"{email} found only {visited} menu entries.");
        violations.AssertNone(email);
        await page.Context.CloseAsync();
    }

    /// <summary>The detail pages (an application, an award, a report) hold the most MudBlazor components: open one per list.</summary>
    private static async Task OpenFirstRecordAsync(IPage page)
    {
        var hrefs = await page.Locator("main a[href]").EvaluateAllAsync<string[]>(
            "links => links.map(a => a.getAttribute('href')).filter(h => /^\\/?[a-z-]+\\/\\d+$/.test(h))");
        if (hrefs.Length == 0)
        {
            return;
        }

        var heading = await page.Locator("h1").First.InnerTextAsync();
        await page.Locator($"main a[href='{hrefs[0]}']").First.ClickAsync();
        await Expect(page.Locator("h1").First).Not.ToHaveTextAsync(heading);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GoBackAsync();
        await Expect(page.Locator("h1").First).ToHaveTextAsync(heading);
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.Ordinal);

    /// <summary>What Chromium reported: <c>securitypolicyviolation</c> events, from every page the tab loads, and console errors.</summary>
    private sealed partial class ViolationLog
    {
        private readonly ConcurrentQueue<string> entries = new();

        public static async Task<ViolationLog> ListenAsync(IPage page)
        {
            var log = new ViolationLog();
            await page.Context.ExposeFunctionAsync("reportPolicyViolation", (string violation) => log.entries.Enqueue(violation));
            await page.Context.AddInitScriptAsync(
                "document.addEventListener('securitypolicyviolation', e => window.reportPolicyViolation("
                + "`${location.pathname}: ${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`));");
            page.Console += (_, message) =>
            {
                if (PolicyMessage().IsMatch(message.Text))
                {
                    log.entries.Enqueue($"{page.Url}: {message.Text}");
                }
            };
            return log;
        }

        public void AssertNone(string who) =>
            Assert.True(entries.IsEmpty, $"Content-Security-Policy violations for {who}:{Environment.NewLine}{string.Join(Environment.NewLine, entries.Distinct())}");

        [GeneratedRegex("Content Security Policy|Content-Security-Policy", RegexOptions.IgnoreCase)]
        private static partial Regex PolicyMessage();
    }
}
