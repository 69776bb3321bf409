using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>The ways a person moves through the officer's screens: the menu, then the buttons each screen offers.</summary>
internal static class OfficerNavigation
{
    private const float Slow = 20_000;

    /// <summary>Menu "Manage calls", the call's budget year, then the call's "Edit" button.</summary>
    public static async Task OpenCallEditorAsync(IPage page, string code, int year)
    {
        await page.GetByTestId("nav-Nav_ManageCalls").ClickAsync();
        await Expect(page.GetByTestId("year-select")).ToBeVisibleAsync(new() { Timeout = Slow });
        await ChooseAsync(page, page.GetByTestId("year-select"), year.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("edit-" + code).ClickAsync(new() { Timeout = Slow });
        await Expect(page.GetByTestId("save-call")).ToBeVisibleAsync(new() { Timeout = Slow });
    }

    /// <summary>From the call's editor to its ranking, or to its reviewer assignment.</summary>
    public static async Task OpenCallReviewPageAsync(IPage page, string code, int year, string screen)
    {
        await OpenCallEditorAsync(page, code, year);
        await page.GetByTestId("call-" + screen).ClickAsync();
        await Expect(page.GetByTestId(screen + "-title")).ToBeVisibleAsync(new() { Timeout = Slow });
    }

    /// <summary>Opens a MudSelect and clicks the option whose text is <paramref name="option"/> (or starts with it).</summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(option)) }).First;
        await item.ClickAsync(new() { Timeout = Slow });
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0, new() { Timeout = Slow });
    }

    /// <summary>Opens a MudSelect and clicks its first option; returns the option's text.</summary>
    public static async Task<string> ChooseFirstAsync(IPage page, ILocator select)
    {
        await select.ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").First;
        var text = (await item.InnerTextAsync(new() { Timeout = Slow })).Trim();
        await item.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0, new() { Timeout = Slow });
        return text;
    }
}
