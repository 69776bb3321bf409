using GrantPortal.Core.Data;
using GrantPortal.Demo;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class BudgetYearTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Officer_opens_next_years_budget_after_a_refused_negative_envelope_and_a_double_click_opens_it_once()
    {
        // The last year the portal accepts, so no demo data or other test has it.
        var year = Seoul.Today(SystemClock.Instance).Year + 5;
        var officer = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GetByTestId("nav-Nav_ManageCalls").ClickAsync();
        await Expect(officer.GetByTestId("year-select")).ToBeVisibleAsync();

        await officer.GetByTestId("new-budget-year").ClickAsync();
        var yearField = Input(officer, "budget-year");
        await Expect(yearField).ToBeVisibleAsync();
        await yearField.FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Input(officer, "budget-envelope").FillAsync("-1,900,000,000");
        await officer.GetByTestId("budget-year-save").ClickAsync();
        await Expect(officer.Locator(".mud-dialog")).ToContainTextAsync("연간 예산 총액을 0원보다 큰 금액으로 입력하세요.");

        await Input(officer, "budget-envelope").FillAsync("1,900,000,000");
        await Expect(officer.Locator(".mud-dialog")).Not.ToContainTextAsync("0원보다 큰");
        await officer.GetByTestId("budget-year-save").DblClickAsync();

        await Expect(officer.GetByTestId("budget-year-message")).ToHaveTextAsync($"{year}년 예산 연도를 19억 원으로 열었습니다.");
        await Expect(officer.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(officer.GetByTestId("year-envelope")).ToContainTextAsync("19억 원");
        await Expect(officer.GetByTestId("year-remaining")).ToContainTextAsync("19억 원");
        await officer.Context.CloseAsync();

        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.BudgetYears.CountAsync(y => y.Year == year));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "budget-year.opened"));
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;
}
