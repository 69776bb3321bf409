using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
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
    /// A reviewer of its own, assigned to one demo application under review (a blind call, with a file the test
    /// attaches): reaches it from the dashboard, declares no conflict, sees the budget, period, category and file,
    /// downloads the file under a neutral name, types a score outside the scale and is told the range, scores every
    /// criterion, confirms the submission; the officer then finds the review in the call's ranking, reached from
    /// "Manage calls".
    /// </summary>
    [Fact]
    public async Task Reviewer_declares_no_conflict_scores_and_submits_and_the_officer_sees_the_ranking()
    {
        var name = $"Browser Reviewer {Guid.NewGuid():N}"[..25];
        var email = $"reviewer-{Guid.NewGuid():N}@reviewers.example";
        var (assignmentId, applicationId, callId) = await ReviewerWithAssignmentAsync(fixture, email, name);
        var attachmentId = await AttachAsync(applicationId);

        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, email, SignInTests.TestPassword);
        await page.GetByTestId("dashboard-open-reviews").ClickAsync();
        await Expect(page.GetByTestId("review-tasks")).ToBeVisibleAsync(new() { Timeout = Slow });
        await page.GetByTestId($"task-{assignmentId}").ClickAsync();
        await Expect(page.GetByTestId("declaration")).ToBeVisibleAsync(new() { Timeout = Slow });
        await Expect(page.GetByTestId("review-budget")).Not.ToBeAttachedAsync();
        await page.GetByTestId("declare-no-conflict").ClickAsync();
        await Expect(page.GetByTestId("scoring-form")).ToBeVisibleAsync(new() { Timeout = Slow });

        // Everything the applicant submitted, but not who they are: the call is blind.
        var facts = await ApplicationFactsAsync(applicationId);
        await Expect(page.GetByTestId("review-budget-line")).ToHaveCountAsync(facts.BudgetLines);
        await Expect(page.GetByTestId("review-budget-line").First).ToContainTextAsync(facts.FirstItem);
        await Expect(page.GetByTestId("review-period")).ToHaveTextAsync(facts.Period);
        await Expect(page.GetByTestId("review-category")).ToHaveTextAsync(facts.Category);
        await Expect(page.Locator("body")).Not.ToContainTextAsync(facts.Organization);
        await Expect(page.Locator("body")).Not.ToContainTextAsync(facts.OrganizationKorean);
        var file = page.GetByTestId($"review-attachment-{attachmentId}");
        await Expect(file).ToHaveTextAsync("Attachment 1 (PDF)");
        var download = await page.RunAndWaitForDownloadAsync(() => file.ClickAsync());
        Assert.Equal("attachment-1.pdf", download.SuggestedFilename);
        Assert.StartsWith("%PDF-", await File.ReadAllTextAsync((await download.PathAsync())!), StringComparison.Ordinal);

        // A score beyond the scale is marked with the range; nothing typed is lost.
        var firstScore = page.Locator("[data-testid=score-0] input, input[data-testid=score-0]");
        await firstScore.FillAsync("11");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("criterion-0")).ToContainTextAsync("Enter a whole number from 1 to 10.", new() { Timeout = Slow });
        await Expect(page.GetByTestId("criterion-0").Locator(".mud-input-error").First).ToBeVisibleAsync();
        await Expect(firstScore).ToHaveValueAsync("11");

        var criteria = await page.Locator("[data-testid^=criterion-]").CountAsync();
        Assert.True(criteria > 0);
        for (var i = 0; i < criteria; i++)
        {
            await page.Locator($"[data-testid=score-{i}] input, input[data-testid=score-{i}]").FillAsync("4");
            await page.Locator($"[data-testid=comment-{i}] textarea, textarea[data-testid=comment-{i}]").FillAsync("Well argued and feasible.");
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(page.GetByTestId("criterion-0")).Not.ToContainTextAsync("Enter a whole number", new() { Timeout = Slow });
        await page.Locator("[data-testid=overall-comment] textarea, textarea[data-testid=overall-comment]").FillAsync("A convincing proposal.");
        await page.Keyboard.PressAsync("Tab");
        await page.GetByTestId("recommendation").GetByText("Fund", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("save-state")).ToHaveTextAsync("Draft saved", new() { Timeout = Slow });

        // Submitting asks first, and says the review locks.
        var dialog = page.Locator(".mud-dialog");
        await ClickUntilVisibleAsync(page.GetByTestId("submit-review"), dialog);
        await Expect(dialog).ToContainTextAsync("cannot change them afterwards unless a program officer reopens the review");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("review-submitted")).Not.ToBeAttachedAsync();
        await ClickUntilVisibleAsync(page.GetByTestId("submit-review"), dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Submit review" }).ClickAsync();
        await Expect(page.GetByTestId("review-submitted")).ToBeVisibleAsync(new() { Timeout = Slow });
        await page.Context.CloseAsync();

        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        var (code, year) = await CallOfAsync(callId);
        await OfficerNavigation.OpenCallReviewPageAsync(officer, code, year, "ranking");
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

        await page.GetByTestId("nav-Nav_Reviews").ClickAsync();

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

        if (screen == "reviews")
        {
            await page.GetByTestId("nav-Nav_Reviews").ClickAsync();
        }
        else
        {
            var (code, year) = await CallOfAsync(callId);
            await OfficerNavigation.OpenCallReviewPageAsync(page, code, year, screen);
        }

        await Expect(page.GetByTestId(testId)).ToBeVisibleAsync(new() { Timeout = Slow });

        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>The call's code and budget year, which is how the officer's call list finds it.</summary>
    private async Task<(string Code, int Year)> CallOfAsync(int callId)
    {
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var call = await db.Calls.Where(c => c.Id == callId).Select(c => new { c.Code, c.BudgetYear!.Year }).SingleAsync();
        return (call.Code, call.Year);
    }

    private sealed record ApplicationFacts(int BudgetLines, string FirstItem, string Period, string Category, string Organization, string OrganizationKorean);

    /// <summary>What the applicant submitted, and the category as the English page names it.</summary>
    private async Task<ApplicationFacts> ApplicationFactsAsync(int applicationId)
    {
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Organization).SingleAsync(a => a.Id == applicationId);
        static string Date(LocalDate? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";
        var strings = fixture.Server.Services.GetRequiredService<IStringLocalizer<Strings>>();
        var category = Languages.InLanguage(Languages.English, () => strings["ApplicationCategory_" + application.Category].Value);
        return new ApplicationFacts(
            application.BudgetLines.Count,
            application.BudgetLines.OrderBy(l => l.Order).First().Item,
            $"{Date(application.StartDate)} – {Date(application.EndDate)}",
            category,
            application.Organization!.Name,
            application.Organization.NameKorean);
    }

    /// <summary>A small PDF the applicant attached (written as the store would: a generated name under the attachment folder).</summary>
    private async Task<int> AttachAsync(int applicationId)
    {
        var content = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
        var folder = fixture.Server.Services.GetRequiredService<IOptions<AttachmentOptions>>().Value.Directory;
        Directory.CreateDirectory(folder);
        var stored = Guid.NewGuid().ToString("N") + ".pdf";
        await File.WriteAllBytesAsync(Path.Combine(folder, stored), content);
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var attachment = new Attachment
        {
            ApplicationId = applicationId,
            StoredName = stored,
            DisplayName = "Organization budget plan.pdf",
            Kind = AttachmentKind.Pdf,
            SizeBytes = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            UploadedById = "browser-test",
            UploadedAt = SystemClock.Instance.GetCurrentInstant(),
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment.Id;
    }

    internal static async Task<(int AssignmentId, int ApplicationId, int CallId)> ReviewerWithAssignmentAsync(BrowserFixture fixture, string email, string name)
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
