using GrantPortal.Testing;
using GrantPortal.Demo;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    /// <summary>
    /// The README's picture of the portal: the program officer's dashboard on the demo data.
    /// Written next to the test binaries on every run; copied into docs/images when GRANTPORTAL_UPDATE_SCREENSHOTS=1.
    /// </summary>
    [Fact]
    public async Task Officer_dashboard_is_captured_for_the_readme()
    {
        var page = await fixture.NewPageAsync("en-US");
        await SignInTests.SignInAsync(page, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await Expect(page.GetByTestId("dashboard-officer")).ToBeVisibleAsync();

        // The officer's profile says Korean; the README is read in English. The switch is remembered in the
        // profile, so the officer gets Korean back afterwards: other tests read the officer's pages in Korean.
        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("lang-en").ClickAsync();
        byte[] bytes;
        var path = Path.Combine(AppContext.BaseDirectory, "dashboard.png");
        try
        {
            await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
            await Expect(page.GetByTestId("stat-envelope")).Not.ToContainTextAsync("₩0");
            bytes = await page.ScreenshotAsync(new() { Path = path, FullPage = false });
        }
        finally
        {
            await SignInTests.WaitUntilInteractiveAsync(page);
            await page.GetByTestId("lang-ko").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("대시보드");
        }

        Assert.True(bytes.Length > 10_000, "The screenshot is suspiciously small; the page may not have rendered.");

        if (Environment.GetEnvironmentVariable("GRANTPORTAL_UPDATE_SCREENSHOTS") == "1")
        {
            var target = Path.Combine(Repository.Root, "docs", "images", "dashboard.png");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target, overwrite: true);
        }

        await page.Context.CloseAsync();
    }
}
