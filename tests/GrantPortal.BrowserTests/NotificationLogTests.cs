using GrantPortal.Demo;
using MimeKit;
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
        await page.GetByTestId("nav-Nav_Admin").ClickAsync();
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

        // What the pass wrote is 7-bit mail that reads back as Korean or English, each item with a link to its page
        // (a change request waiting for the officer links to its award).
        var digests = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(fixture.Server.MailFolder, "*.eml"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(Array.TrueForAll(bytes, b => b < 128), Path.GetFileName(file) + " is not 7-bit.");
            var message = await MimeMessage.LoadAsync(new MemoryStream(bytes));
            if (message.Headers.Contains("Auto-Submitted"))
            {
                digests.Add(message);
            }
        }

        Assert.NotEmpty(digests);
        Assert.Contains(digests, d => d.Subject!.Contains("마감 알림", StringComparison.Ordinal) || d.Subject.Contains("승인을 기다리는 지급", StringComparison.Ordinal));
        Assert.All(digests, d => Assert.Matches(@"https?://\S+/(applications|reviews|reports|awards)/\d+|https?://\S+/finance", d.TextBody!));
        await page.Context.CloseAsync();
    }
}
