using System.Globalization;
using System.Text.RegularExpressions;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Reviews;
using GrantPortal.Core.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>A program officer's paths, each reached from the menu by clicking.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OfficerTests(BrowserFixture fixture)
{
    private const float Slow = 20_000;

    private async Task<PortalDbContext> DbAsync() =>
        await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    [Theory]
    [InlineData("ko-KR")]
    [InlineData("en-US")]
    public async Task Officer_opens_an_application_from_the_intake_sees_the_organization_in_the_page_language_and_goes_back(string locale)
    {
        // The portal speaks each person's remembered language: the demo officer's is Korean, this one's English.
        var page = await fixture.NewPageAsync(locale);
        if (locale == "ko-KR")
        {
            await SignInTests.SignInAsync(page, DemoAccounts.Officer.Email, DemoAccounts.Password);
        }
        else
        {
            var (email, key) = await NewOfficerAsync();
            await SignInTests.SignInWithCodeAsync(page, email, SignInTests.TestPassword, key);
        }

        await page.GetByTestId("nav-Nav_Applications").ClickAsync();
        var first = page.Locator("[data-testid^=intake-]").First;
        await Expect(first).ToBeVisibleAsync(new() { Timeout = Slow });
        var id = int.Parse((await first.GetAttributeAsync("data-testid"))!["intake-".Length..], CultureInfo.InvariantCulture);
        await first.ClickAsync();

        await using (var db = await DbAsync())
        {
            var organization = await db.Applications.Where(a => a.Id == id).Select(a => a.Organization!).SingleAsync();
            var expected = locale.StartsWith("en", StringComparison.Ordinal) && organization.Name.Length > 0 ? organization.Name : organization.NameKorean;
            await Expect(page.GetByTestId("application-organization")).ToHaveTextAsync(expected, new() { Timeout = Slow });
        }

        await page.GetByTestId("back-to-applications").ClickAsync();
        await Expect(page.GetByTestId("intake")).ToBeVisibleAsync(new() { Timeout = Slow });
        await Expect(page).ToHaveURLAsync(new Regex("/applications$"));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A published call of this test's own, with drafts from the two demo organizations (one Korean-speaking, one
    /// English-speaking): the officer brings the deadline forward, is asked first with both deadlines and the number of
    /// organizations, confirms; each organization's member gets a mail in their language whose link opens the draft.
    /// </summary>
    [Fact]
    public async Task Officer_moves_a_deadline_confirms_and_organizations_with_drafts_are_mailed_with_a_link_to_their_draft()
    {
        var code = "DL" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var year = Seoul.Today(SystemClock.Instance).Year;
        var (callId, opened, drafts) = await CallWithDraftsAsync(code, year);
        var later = new LocalDateTime(year, 12, 31, 22, 0);

        var officer = await fixture.NewPageAsync();
        var (email, key) = await NewOfficerAsync();
        await SignInTests.SignInWithCodeAsync(officer, email, SignInTests.TestPassword, key);
        await OfficerNavigation.OpenCallEditorAsync(officer, code, year);

        // Into the past first (an hour after the call opened): refused, saying why.
        await officer.GetByTestId("call-closes").FillAsync(Seoul.ToLocal(opened).PlusHours(1).ToString("yyyy'-'MM'-'dd'T'HH':'mm", CultureInfo.InvariantCulture));
        await officer.GetByTestId("save-call").ClickAsync();
        await Expect(officer.Locator("body")).ToContainTextAsync("has already passed", new() { Timeout = Slow });
        await Expect(officer.Locator("body")).ToContainTextAsync("this screen does not close a call early");

        await officer.GetByTestId("call-closes").FillAsync($"{year}-12-31T22:00");
        await officer.GetByTestId("save-call").ClickAsync();
        var dialog = officer.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync($"from {year}-12-31 23:00 KST to {year}-12-31 22:00 KST", new() { Timeout = Slow });
        await Expect(dialog).ToContainTextAsync("2 organizations hold drafts");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move the deadline" }).ClickAsync();
        await Expect(officer.Locator(".mud-snackbar")).ToContainTextAsync("the members of 2 organizations with drafts were told by mail", new() { Timeout = Slow });
        await officer.Context.CloseAsync();

        await using (var db = await DbAsync())
        {
            Assert.Equal(Seoul.ToInstant(later), await db.Calls.Where(c => c.Id == callId).Select(c => c.ClosesAt).SingleAsync());
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "call.deadline-moved" && e.EntityId == callId.ToString(CultureInfo.InvariantCulture)));
        }

        var english = await MailToAsync(DemoAccounts.Applicant2.Email, "Deadline changed: Browser deadline call " + code);
        Assert.Contains($"has been brought forward from {year}-12-31 23:00 KST to {year}-12-31 22:00 KST", english.TextBody, StringComparison.Ordinal);
        var korean = await MailToAsync(DemoAccounts.Applicant1.Email, "[마감 일시 변경] 브라우저 마감 공모 " + code);
        Assert.Contains("앞당겨졌습니다", korean.TextBody, StringComparison.Ordinal);

        // The link in the mail opens the organization's own draft.
        var path = LinkPattern().Match(english.TextBody!).Groups["path"].Value;
        Assert.Equal($"/applications/{drafts[DemoAccounts.Applicant2.Email]}", path);
        var applicant = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(applicant, DemoAccounts.Applicant2.Email, DemoAccounts.Password);
        await applicant.GotoAsync(path);
        await Expect(applicant.GetByTestId("call-deadline")).ToHaveTextAsync($"{year}-12-31 22:00 KST", new() { Timeout = Slow });
        await applicant.Context.CloseAsync();
    }

    /// <summary>
    /// A call of this test's own under review, asking three reviewers per application: one application with three
    /// assigned and one review in. The officer adds a fourth reviewer (asked first), then records a panel decision
    /// with three of four reviews missing (asked first).
    /// </summary>
    [Fact]
    public async Task Officer_is_asked_before_a_fourth_reviewer_and_before_a_decision_with_three_of_four_reviews_missing()
    {
        var code = "PN" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var year = Seoul.Today(SystemClock.Instance).Year;
        var (_, applicationId, title) = await CallUnderReviewAsync(code, year);

        var officer = await fixture.NewPageAsync();
        var (email, key) = await NewOfficerAsync();
        await SignInTests.SignInWithCodeAsync(officer, email, SignInTests.TestPassword, key);
        await OfficerNavigation.OpenCallReviewPageAsync(officer, code, year, "assignments");
        var board = officer.GetByTestId($"board-{applicationId}");
        await Expect(board).ToBeVisibleAsync(new() { Timeout = Slow });
        var reviewer = await OfficerNavigation.ChooseFirstAsync(officer, officer.GetByTestId($"pick-{applicationId}"));
        await officer.GetByTestId($"assign-{applicationId}").ClickAsync();
        var dialog = officer.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync($"This call asks for 3 reviewers per application, and \"{title}\" already has 3.", new() { Timeout = Slow });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Assign anyway" }).ClickAsync();
        await Expect(officer.GetByTestId("assignment-message")).ToHaveTextAsync("Reviewer assigned.", new() { Timeout = Slow });
        await Expect(board.Locator("[data-testid^=assigned-]")).ToHaveCountAsync(4);
        await Expect(board).ToContainTextAsync(Regex.Replace(reviewer, @"\s*\(\d+\)$", ""));

        await officer.GetByRole(AriaRole.Link, new() { Name = "Ranking and decisions" }).ClickAsync();
        var row = officer.GetByTestId($"rank-row-{applicationId}");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = Slow });
        await OfficerNavigation.ChooseAsync(officer, row.GetByTestId("decision"), "Fund");
        await row.GetByTestId("record-decision").ClickAsync();
        await Expect(dialog).ToContainTextAsync($"3 of 4 reviews are missing for \"{title}\". Record the panel decision anyway?", new() { Timeout = Slow });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("recorded-decision")).Not.ToBeAttachedAsync();

        await row.GetByTestId("record-decision").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record anyway" }).ClickAsync();
        await Expect(row.GetByTestId("recorded-decision")).ToContainTextAsync("Fund", new() { Timeout = Slow });
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task Officer_finds_every_reviewer_with_expertise_ties_and_declared_conflicts_from_the_menu()
    {
        var page = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(page, DemoAccounts.Officer.Email, DemoAccounts.Password);

        await page.GetByTestId("nav-Nav_Reviewers").ClickAsync();

        var directory = page.GetByTestId("reviewer-directory");
        await Expect(directory).ToBeVisibleAsync(new() { Timeout = Slow });
        await Expect(directory).ToContainTextAsync(DemoAccounts.Reviewer1.DisplayName);
        await Expect(directory).ToContainTextAsync(DemoAccounts.Reviewer2.DisplayName);
        await Expect(directory).ToContainTextAsync("서해대학교 통일평화연구원");
        await Expect(directory).ToContainTextAsync("2년 전 이 극단의 공연 자문위원으로 활동했습니다.");
        await Expect(directory).ToContainTextAsync("심사위원 신고");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reviewer_keeps_editing_their_own_profile_at_reviewers()
    {
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Reviewer2.Email, DemoAccounts.Password);

        await page.GetByTestId("nav-Nav_ReviewerProfile").ClickAsync();

        await Expect(page.GetByTestId("save-profile")).ToBeVisibleAsync(new() { Timeout = Slow });
        await Expect(page.GetByTestId("reviewer-directory")).Not.ToBeAttachedAsync();
        await page.GetByTestId("save-profile").ClickAsync();
        await Expect(page.GetByTestId("profile-saved")).ToBeVisibleAsync(new() { Timeout = Slow });
        await page.Context.CloseAsync();
    }

    /// <summary>A program officer of this test's own who reads the portal in English.</summary>
    /// <summary>A program officer of the ministry's own, enrolled in two-factor sign-in as every such account must be.</summary>
    private async Task<(string Email, string Key)> NewOfficerAsync()
    {
        var email = $"officer-{Guid.NewGuid():N}@ministry.example";
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Officer " + email[8..14], PreferredLanguage = Languages.English, CreatedAt = SystemClock.Instance.GetCurrentInstant() };
        Assert.True((await users.CreateAsync(user, SignInTests.TestPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.ProgramOfficer)).Succeeded);
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return (email, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    /// <summary>The mail, once the outbox job has sent it: it leaves a moment after the change that recorded it.</summary>
    private async Task<MimeMessage> MailToAsync(string email, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            foreach (var file in Directory.Exists(fixture.Server.MailFolder) ? Directory.GetFiles(fixture.Server.MailFolder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.Subject == subject && message.To.Mailboxes.Any(m => m.Address == email))
                {
                    return message;
                }
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        throw new InvalidOperationException($"No mail \"{subject}\" was written to {email} within 30 s.");
    }

    /// <summary>A published call closing on the year's last evening, with a draft from each demo applicant's organization.</summary>
    private async Task<(int CallId, Instant OpensAt, Dictionary<string, int> Drafts)> CallWithDraftsAsync(string code, int year)
    {
        var now = SystemClock.Instance.GetCurrentInstant();

        // Opened some days ago, inside the year, so a deadline between opening and now is a moment in the past.
        var opensAt = Seoul.StartOf(LocalDate.Max(new LocalDate(year, 1, 1), Seoul.Today(SystemClock.Instance).PlusDays(-10)));
        await using var db = await DbAsync();
        var call = await NewCallAsync(db, code, year, "Browser deadline call " + code, "브라우저 마감 공모 " + code, opensAt, Seoul.ToInstant(new LocalDateTime(year, 12, 31, 23, 0)));
        var drafts = new Dictionary<string, int>();
        foreach (var email in new[] { DemoAccounts.Applicant1.Email, DemoAccounts.Applicant2.Email })
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var draft = Application.StartDraft(call, user.OrganizationId!.Value, user.Id, now);
            draft.ProjectTitle = "Draft of " + email;
            db.Applications.Add(draft);
            await db.SaveChangesAsync();
            drafts[email] = draft.Id;
        }

        return (call.Id, opensAt, drafts);
    }

    /// <summary>A closed call asking three reviewers per application, and one application under review with three reviewers, one of whom submitted.</summary>
    private async Task<(int CallId, int ApplicationId, string Title)> CallUnderReviewAsync(string code, int year)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var db = await DbAsync();
        var call = await NewCallAsync(db, code, year, "Browser panel call " + code, "브라우저 심사 공모 " + code, now - Duration.FromDays(30), now - Duration.FromDays(2));
        var organization = Organization.Register("Browser Panel Forum " + code, "브라우저 심사 포럼 " + code, SignInTests.UniqueRegistrationNumber(), OrganizationType.Other, "Panel Tester", $"panel-{Guid.NewGuid():N}@example.org", now);
        organization.Verify("browser-test", now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();

        var title = "Oral history " + code;
        var application = Application.StartDraft(call, organization.Id, "browser-test", now - Duration.FromDays(10));
        application.ProjectTitle = title;
        application.BudgetLines.Add(new BudgetLine { Category = BudgetCategory.Activities, Item = "Interviews", Amount = new Krw(1_000_000), Justification = "10 interviews" });
        application.Submit($"{year}-{code}-0001", now - Duration.FromDays(3));
        application.StartReview();
        db.Applications.Add(application);
        await db.SaveChangesAsync();

        var reviewerRole = await db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id).SingleAsync();
        var reviewers = await db.UserRoles.Where(r => r.RoleId == reviewerRole).Select(r => r.UserId).OrderBy(id => id).Take(3).ToListAsync();
        var criterion = call.Criteria.Single();
        for (var i = 0; i < reviewers.Count; i++)
        {
            var assignment = new ReviewAssignment { ApplicationId = application.Id, ReviewerId = reviewers[i], AssignedAt = now - Duration.FromDays(2), DueOn = call.ReviewDueOn };
            if (i == 0)
            {
                assignment.NoConflictDeclaredAt = now - Duration.FromDays(1);
                var review = new Review { OverallComment = "Solid.", Recommendation = ReviewRecommendation.Fund };
                review.Scores.Add(new CriterionScore { CriterionId = criterion.Id, Score = 4, Comment = "Relevant." });
                review.Submit(now - Duration.FromHours(5));
                assignment.Review = review;
            }

            db.ReviewAssignments.Add(assignment);
        }

        await db.SaveChangesAsync();
        return (call.Id, application.Id, title);
    }

    private static async Task<Call> NewCallAsync(PortalDbContext db, string code, int year, string titleEnglish, string titleKorean, Instant opensAt, Instant closesAt)
    {
        var budgetYear = await db.BudgetYears.SingleAsync(y => y.Year == year);
        var call = new Call
        {
            BudgetYearId = budgetYear.Id,
            Code = code,
            TitleEnglish = titleEnglish,
            TitleKorean = titleKorean,
            Categories = ProjectCategories.All,

            // Small enough to fit what the demo year leaves, so no envelope rule is bent.
            Envelope = new Krw(1_000_000),
            MinimumRequest = new Krw(100_000),
            MaximumRequest = new Krw(1_000_000),
            OpensAt = opensAt,
            ClosesAt = closesAt,
            ReviewersPerApplication = 3,
            ReviewDueOn = new LocalDate(year + 1, 1, 15),
        };
        call.Criteria.Add(new RubricCriterion { Order = 1, NameKorean = "타당성", NameEnglish = "Relevance", Weight = 1m, ScaleMinimum = 1, ScaleMaximum = 5 });
        call.Publish(opensAt);
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call;
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/applications/\d+)")]
    private static partial Regex LinkPattern();
}
