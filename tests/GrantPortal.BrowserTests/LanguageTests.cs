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
        await page.FillAsync("#reg-org-ko", "말과 글 연구소");
        await page.FillAsync("#reg-org-en", "Words and Letters Institute");
        await page.FillAsync("#reg-number", "5550001112");
        await page.FillAsync("#reg-contact", "Lee Jiwoo");
        await page.FillAsync("#reg-email", email);
        await page.FillAsync("#reg-password", "correct horse battery staple");
        await page.FillAsync("#reg-confirm", "correct horse battery staple");
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await SignInTests.WaitUntilInteractiveAsync(page);

        await page.GetByTestId("lang-ko").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("대시보드");
        await page.Context.CloseAsync();

        // A new browser that asks for English still gets the Korean the person chose.
        var later = await fixture.NewPageAsync("en-US");
        await SignInTests.SignInAsync(later, email, "correct horse battery staple");
        await Expect(later.Locator("h1")).ToHaveTextAsync("대시보드");
        await later.Context.CloseAsync();
    }
}
