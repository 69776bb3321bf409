using System.Text.RegularExpressions;
using GrantPortal.Demo;
using GrantPortal.Core.Time;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CallTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Officer_creates_and_publishes_a_call_and_an_anonymous_visitor_finds_it_on_the_public_list()
    {
        var code = "B" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var title = "Browser test call " + code;
        var today = Seoul.Today(SystemClock.Instance);
        var closes = new LocalDate(today.Year, 12, 31).At(new LocalTime(23, 0));

        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GetByTestId("nav-Nav_ManageCalls").ClickAsync();
        await officer.GetByTestId("new-call").ClickAsync();
        await Expect(officer.GetByTestId("save-call")).ToBeVisibleAsync();

        await FillCallAsync(officer, code, title, "1,000,000");
        await officer.GetByTestId("save-call").ClickAsync();

        await Expect(officer.GetByTestId("publish-call")).ToBeVisibleAsync();
        await Expect(officer.Locator("h1")).ToContainTextAsync(code);
        await officer.GetByTestId("publish-call").ClickAsync();
        await officer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Publish|게시)$") }).ClickAsync();
        await Expect(officer.GetByTestId("call-published")).ToBeVisibleAsync();
        await officer.Context.CloseAsync();

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/calls");
        var card = visitor.Locator($"[data-testid=call-card][data-call-code={code}]");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.GetByTestId("call-title")).ToHaveTextAsync(title);
        await Expect(card.GetByTestId("call-deadline")).ToHaveTextAsync(Seoul.Format(Seoul.ToInstant(closes)));
        await Expect(card.GetByTestId("countdown")).ToContainTextAsync("left");

        await card.GetByTestId("call-title").ClickAsync();
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        await visitor.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("ko-KR")]
    public async Task Public_call_list_and_details_have_no_serious_accessibility_violations(string locale)
    {
        var page = await fixture.NewPageAsync(locale);
        await page.GotoAsync("/calls");
        await SignInTests.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("call-card").First).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);

        var firstCard = page.GetByTestId("call-card").First;
        var title = await firstCard.GetByTestId("call-title").InnerTextAsync();
        await firstCard.GetByTestId("call-title").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/calls/\d+$"));
        // The URL changes before the details render; the single h1 and the absence of cards mark the details page.
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("call-card")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("call-deadline")).ToContainTextAsync("KST");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("nav-Nav_ManageCalls", null, "manage-calls")]
    [InlineData("nav-Nav_ManageCalls", "new-call", "save-call")]
    [InlineData("nav-Nav_Organizations", null, "organization-filter")]
    public async Task Officer_pages_have_no_serious_accessibility_violations(string menu, string? button, string testId)
    {
        var page = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(page, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await page.GetByTestId(menu).ClickAsync();
        if (button is not null)
        {
            await page.GetByTestId(button).ClickAsync();
        }

        await Expect(page.GetByTestId(testId)).ToBeVisibleAsync();

        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Public_call_list_works_on_a_phone()
    {
        var page = await fixture.NewPageAsync("ko-KR", phone: true);
        await page.GotoAsync("/calls");
        await Expect(page.GetByTestId("call-card").First).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The call list scrolls sideways on a 390 px wide phone.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Envelope_beyond_the_year_is_refused_with_the_remaining_amount_and_a_double_click_saves_once()
    {
        var code = "D" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GetByTestId("nav-Nav_ManageCalls").ClickAsync();
        await officer.GetByTestId("new-call").ClickAsync();

        await FillCallAsync(officer, code, "Too big " + code, "900,000,000,000");
        await officer.GetByTestId("save-call").ClickAsync();
        await Expect(officer.GetByTestId("call-errors")).ToContainTextAsync(new Regex("remains for this call|배정할 수 있는 금액은"));

        await officer.GetByTestId("call-envelope").FillAsync("1,000,000");
        await officer.GetByTestId("save-call").DblClickAsync();
        await Expect(officer.GetByTestId("publish-call")).ToBeVisibleAsync();

        await officer.GetByTestId("nav-Nav_ManageCalls").ClickAsync();
        await Expect(officer.GetByTestId("edit-" + code)).ToHaveCountAsync(1);
        await officer.Context.CloseAsync();
    }

    internal static async Task FillCallAsync(IPage page, string code, string title, string envelope)
    {
        var today = Seoul.Today(SystemClock.Instance);
        await Expect(page.GetByTestId("save-call")).ToBeVisibleAsync();
        await page.GetByTestId("call-code").FillAsync(code);
        await page.GetByTestId("call-title-ko").FillAsync("브라우저 시험 공모 " + code);
        await page.GetByTestId("call-title-en").FillAsync(title);
        await page.GetByTestId("call-description-en").FillAsync("Created by the browser test.");
        await page.GetByTestId("call-opens").FillAsync($"{today:yyyy-MM-dd}T00:00");
        await page.GetByTestId("call-closes").FillAsync($"{today.Year}-12-31T23:00");
        await page.GetByTestId("call-review-due").FillAsync($"{today.Year + 1}-01-15");
        await page.GetByTestId("call-envelope").FillAsync(envelope);
        await page.GetByTestId("call-minimum").FillAsync("100,000");
        await page.GetByTestId("call-maximum").FillAsync("500,000");
    }
}
