using System.Text.Json;
using GrantPortal.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>
/// Anyone can see where the money went, without signing in: per budget year and COI recommendation, on a static
/// page that holds no circuit, in Korean and English, with the open-data feeds one click away.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicAccountabilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_visitor_reads_2023_from_the_home_page_in_english_and_korean_and_follows_the_feed()
    {
        var page = await fixture.NewPageAsync("en-US");
        var circuits = new List<string>();
        page.WebSocket += (_, socket) => circuits.Add(socket.Url);

        await page.GotoAsync("/");
        await page.GetByTestId("landing-accountability").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Public accountability");
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "static");

        await page.GetByTestId("accountability-year-2023").ClickAsync();
        await Expect(page.GetByTestId("accountability-year-2023")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByTestId("awarded-1224")).ToHaveTextAsync("₩2,000,000,000");
        await Expect(page.GetByTestId("organizations-1224")).ToHaveTextAsync("18");
        await Expect(page.GetByTestId("projects-1224")).ToHaveTextAsync("29");
        await Expect(page.GetByTestId("year-allocated")).ToHaveTextAsync("₩2,000,000,000");
        await Expect(page.GetByTestId("accountability-results")).ToContainTextAsync("Participants");
        await Expect(page.GetByTestId("by-year-2024")).ToContainTextAsync("₩1,800,000,000");

        // The chart is drawn on the server: its bars are there on a page with no script of its own.
        var bar = page.Locator("[data-testid=funding-chart] rect[data-year='2023'][data-series='awarded']");
        await Expect(bar).ToBeVisibleAsync();
        Assert.True((await bar.BoundingBoxAsync())!.Height > 10, "The 2023 awarded bar has no height.");

        await page.GetByTestId("lang-ko").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("지원 실적 공개");
        await Expect(page.GetByTestId("awarded-1224")).ToHaveTextAsync("20억 원");
        await Expect(page.GetByTestId("accountability-recommendations").Locator("thead")).ToContainTextAsync("권고 번호");
        await Expect(page.GetByTestId("accountability-recommendations").Locator("caption")).ToContainTextAsync("2023년 COI 권고별");
        await Expect(page.GetByTestId("accountability-results")).ToContainTextAsync("참여자 수");
        await Expect(page.GetByTestId("feed-recommendations")).ToHaveTextAsync("권고별 지원 금액 (JSON)");

        var feed = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("feed-recommendations").ClickAsync(),
            response => response.Url.Contains("/open-data/recommendations.json?year=2023", StringComparison.Ordinal));
        Assert.Equal(200, feed.Status);
        using var json = JsonDocument.Parse(await feed.BodyAsync());
        var civilSociety = json.RootElement.GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "1224");
        Assert.Equal(2_000_000_000L, civilSociety.GetProperty("amountAwarded").GetInt64());
        Assert.Equal(18, civilSociety.GetProperty("organizations").GetInt32());
        Assert.Equal(29, civilSociety.GetProperty("projects").GetInt32());
        Assert.Empty(circuits);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_signed_in_applicant_opens_the_accountability_page_from_the_menu_and_changes_the_year()
    {
        // The demo applicant's profile says Korean.
        var page = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(page, DemoAccounts.Applicant1.Email, DemoAccounts.Password);

        await page.GetByTestId("nav-PublicAccountability_Nav").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("지원 실적 공개");
        await page.GetByTestId("accountability-year-2023").ClickAsync();
        await Expect(page.GetByTestId("projects-1224")).ToHaveTextAsync("29");
        await page.GetByTestId("accountability-year-2024").ClickAsync();
        await Expect(page.GetByTestId("accountability-year-2024")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByTestId("year-allocated")).ToHaveTextAsync("18억 원");
        await Expect(page.GetByTestId("feed-360giving-csv")).ToHaveAttributeAsync("href", "/open-data/360giving.csv?year=2024");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("ko-KR")]
    public async Task Accountability_page_has_no_serious_accessibility_violations(string locale)
    {
        var page = await fixture.NewPageAsync(locale);
        await page.GotoAsync("/");
        await page.GetByTestId("landing-accountability").ClickAsync();
        await Expect(page.GetByTestId("funding-chart")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
