using System.Text.RegularExpressions;
using GrantPortal.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>An officer keeps the intake's filters as a named view and opens it again from the side menu.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SavedViewTests(BrowserFixture fixture)
{
    private const float Slow = 20_000;

    // The demo officer reads Korean (their profile's language), so the pages speak Korean to them.

    [Fact]
    public async Task Officer_saves_the_intake_filters_as_a_view_and_opens_it_from_the_menu()
    {
        var name = "Submitted " + Guid.NewGuid().ToString("N")[..8];
        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GetByTestId("nav-Nav_Applications").ClickAsync();
        await Expect(officer.GetByTestId("intake")).ToBeVisibleAsync(new() { Timeout = Slow });

        // The address follows the filter, so what is saved is what is shown.
        await officer.GetByTestId("count-Submitted").ClickAsync();
        await Expect(officer).ToHaveURLAsync(StatusSubmitted(), new() { Timeout = Slow });
        await Expect(officer.GetByTestId("count-Submitted")).ToHaveClassAsync(new Regex("mud-chip-color-primary"));

        await officer.GetByTestId("save-view").ClickAsync();
        await officer.Locator("input[data-testid=view-name]").FillAsync(name);
        await officer.GetByTestId("view-save").ClickAsync();
        await Expect(officer.GetByTestId("saved-view-message")).ToContainTextAsync(name, new() { Timeout = Slow });
        var menuLink = officer.GetByTestId("nav-view-intake").Filter(new() { HasText = name });
        await Expect(menuLink).ToHaveCountAsync(1, new() { Timeout = Slow });

        await officer.GetByTestId("nav-Nav_Dashboard").ClickAsync();
        await Expect(officer.GetByTestId("intake")).ToHaveCountAsync(0, new() { Timeout = Slow });
        await menuLink.ClickAsync();
        await Expect(officer.GetByTestId("intake")).ToBeVisibleAsync(new() { Timeout = Slow });
        await Expect(officer).ToHaveURLAsync(StatusSubmitted());
        await Expect(officer.GetByTestId("count-Submitted")).ToHaveClassAsync(new Regex("mud-chip-color-primary"), new() { Timeout = Slow });

        // Deleting asks first, then the view leaves the page and the menu.
        await officer.GetByTestId("saved-view").Filter(new() { HasText = name }).GetByTestId("delete-view").ClickAsync();
        await officer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "삭제", Exact = true }).ClickAsync();
        await Expect(officer.GetByTestId("saved-view-message")).ToContainTextAsync(name, new() { Timeout = Slow });
        await Expect(menuLink).ToHaveCountAsync(0, new() { Timeout = Slow });
        await Expect(officer.GetByTestId("saved-view").Filter(new() { HasText = name })).ToHaveCountAsync(0);
        await officer.Context.CloseAsync();
    }

    [GeneratedRegex(@"/applications\?(.*&)?status=Submitted")]
    private static partial Regex StatusSubmitted();
}
