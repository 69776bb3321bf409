using GrantPortal.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>
/// The public pages a visitor reads before signing in (home, the calls, a call) are static server-side pages: no
/// circuit, no WebSocket, nothing held on the server per visitor. Signed in, the same home page is the interactive dashboard.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_visitor_reads_the_home_page_and_the_calls_without_opening_a_circuit()
    {
        var page = await fixture.NewPageAsync("en-US");
        var circuits = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                circuits.Add(request.Url);
            }
        };
        page.WebSocket += (_, socket) => circuits.Add(socket.Url);

        await page.GotoAsync("/");
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "static");
        await page.GetByTestId("landing-calls").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Calls for proposals");
        await page.Locator("[data-testid=call-card][data-call-code=YOUTH]").GetByTestId("call-title").ClickAsync();
        await Expect(page.Locator("h1[data-testid=call-title]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sign-in-to-apply")).ToBeVisibleAsync();

        // The language switch is a plain link on a static page.
        await page.GetByTestId("lang-ko").ClickAsync();
        await Expect(page.GetByTestId("sign-in-to-apply")).ToHaveTextAsync("로그인하고 신청하기");
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "static");
        Assert.Empty(circuits);

        // Signed in, the home page is the interactive dashboard.
        await page.GetByTestId("sign-in-to-apply").ClickAsync();
        await page.FillAsync("#login-email", DemoAccounts.Applicant1.Email);
        await page.FillAsync("#login-password", DemoAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 20_000 });
        Assert.NotEmpty(circuits);
        await page.Context.CloseAsync();
    }
}
