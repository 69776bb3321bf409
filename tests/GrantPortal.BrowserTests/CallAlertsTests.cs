using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CallAlertsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Applicant_follows_a_category_from_my_organization_and_it_is_kept_after_reload()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Register");
        await SignInTests.RegisterAsync(page, $"alerts-{Guid.NewGuid():N}@example.org", SignInTests.UniqueRegistrationNumber());
        await Expect(page.GetByTestId("registered-notice")).ToBeVisibleAsync();
        await SignInTests.WaitUntilInteractiveAsync(page);

        await page.GetByTestId("nav-Nav_MyOrganization").ClickAsync();
        await Expect(page.GetByTestId("call-alerts-state")).ToHaveTextAsync("Your organization follows no category, so it gets no call alerts.");
        await page.Locator("input[data-testid=follow-CultureAndArts]").CheckAsync(new() { Force = true });
        await page.GetByTestId("save-call-alerts").ClickAsync();
        await Expect(page.GetByTestId("call-alerts-message")).ToHaveTextAsync("Call alerts saved: your organization follows Culture and arts.");

        await page.ReloadAsync();
        await SignInTests.WaitUntilInteractiveAsync(page);

        await Expect(page.GetByTestId("call-alerts-state")).ToHaveTextAsync("Following: Culture and arts");
        await Expect(page.Locator("input[data-testid=follow-CultureAndArts]")).ToBeCheckedAsync();
        await Expect(page.Locator("input[data-testid=follow-CapacityBuilding]")).Not.ToBeCheckedAsync();

        await page.GetByTestId("stop-call-alerts").ClickAsync();
        await Expect(page.GetByTestId("call-alerts-message")).ToHaveTextAsync("Call alerts are off: your organization follows no category.");
        await Expect(page.Locator("input[data-testid=follow-CultureAndArts]")).Not.ToBeCheckedAsync();
        await page.Context.CloseAsync();
    }
}
