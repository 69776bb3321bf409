using System.Text.RegularExpressions;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Data;
using GrantPortal.Core.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>The open YOUTH call caps personnel (인건비) at 30% of the project total and asks for 10% own contribution (자부담).</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BudgetRuleTests(BrowserFixture fixture)
{
    private const string Call = "YOUTH";

    [Fact]
    public async Task Applicant_over_the_personnel_cap_reads_the_amounts_adds_own_contribution_and_submits()
    {
        var email = $"budget-{Guid.NewGuid():N}@example.org";
        await VerifiedApplicantAsync(email);
        var page = await fixture.NewPageAsync("ko-KR");

        // The rules are on the call's card and page before anyone signs in.
        await page.GotoAsync("/");
        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("landing-calls").ClickAsync();
        var card = page.Locator($"[data-testid=call-card][data-call-code={Call}]");
        await Expect(card.GetByTestId("call-budget-caps")).ToContainTextAsync("인건비 총사업비의 30% 이하");
        await card.GetByTestId("call-title").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/calls/\d+$"));
        await Expect(page.GetByTestId("call-card")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("call-budget-caps")).ToContainTextAsync("인건비 총사업비의 30% 이하");
        await Expect(page.GetByTestId("call-own-contribution")).ToContainTextAsync("총사업비의 10% 이상");
        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("sign-in-to-apply").ClickAsync();
        await page.WaitForURLAsync(new Regex("/Account/Login"));
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", SignInTests.TestPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/calls/\d+$"));
        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("apply").ClickAsync();
        await EligibilityTests.PassScreeningAsync(page);
        await page.WaitForURLAsync(ApplicationUrl());
        await SignInTests.WaitUntilInteractiveAsync(page);

        await Field(page, "field-ProjectTitle").FillAsync("청년 기록 활동가 양성");
        await Field(page, "field-Summary").FillAsync("탈북 청년 20명이 증언 기록을 배웁니다.");
        await Field(page, "answer-objectives").FillAsync("증언 기록 역량을 갖춘 청년 활동가를 기릅니다.");
        await Field(page, "answer-activities").FillAsync("주말 워크숍 8회");
        await Field(page, "answer-beneficiaries").FillAsync("탈북 청년 20명");
        await page.GetByTestId("question-defector_participation").GetByText("아니요", new() { Exact = true }).ClickAsync();
        await Field(page, "answer-safety_plan").FillAsync("참가자 명단은 암호화해 보관하고 사진은 동의한 사람만 촬영하며, 행사장 위치는 참가가 확정된 사람에게만 알립니다.");
        var targets = page.Locator("[data-testid^=indicator-target-] input, input[data-testid^=indicator-target-]");
        for (var i = 0; i < await targets.CountAsync(); i++)
        {
            await targets.Nth(i).FillAsync("20");
        }

        var year = await CallYearAsync();
        await TypeDateAsync(page, "field-StartDate", $"{year}-03-02");
        await TypeDateAsync(page, "field-EndDate", $"{year}-11-30");
        await OfficerNavigation.ChooseFirstAsync(page, page.GetByTestId("field-Category"));

        // 인건비 2,700만 원 of 7,500만 원 is 36%; the own contribution (750만 원) meets its 10%.
        await AddLineAsync(page, 1, "활동가 인건비", "27000000", category: "인건비");
        await AddLineAsync(page, 2, "교육 운영비", "40500000");
        await AddLineAsync(page, 3, "단체 자부담", "7500000", own: true);
        await page.Locator("[data-testid=field-DeclarationAccepted] input, input[data-testid=field-DeclarationAccepted]").First.CheckAsync(new() { Force = true });
        await Expect(page.GetByTestId("summary-total")).ToContainTextAsync("7,500만 원");
        await Expect(page.GetByTestId("summary-cap-Personnel")).ToHaveAttributeAsync("data-over", "true");

        await page.GetByTestId("submit").ClickAsync();

        await Expect(page.GetByTestId("error-BudgetRules")).ToContainTextAsync("인건비 2,700만 원은 총사업비의 36%입니다. 이 공모는 30%(2,250만 원)까지 허용합니다.");

        // Another 1,500만 원 of the organization's own funds makes 인건비 exactly 30% of 9,000만 원.
        await AddLineAsync(page, 4, "회원 후원금", "15000000", own: true);
        await Expect(page.GetByTestId("summary-cap-Personnel")).ToHaveAttributeAsync("data-over", "false");
        await Expect(page.GetByTestId("summary-grant")).ToContainTextAsync("6,750만 원");
        await Expect(page.GetByTestId("summary-total")).ToContainTextAsync("9,000만 원");

        await page.GetByTestId("submit").ClickAsync();

        await Expect(page.GetByTestId("receipt")).ToContainTextAsync(new Regex($@"\d{{4}}-{Call}-\d{{4}}"), new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
    }

    private static async Task AddLineAsync(IPage page, int n, string item, string amount, string? category = null, bool own = false)
    {
        await page.GetByTestId("add-budget-line").ClickAsync();
        await Expect(page.GetByTestId("budget-line")).ToHaveCountAsync(n);
        if (category is not null)
        {
            await OfficerNavigation.ChooseAsync(page, page.GetByTestId($"budget-category-{n}"), category);
        }

        await Field(page, $"budget-item-{n}").FillAsync(item);
        await page.Locator($"input[data-testid=budget-amount-{n}]").PressSequentiallyAsync(amount);
        if (own)
        {
            await page.Locator($"[data-testid=budget-own-{n}] input, input[data-testid=budget-own-{n}]").First.CheckAsync(new() { Force = true });
        }
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]").First;

    private static async Task TypeDateAsync(IPage page, string testId, string date)
    {
        var input = page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;
        await input.FillAsync(date);
        await input.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
        await Expect(input).ToHaveValueAsync(date);
    }

    private async Task<int> CallYearAsync()
    {
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Calls.Where(c => c.Code == Call).OrderByDescending(c => c.ClosesAt).Select(c => c.BudgetYear!.Year).FirstAsync();
    }

    /// <summary>A verified organization with one Korean-speaking applicant, as the officer's verification leaves it.</summary>
    private async Task VerifiedApplicantAsync(string email)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var organization = Organization.Register("Budget Rules Forum", "예산 기준 포럼", SignInTests.UniqueRegistrationNumber(), OrganizationType.Other, "Han Budget", email, now);
        organization.Verify("browser-test", now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "한예산", PreferredLanguage = "ko", OrganizationId = organization.Id, CreatedAt = now };
        Assert.True((await users.CreateAsync(user, SignInTests.TestPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
    }

    [GeneratedRegex(@"/applications/\d+$")]
    private static partial Regex ApplicationUrl();
}
