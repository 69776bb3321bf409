using System.Text.RegularExpressions;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Data;
using GrantPortal.Core.Organizations;
using GrantPortal.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>The demo's YOUTH call asks whether the organization is a registered non-profit before any draft starts.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EligibilityTests(BrowserFixture fixture)
{
    private const string OpenCall = "YOUTH";
    private const string QuestionKey = "nonprofit-registered";

    /// <summary>Answers every screening question of the page with its eligible "yes", then continues to the draft.</summary>
    internal static async Task PassScreeningAsync(IPage page)
    {
        await Expect(page.GetByTestId("eligibility-continue")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.GetByTestId($"screening-answer-{QuestionKey}-yes").ClickAsync();
        await page.GetByTestId("eligibility-continue").ClickAsync();
    }

    [Fact]
    public async Task Applicant_who_answers_no_reads_why_and_has_no_draft_then_answers_yes_and_gets_one()
    {
        var email = $"screening-{Guid.NewGuid():N}@example.org";
        var organizationId = await VerifiedApplicantAsync(email);
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, email, SignInTests.TestPassword);

        // From the home page (the dashboard), the open call's Apply leads to its question, not to a draft.
        var call = page.Locator($"[data-testid=dashboard-call][data-call-code={OpenCall}]");
        await call.GetByTestId("apply").ClickAsync();
        await Expect(page.GetByTestId("screening-question")).ToContainTextAsync("Is your organization registered as a non-profit civil organization (비영리민간단체)?");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);

        await page.GetByTestId($"screening-answer-{QuestionKey}-no").ClickAsync();
        await page.GetByTestId("eligibility-continue").ClickAsync();
        await Expect(page.GetByTestId("eligibility-reasons")).ToContainTextAsync("open only to organizations registered as non-profit civil organizations");
        Assert.DoesNotMatch(ApplicationUrl(), page.Url);

        await page.GetByTestId("nav-Nav_Applications").ClickAsync();
        await Expect(page.GetByTestId("applications-empty")).ToBeVisibleAsync();

        // Answered truthfully the other way, the same call starts the draft.
        await page.GetByTestId("nav-Nav_Calls").ClickAsync();
        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.Locator($"[data-testid=call-card][data-call-code={OpenCall}]").GetByTestId("apply").ClickAsync();
        await page.GetByTestId($"screening-answer-{QuestionKey}-yes").ClickAsync();
        await page.GetByTestId("eligibility-continue").ClickAsync();
        await page.WaitForURLAsync(ApplicationUrl());
        await page.Context.CloseAsync();

        await using var db = await DbAsync();
        Assert.Equal(1, await db.Applications.CountAsync(a => a.OrganizationId == organizationId));
        var callId = await db.Calls.Where(c => c.Code == OpenCall).OrderByDescending(c => c.ClosesAt).Select(c => c.Id).FirstAsync();
        Assert.True(await db.EligibilityScreenOuts.AnyAsync(s => s.CallId == callId && s.QuestionKey == QuestionKey));
    }

    [Fact]
    public async Task Officer_sees_how_many_were_screened_out_and_anyone_reads_the_question_on_the_call_page()
    {
        int year;
        await using (var db = await DbAsync())
        {
            var call = await db.Calls.Where(c => c.Code == OpenCall).OrderByDescending(c => c.ClosesAt).Select(c => new { c.Id, c.BudgetYear!.Year }).FirstAsync();
            year = call.Year;
            db.EligibilityScreenOuts.Add(new Core.Calls.EligibilityScreenOut { CallId = call.Id, QuestionKey = QuestionKey, At = SystemClock.Instance.GetCurrentInstant() });
            await db.SaveChangesAsync();
        }

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/");
        await SignInTests.WaitUntilInteractiveAsync(visitor);
        await visitor.GetByTestId("nav-public-calls").ClickAsync();
        await visitor.Locator($"[data-testid=call-card][data-call-code={OpenCall}]").GetByTestId("call-title").ClickAsync();
        await Expect(visitor.GetByTestId("call-screening-questions")).ToContainTextAsync("Is your organization registered as a non-profit civil organization");
        await Expect(visitor.GetByTestId("call-screening-questions")).ToContainTextAsync("Not eligible if the answer is: No");
        await visitor.Context.CloseAsync();

        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await OfficerNavigation.OpenCallEditorAsync(officer, OpenCall, year);
        var count = officer.GetByTestId("screen-out-counts").Locator($"[data-question-key={QuestionKey}]");
        await Expect(count).ToContainTextAsync(ScreenedOut());
        await Expect(officer.GetByTestId("screening-question")).ToHaveCountAsync(1);
        await officer.Context.CloseAsync();
    }

    private async Task<PortalDbContext> DbAsync() =>
        await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    /// <summary>A verified organization with one applicant account, and nothing begun in any call.</summary>
    private async Task<int> VerifiedApplicantAsync(string email)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var organization = Organization.Register("Screening Path Forum", "자격 확인 포럼", SignInTests.UniqueRegistrationNumber(), OrganizationType.Other, "Choi Screen", email, now);
        organization.Verify("browser-test", now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Choi Screen", PreferredLanguage = "en", OrganizationId = organization.Id, CreatedAt = now };
        Assert.True((await users.CreateAsync(user, SignInTests.TestPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
        return organization.Id;
    }

    [GeneratedRegex(@"/applications/\d+$")]
    private static partial Regex ApplicationUrl();

    /// <summary>The demo officer reads Korean.</summary>
    [GeneratedRegex(@"선별 탈락: [1-9]\d*건")]
    private static partial Regex ScreenedOut();
}
