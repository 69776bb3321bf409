using GrantPortal.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class NotificationLogTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Administrator_sends_reminders_now_and_reads_them_in_the_log()
    {
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Administrator.Email, DemoAccounts.Password);
        await page.GotoAsync("/admin");
        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("admin-notifications").ClickAsync();
        // Blazor changes the URL before it renders: wait for the log itself.
        await Expect(page.GetByTestId("notifications-title")).ToBeVisibleAsync();
        await SignInTests.WaitUntilInteractiveAsync(page);

        await page.GetByTestId("send-reminders-now").ClickAsync();

        // The pass runs as a Hangfire job; the demo data has something due under every rule.
        var rows = page.GetByTestId("notification-recipient");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await rows.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No reminder appeared in the log within 90 s.");
            await page.WaitForTimeoutAsync(1000);
            await page.GetByTestId("notifications-refresh").ClickAsync();
        }

        // Search by whoever got the first reminder: other tests change the demo data, so no fixed person is certain.
        var recipient = (await rows.First.TextContentAsync())!.Trim();
        // MudTextField puts the test id on the input itself.
        var search = page.Locator("input[data-testid=notifications-search]");
        await search.FillAsync(recipient);
        await search.PressAsync("Enter");
        await Expect(page.GetByTestId("notification-status").First).ToHaveAttributeAsync("data-status", "Sent");
        var deadlineSearch = DateTime.UtcNow.AddSeconds(30);
        while ((await rows.AllTextContentsAsync()).Any(t => t.Trim() != recipient))
        {
            Assert.True(DateTime.UtcNow < deadlineSearch, "The search did not narrow the log to " + recipient);
            await page.WaitForTimeoutAsync(500);
        }

        await page.Context.CloseAsync();
    }
}
