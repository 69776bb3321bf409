using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Data;
using GrantPortal.Core.Demo;
using GrantPortal.Core.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReviewTests(BrowserFixture fixture)
{
    // The machine running these tests is shared; saving a review and ranking a call may take a few seconds there.
    private const float Slow = 20_000;

    /// <summary>
    /// Clicks as a person would who sees nothing happen: again, a few seconds later. On a starved shared machine a
    /// click can land while the circuit is still applying the previous render; submitting twice is safe by design.
    /// </summary>
    private async Task ClickUntilVisibleAsync(ILocator button, ILocator result)
    {
        for (var attempt = 1; attempt < 3; attempt++)
        {
            if (await button.IsVisibleAsync() && await button.IsEnabledAsync())
            {
                await button.ClickAsync();
            }

            try
            {
                await Expect(result).ToBeVisibleAsync(new() { Timeout = Slow / 2 });
                return;
            }
            catch (PlaywrightException)
            {
                // Not yet: look again, and click again if the button is still there.
            }
        }

        try
        {
            await Expect(result).ToBeVisibleAsync(new() { Timeout = Slow });
        }
        catch (PlaywrightException ex)
        {
            throw new PlaywrightException(ex.Message + "\n" + fixture.Server.Errors.Describe(), ex);
        }
    }

    /// <summary>
    /// A reviewer of its own, assigned to one demo application under review: declares no conflict, scores every
    /// criterion, submits; the officer then finds the review in the call's ranking and its explanation.
    /// </summary>
    [Fact]
    public async Task Reviewer_declares_no_conflict_scores_and_submits_and_the_officer_sees_the_ranking()
    {
        var name = $"Browser Reviewer {Guid.NewGuid():N}"[..25];
        var email = $"reviewer-{Guid.NewGuid():N}@reviewers.example";
        var (assignmentId, applicationId, callId) = await ReviewerWithAssignmentAsync(email, name);

        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, email, SignInTests.TestPassword);
        await page.GotoAsync("/reviews");
        await SignInTests.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("review-tasks")).ToBeVisibleAsync(new() { Timeout = Slow });
        await page.GetByTestId($"task-{assignmentId}").ClickAsync();
        await Expect(page.GetByTestId("declaration")).ToBeVisibleAsync(new() { Timeout = Slow });
        await page.GetByTestId("declare-no-conflict").ClickAsync();
        await Expect(page.GetByTestId("scoring-form")).ToBeVisibleAsync(new() { Timeout = Slow });

        var criteria = await page.Locator("[data-testid^=criterion-]").CountAsync();
        Assert.True(criteria > 0);
        for (var i = 0; i < criteria; i++)
        {
            await page.Locator($"[data-testid=score-{i}] input, input[data-testid=score-{i}]").FillAsync("4");
            await page.Locator($"[data-testid=comment-{i}] textarea, textarea[data-testid=comment-{i}]").FillAsync("Well argued and feasible.");
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Locator("[data-testid=overall-comment] textarea, textarea[data-testid=overall-comment]").FillAsync("A convincing proposal.");
        await page.Keyboard.PressAsync("Tab");
        await page.GetByTestId("recommendation").GetByText("Fund", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("save-state")).Not.ToBeEmptyAsync(new() { Timeout = Slow });
        await ClickUntilVisibleAsync(page.GetByTestId("submit-review"), page.GetByTestId("review-submitted"));
        await page.Context.CloseAsync();

        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GotoAsync($"/calls/{callId}/ranking");
        await SignInTests.WaitUntilInteractiveAsync(officer);
        await Expect(officer.GetByTestId("ranking-title")).ToBeVisibleAsync(new() { Timeout = Slow });
        var row = officer.GetByTestId($"rank-row-{applicationId}");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = Slow });
        await Expect(row.GetByTestId("raw-rank")).Not.ToHaveTextAsync("–", new() { Timeout = Slow });
        await Expect(row.GetByTestId("calibrated-rank")).Not.ToHaveTextAsync("–");
        await row.GetByTestId("explain").ClickAsync();
        var explanation = row.GetByTestId("explanation");
        await Expect(explanation).ToContainTextAsync(name, new() { Timeout = Slow });
        await Expect(explanation.Locator("tr", new() { HasText = name })).ToContainTextAsync("4.00", new() { Timeout = Slow });
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task Demo_reviewer_sees_the_assignments_under_review()
    {
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Reviewer1.Email, DemoAccounts.Password);

        await page.GotoAsync("/reviews");

        await Expect(page.GetByTestId("review-tasks")).ToBeVisibleAsync(new() { Timeout = Slow });
        Assert.True(await page.Locator("[data-testid^=task-]").CountAsync() >= 8);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("applicant1@demo.local")]
    [InlineData("finance1@demo.local")]
    public async Task Applicants_and_finance_staff_cannot_reach_reviews(string email)
    {
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, email, DemoAccounts.Password);

        await page.GotoAsync("/reviews");

        await page.WaitForURLAsync(url => url.Contains("/Account/AccessDenied", StringComparison.Ordinal));
        await Expect(page.GetByTestId("review-tasks")).Not.ToBeAttachedAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("reviews", "review-tasks")]
    [InlineData("ranking", "ranking-title")]
    [InlineData("assignments", "assignments-title")]
    public async Task Review_pages_have_no_serious_accessibility_violations(string screen, string testId)
    {
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var callId = await db.Applications.Where(a => a.Status == ApplicationStatus.UnderReview && a.Call!.FinalizedAt == null).Select(a => a.CallId).FirstAsync();
        var page = await fixture.NewPageAsync("ko-KR");
        var email = screen == "reviews" ? DemoAccounts.Reviewer1.Email : DemoAccounts.Officer.Email;
        await SignInTests.SignInAsync(page, email, DemoAccounts.Password);

        await page.GotoAsync(screen == "reviews" ? "/reviews" : $"/calls/{callId}/{screen}");
        await Expect(page.GetByTestId(testId)).ToBeVisibleAsync(new() { Timeout = Slow });

        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    private async Task<(int AssignmentId, int ApplicationId, int CallId)> ReviewerWithAssignmentAsync(string email, string name)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = name, PreferredLanguage = "en", CreatedAt = now };
        Assert.True((await users.CreateAsync(user, SignInTests.TestPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Reviewer)).Succeeded);

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var application = await db.Applications.Include(a => a.Call)
            .Where(a => a.Status == ApplicationStatus.UnderReview && a.Call!.FinalizedAt == null)
            .OrderBy(a => a.Id)
            .FirstAsync();
        var assignment = new ReviewAssignment
        {
            ApplicationId = application.Id,
            ReviewerId = user.Id,
            AssignedAt = now,
            DueOn = application.Call!.ReviewDueOn,
        };
        db.ReviewAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return (assignment.Id, application.Id, application.CallId);
    }
}
