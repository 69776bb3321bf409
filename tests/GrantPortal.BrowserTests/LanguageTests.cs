using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Language_chosen_with_the_switch_is_remembered_in_the_profile_across_sign_ins()
    {
        var email = $"switch-{Guid.NewGuid():N}@example.org";
        var page = await fixture.NewPageAsync("en-US");
        await page.GotoAsync("/Account/Register");
        await SignInTests.RegisterAsync(page, email, SignInTests.UniqueRegistrationNumber());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await SignInTests.WaitUntilInteractiveAsync(page);

        await page.GetByTestId("lang-ko").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("대시보드");
        await page.Context.CloseAsync();

        // A new browser that asks for English still gets the Korean the person chose.
        var later = await fixture.NewPageAsync("en-US");
        await SignInTests.SignInAsync(later, email, SignInTests.TestPassword);
        await Expect(later.Locator("h1")).ToHaveTextAsync("대시보드");
        await later.Context.CloseAsync();
    }
}
