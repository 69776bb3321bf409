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

/// <summary>The demo's two-stage CULT call: a concept note, the officer's shortlist, then the full proposal it prefills.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TwoStageTests(BrowserFixture fixture)
{
    private const string TwoStageCall = "CULT";

    [Fact]
    public async Task Invited_concept_note_becomes_a_prefilled_full_proposal()
    {
        // An organization of its own, so no other test's concept note is found in the call.
        var email = $"concept-{Guid.NewGuid():N}@example.org";
        await VerifiedApplicantAsync(email);
        var title = $"Winter on the Yalu {Guid.NewGuid():N}"[..28];

        // The officer adds a question to the concept-note form, reached from the call's editor by the builder's stage switch.
        var partnersLabel = $"Touring partners {Guid.NewGuid():N}"[..24];
        var builder = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(builder, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await OfficerNavigation.OpenCallReviewPageAsync(builder, TwoStageCall, await CallYearAsync(), "form");
        await Expect(builder.GetByTestId("form-stage-full")).ToHaveAttributeAsync("aria-pressed", "true");
        await builder.GetByTestId("form-stage-concept-note").ClickAsync();
        await Expect(builder.GetByTestId("form-stage-concept-note")).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = 30_000 });
        await Expect(builder.GetByTestId("form-copy")).ToHaveCountAsync(0);
        var cards = builder.GetByTestId("question-card");
        var before = await cards.CountAsync();
        await builder.GetByTestId("add-ShortText").First.ClickAsync();
        await Expect(cards).ToHaveCountAsync(before + 1);
        await Field(cards.Last, "question-label-ko").FillAsync("순회 협력 단체");
        await Field(cards.Last, "question-label-en").FillAsync(partnersLabel);
        await builder.GetByTestId("form-preview").ClickAsync();
        await builder.GetByTestId("preview-en").ClickAsync();
        await Expect(builder.GetByTestId("form-preview-pane")).ToContainTextAsync(partnersLabel);
        await builder.GetByTestId("form-save").ClickAsync();
        await Expect(builder.GetByTestId("form-result")).ToContainTextAsync(new Regex(@"Saved as version \d+|버전 \d+"), new() { Timeout = 30_000 });
        await builder.Context.CloseAsync();

        var applicant = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(applicant, email, SignInTests.TestPassword);
        await SignInTests.WaitUntilInteractiveAsync(applicant);

        // From the dashboard's open calls: the two-stage call asks for a concept note first.
        var dashboardCall = applicant.Locator($"[data-testid=dashboard-call][data-call-code={TwoStageCall}]");
        await dashboardCall.GetByTestId("apply").ClickAsync();
        await applicant.WaitForURLAsync(ConceptNoteUrl());
        await SignInTests.WaitUntilInteractiveAsync(applicant);
        await Field(applicant, "concept-title").FillAsync(title);
        await TextArea(applicant, "concept-summary").FillAsync("A touring opera on forced repatriation.");
        await TextArea(applicant, "answer-concept").FillAsync("Six performances in three cities, with talks after each.");
        await Field(applicant, "answer-estimated_request").FillAsync("50,000,000");

        // The officer's new question is on the concept note, drawn by the shared form renderer.
        var partners = applicant.GetByTestId("concept-questions").Locator("[data-testid^=question-]").Filter(new() { HasText = partnersLabel });
        await Expect(partners).ToBeVisibleAsync();
        await partners.Locator("input").First.FillAsync("Seoul Opera House");
        await applicant.GetByTestId("concept-submit").ClickAsync();
        await Expect(applicant.GetByTestId("concept-note-receipt")).ToContainTextAsync(new Regex($@"\d{{4}}-{TwoStageCall}-C\d{{4}}"));
        await Expect(applicant.GetByTestId("concept-awaiting")).ToBeVisibleAsync();

        // The officer reaches the shortlist from the call's editor and invites the organization.
        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await OfficerNavigation.OpenCallReviewPageAsync(officer, TwoStageCall, await CallYearAsync(), "shortlist");
        var row = officer.GetByTestId("shortlist-row").Filter(new() { HasText = title });
        await row.GetByTestId("shortlist-invite").ClickAsync();
        await Expect(row.GetByTestId("shortlist-decision")).ToBeVisibleAsync();
        await officer.Context.CloseAsync();

        // Back on the dashboard, the invited organization writes its full proposal, which starts from the concept note.
        await applicant.GetByTestId("nav-Nav_Dashboard").ClickAsync();
        await SignInTests.WaitUntilInteractiveAsync(applicant);
        await dashboardCall.GetByTestId("write-full-proposal").ClickAsync();
        await applicant.WaitForURLAsync(ApplicationUrl());
        await SignInTests.WaitUntilInteractiveAsync(applicant);
        await Expect(applicant.Locator("[data-testid=field-ProjectTitle] input, input[data-testid=field-ProjectTitle]")).ToHaveValueAsync(title, new() { Timeout = 30_000 });
        await Expect(applicant.Locator("[data-testid=field-Summary] textarea, textarea[data-testid=field-Summary]")).ToHaveValueAsync("A touring opera on forced repatriation.");
        await applicant.Context.CloseAsync();
    }

    private static ILocator Field(IPage page, string testId) => page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]");

    private static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($"[data-testid={testId}] input, [data-testid={testId}] textarea, input[data-testid={testId}], textarea[data-testid={testId}]").First;

    private static ILocator TextArea(IPage page, string testId) => page.Locator($"[data-testid={testId}] textarea, textarea[data-testid={testId}]");

    private async Task<int> CallYearAsync()
    {
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Calls.Where(c => c.Code == TwoStageCall && c.ConceptNoteClosesAt != null).Select(c => c.BudgetYear!.Year).SingleAsync();
    }

    /// <summary>A verified organization with one applicant account, as the officer's verification leaves it.</summary>
    private async Task VerifiedApplicantAsync(string email)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var organization = Organization.Register("Stage Two Theatre", "무대둘 극단", SignInTests.UniqueRegistrationNumber(), OrganizationType.Other, "Han Stage", email, now);
        organization.Verify("browser-test", now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Han Stage", PreferredLanguage = "en", OrganizationId = organization.Id, CreatedAt = now };
        Assert.True((await users.CreateAsync(user, SignInTests.TestPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
    }

    [GeneratedRegex(@"/concept-notes/\d+$")]
    private static partial Regex ConceptNoteUrl();

    [GeneratedRegex(@"/applications/\d+$")]
    private static partial Regex ApplicationUrl();
}
