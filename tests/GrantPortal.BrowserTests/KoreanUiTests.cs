using GrantPortal.Demo;
using GrantPortal.Web.Components.Layout;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>The Korean UI has no English in it: each demo role, signed in from a Korean browser, clicks through its menu.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KoreanUiTests(BrowserFixture fixture)
{
    /// <summary>Hangfire's job dashboard is a third-party page in English only; it is linked, not part of the portal's UI.</summary>
    private static readonly HashSet<string> NotOurPages = ["/hangfire"];

    /// <summary>The demo accounts whose profile says Korean, one per role (the others' profiles say English).</summary>
    public static TheoryData<string> KoreanDemoAccounts => new()
    {
        DemoAccounts.Applicant1.Email,
        DemoAccounts.Reviewer1.Email,
        DemoAccounts.Officer.Email,
        DemoAccounts.Finance1.Email,
        DemoAccounts.Administrator.Email,
    };

    [Theory]
    [MemberData(nameof(KoreanDemoAccounts))]
    public async Task Every_menu_page_of_a_demo_role_reads_in_korean_only(string email)
    {
        var korean = await KoreanText.FromDatabaseAsync(fixture.Server.Services);
        var page = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(page, email, DemoAccounts.Password);
        await Expect(page.Locator("h1")).ToHaveTextAsync("대시보드");
        var findings = new List<string>();
        await ReadAsync(page, korean, "/", findings);
        await ReadDropDownAsync(page, korean, "/", findings);

        var visited = 0;
        foreach (var entry in Navigation.Entries.Where(e => e.Href != "/" && !NotOurPages.Contains(e.Href)))
        {
            var link = page.GetByTestId("nav-" + entry.LabelKey);
            if (await link.CountAsync() == 0)
            {
                continue;
            }

            var previousHeading = await page.Locator("h1").First.InnerTextAsync();
            await link.ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Equals(entry.Href, StringComparison.OrdinalIgnoreCase));

            // Blazor changes the address first and the page a moment later: read only once the new page is there.
            await Expect(page.Locator("h1").First).Not.ToHaveTextAsync(previousHeading);
            visited++;
            await ReadAsync(page, korean, entry.Href, findings);
            if (entry.ForceLoad)
            {
                // A full page load (the static profile page): come back to the interactive portal for the next entry.
                await page.GoBackAsync();
                await SignInTests.WaitUntilInteractiveAsync(page);
                continue;
            }

            await ReadFirstRecordAsync(page, korean, entry.Href, findings);
            await ReadDropDownAsync(page, korean, entry.Href, findings);
        }

        Assert.True(visited >= 3, $"{email} found only {visited} menu entries.");
        Assert.True(findings.Count == 0, $"English in the Korean UI for {email}:{Environment.NewLine}{string.Join(Environment.NewLine, findings.Distinct())}");
        await page.Context.CloseAsync();
    }

    /// <summary>Opens the first record the list links to (an application, award, report, review), reads it and comes back.</summary>
    private static async Task ReadFirstRecordAsync(IPage page, KoreanText korean, string list, List<string> findings)
    {
        var links = await page.Locator("main a[href]").EvaluateAllAsync<string[]>(
            "links => links.map(a => a.getAttribute('href')).filter(h => /^\\/?[a-z-]+\\/\\d+$/.test(h))");
        if (links.Length == 0)
        {
            return;
        }

        var heading = await page.Locator("h1").First.InnerTextAsync();
        await page.Locator($"main a[href='{links[0]}']").First.ClickAsync();
        await Expect(page.Locator("h1").First).Not.ToHaveTextAsync(heading);
        await ReadAsync(page, korean, $"{list} → {links[0]}", findings);
        await page.GoBackAsync();
        await Expect(page.Locator("h1").First).ToHaveTextAsync(heading);
    }

    private static async Task ReadAsync(IPage page, KoreanText korean, string where, List<string> findings)
    {
        await SettleAsync(page);
        findings.AddRange((await korean.FindEnglishAsync(page)).Select(f => $"{where}: {f}"));
    }

    /// <summary>Reads the page again with its first drop-down open, so MudBlazor's popovers are read too.</summary>
    private static async Task ReadDropDownAsync(IPage page, KoreanText korean, string where, List<string> findings)
    {
        var select = page.Locator("main .mud-select:not(.mud-disabled) .mud-input-slot").First;
        if (await select.CountAsync() > 0 && await select.IsVisibleAsync())
        {
            await select.ClickAsync();
            var popover = page.Locator(".mud-popover-open");
            await Expect(popover.First).ToBeVisibleAsync();

            findings.AddRange((await korean.FindEnglishAsync(page)).Select(f => $"{where} (drop-down open): {f}"));

            // Closed without choosing, and gone from where it stood before anything else is clicked.
            await page.Keyboard.PressAsync("Escape");
            await Expect(popover).ToHaveCountAsync(0);
            await page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('.mud-popover-provider .mud-popover')].every(p => p.getBoundingClientRect().bottom <= 0)",
                null,
                new() { Timeout = 5_000 });
        }
    }

    /// <summary>Interactive, headed, and done loading: no progress indicator or "loading" text left in the page.</summary>
    private static async Task SettleAsync(IPage page)
    {
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        if (await page.Locator("[data-interactive]").CountAsync() > 0)
        {
            await SignInTests.WaitUntilInteractiveAsync(page);
        }

        await Expect(page.Locator("main .mud-progress-indeterminate, main .mud-table-loading")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Expect(page.Locator("main")).Not.ToContainTextAsync("불러오는 중", new() { Timeout = 20_000 });
    }
}
