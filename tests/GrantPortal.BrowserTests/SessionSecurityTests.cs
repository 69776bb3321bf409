using System.Text.RegularExpressions;
using GrantPortal.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>
/// Sessions end only when their owner means it, and end everywhere when they should: sign-out needs the form's
/// antiforgery token; a role change or "sign out everywhere" ends every open session within the revalidation interval
/// (two seconds on these tests' own portal, one minute by default).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionSecurityTests(BrowserFixture fixture)
{
    private static readonly Dictionary<string, string> ShortRevalidation = new() { ["Security:RevalidationInterval"] = "00:00:02" };

    [Fact]
    public async Task Sign_out_from_another_site_without_the_token_leaves_the_person_signed_in()
    {
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Applicant2.Email, DemoAccounts.Password);

        var forged = await page.Context.APIRequest.PostAsync("/Account/Logout", new()
        {
            Form = page.Context.APIRequest.CreateFormData(),
            Headers = new Dictionary<string, string> { ["Origin"] = "https://attacker.example" },
            MaxRedirects = 0,
        });
        var link = await page.Context.APIRequest.GetAsync("/Account/Logout", new() { MaxRedirects = 0 });

        Assert.Equal(400, forged.Status);
        Assert.NotEqual(302, link.Status);
        Assert.Equal(200, (await page.Context.APIRequest.GetAsync("/Account/Profile", new() { MaxRedirects = 0 })).Status);

        // The portal's own button carries the token and does sign out.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        Assert.Equal(302, (await page.Context.APIRequest.GetAsync("/Account/Profile", new() { MaxRedirects = 0 })).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_persons_other_open_sessions()
    {
        await using var server = new PortalServer(settings: ShortRevalidation);
        await server.StartAsync();
        var laptop = await fixture.NewPageAsync(baseAddress: server.BaseAddress);
        await SignInTests.SignInAsync(laptop, DemoAccounts.Applicant2.Email, DemoAccounts.Password);
        await laptop.GetByTestId("nav-Nav_Applications").ClickAsync();
        await laptop.WaitForURLAsync("**/applications");
        var phone = await fixture.NewPageAsync(baseAddress: server.BaseAddress, phone: true);
        await SignInTests.SignInAsync(phone, DemoAccounts.Applicant2.Email, DemoAccounts.Password);

        await OpenProfileAsync(phone);
        await phone.GetByTestId("sign-out-everywhere").ClickAsync();

        await phone.WaitForURLAsync("**/Account/Login");
        await AssertSessionEndedAsync(laptop);
        await laptop.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task A_role_change_ends_the_open_session_of_the_person_whose_roles_changed()
    {
        await using var server = new PortalServer(settings: ShortRevalidation);
        await server.StartAsync();
        var finance = await fixture.NewPageAsync(baseAddress: server.BaseAddress);
        await SignInTests.SignInAsync(finance, DemoAccounts.Finance2.Email, DemoAccounts.Password);
        await finance.GetByTestId("nav-Finance_Nav").ClickAsync();
        await finance.WaitForURLAsync("**/finance");

        var admin = await fixture.NewPageAsync(baseAddress: server.BaseAddress);
        await SignInTests.SignInAsync(admin, DemoAccounts.Administrator.Email, DemoAccounts.Password);
        await admin.GetByTestId("nav-Nav_Admin").ClickAsync();
        await admin.GetByTestId($"staff-roles-{DemoAccounts.Finance2.Email}").ClickAsync();
        await admin.GetByTestId("staff-role-Reviewer").ClickAsync();
        await admin.GetByTestId("staff-role-Finance").ClickAsync();
        await admin.GetByTestId("staff-save").ClickAsync();
        await Expect(admin.GetByTestId("staff-save")).Not.ToBeVisibleAsync();

        await AssertSessionEndedAsync(finance);
        await admin.Context.CloseAsync();
        await finance.Context.CloseAsync();
    }

    private static async Task OpenProfileAsync(IPage page)
    {
        var profile = page.GetByTestId("nav-Nav_Profile");
        if ((page.ViewportSize?.Width ?? 1280) < 960)
        {
            // On a phone the menu folds itself away once the page is interactive; wait for that, then open it by its button.
            var drawer = page.Locator(".mud-drawer").First;
            await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
            await page.Locator("header button").First.ClickAsync();
            await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
        }

        await profile.ClickAsync();
        await page.WaitForURLAsync("**/Account/Profile");
    }

    /// <summary>The open page is taken to sign-in, and the sign-in cookie it holds no longer opens anything.</summary>
    private static async Task AssertSessionEndedAsync(IPage page)
    {
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 15_000 });
        var profile = await page.Context.APIRequest.GetAsync("/Account/Profile", new() { MaxRedirects = 0 });
        Assert.Equal(302, profile.Status);
        Assert.Contains("/Account/Login", profile.Headers["location"], StringComparison.Ordinal);
    }
}
