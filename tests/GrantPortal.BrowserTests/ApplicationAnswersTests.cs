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

/// <summary>The YOUTH call's own questions, answered in the browser the way an applicant would.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ApplicationAnswersTests(BrowserFixture fixture)
{
    private const string SafetyPlan = "Participants' names are kept encrypted, photos are taken only of those who agree, and the venue is told to confirmed participants only.";

    [Fact]
    public async Task Applicant_answers_every_question_of_the_youth_form_including_a_conditional_one_and_a_file_reloads_and_submits()
    {
        var email = $"answers-{Guid.NewGuid():N}@example.org";
        await VerifiedApplicantAsync(email);
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, email, SignInTests.TestPassword);
        await page.GetByTestId("nav-Nav_Calls").ClickAsync();
        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=call-card][data-call-code=YOUTH]").GetByTestId("apply").ClickAsync();
        await EligibilityTests.PassScreeningAsync(page);
        await page.WaitForURLAsync(ApplicationUrl());
        await SignInTests.WaitUntilInteractiveAsync(page);

        await Field(page, "field-ProjectTitle").FillAsync("Young documenters of testimony");
        await Field(page, "field-Summary").FillAsync("Twenty young people learn to record testimony of rights violations.");
        await Field(page, "answer-objectives").FillAsync("Train twenty young documenters.");
        await Field(page, "answer-activities").FillAsync("Eight weekend workshops, April to November.");
        await Field(page, "answer-beneficiaries").FillAsync("Young defectors and students in Seoul.");

        // The explanation is asked only once the answer is yes.
        await Expect(page.GetByTestId("question-defector_role")).ToHaveCountAsync(0);
        await page.GetByTestId("question-defector_participation").GetByText("Yes", new() { Exact = true }).ClickAsync();
        await Field(page, "answer-defector_role").FillAsync("Two young defectors teach; their names and faces are not published.");

        await page.GetByTestId("answer-partners-add-row").ClickAsync();
        await Field(page, "answer-partners-1-name").FillAsync("NKDB");
        await Field(page, "answer-partners-1-role").FillAsync("Recruits participants");
        await Field(page, "answer-partners-1-contact").FillAsync("02-3000-1234");

        // The counter follows the typing and names the limits.
        await Field(page, "answer-safety_plan").FillAsync("Too short.");
        await Expect(page.GetByTestId("counter-safety_plan")).ToHaveTextAsync("10 characters · 50 to 2,000 characters");
        await Field(page, "answer-safety_plan").FillAsync(SafetyPlan);
        await Expect(page.GetByTestId("counter-safety_plan")).ToContainTextAsync($"{SafetyPlan.Length} characters");

        // The letter takes a PDF only, and one.
        var letter = page.GetByTestId("question-recommendation_letter");
        await letter.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "letter.docx", MimeType = "application/octet-stream", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await Expect(page.GetByTestId("upload-error-recommendation_letter")).ToContainTextAsync("accepts only PDF files");
        await letter.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "recommendation.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray() });
        await Expect(letter.GetByTestId("question-file")).ToContainTextAsync("recommendation.pdf");
        await Expect(page.GetByTestId("saved-at")).ToBeVisibleAsync();
        await Field(page, "answer-safety_plan").BlurAsync();
        await Expect(page.GetByTestId("autosave-status")).Not.ToContainTextAsync("Saving");

        // Midway, a reload finds everything where it was left.
        await page.ReloadAsync();
        await SignInTests.WaitUntilInteractiveAsync(page);
        await Expect(Field(page, "answer-objectives")).ToHaveValueAsync("Train twenty young documenters.");
        await Expect(Field(page, "answer-defector_role")).ToHaveValueAsync("Two young defectors teach; their names and faces are not published.");
        await Expect(Field(page, "answer-partners-1-name")).ToHaveValueAsync("NKDB");
        await Expect(Field(page, "answer-partners-1-contact")).ToHaveValueAsync("02-3000-1234");
        await Expect(Field(page, "answer-safety_plan")).ToHaveValueAsync(SafetyPlan);
        await Expect(page.GetByTestId("question-recommendation_letter").GetByTestId("question-file")).ToContainTextAsync("recommendation.pdf");

        var year = await CallYearAsync();
        await TypeDateAsync(page, "field-StartDate", $"{year}-03-02");
        await TypeDateAsync(page, "field-EndDate", $"{year}-11-30");
        await OfficerNavigation.ChooseFirstAsync(page, page.GetByTestId("field-Category"));
        await page.GetByTestId("add-budget-line").ClickAsync();
        await Field(page, "budget-item-1").FillAsync("Trainers");
        await page.Locator("input[data-testid=budget-amount-1]").PressSequentiallyAsync("30000000");

        // The call asks for at least 10% own contribution and a target for each of its indicators.
        await page.GetByTestId("add-budget-line").ClickAsync();
        await Field(page, "budget-item-2").FillAsync("Own funds");
        await page.Locator("input[data-testid=budget-amount-2]").PressSequentiallyAsync("3400000");
        await page.Locator("[data-testid=budget-own-2] input, input[data-testid=budget-own-2]").First.CheckAsync(new() { Force = true });
        var targets = page.Locator("[data-testid^=indicator-target-] input, input[data-testid^=indicator-target-]");
        for (var i = 0; i < await targets.CountAsync(); i++)
        {
            await targets.Nth(i).FillAsync("20");
        }

        await page.Locator("[data-testid=field-DeclarationAccepted] input, input[data-testid=field-DeclarationAccepted]").First.CheckAsync(new() { Force = true });
        await Expect(page.GetByTestId("saved-at")).ToBeVisibleAsync();
        await page.GetByTestId("submit").ClickAsync();

        await Expect(page.GetByTestId("receipt")).ToContainTextAsync(new Regex(@"\d{4}-YOUTH-\d{4}"));
        var summary = page.GetByTestId("application-summary");
        await Expect(summary.GetByTestId("form-version")).ToHaveTextAsync("Form version 1");
        await Expect(summary.GetByTestId("question-defector_role")).ToContainTextAsync("their names and faces are not published");
        await Expect(summary.GetByTestId("question-partners")).ToContainTextAsync("Recruits participants");
        await Expect(summary.GetByTestId("question-recommendation_letter")).ToContainTextAsync("recommendation.pdf");
        await page.Context.CloseAsync();
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]").First;

    private static async Task TypeDateAsync(IPage page, string testId, string date)
    {
        var input = Field(page, testId);
        await input.FillAsync(date);
        await input.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
        await Expect(input).ToHaveValueAsync(date);
    }

    private async Task<int> CallYearAsync()
    {
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Calls.Where(c => c.Code == "YOUTH").OrderByDescending(c => c.ClosesAt).Select(c => c.BudgetYear!.Year).FirstAsync();
    }

    /// <summary>A verified organization with one applicant account, as the officer's verification leaves it.</summary>
    private async Task VerifiedApplicantAsync(string email)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var organization = Organization.Register("Answer Path Forum", "답변 경로 포럼", SignInTests.UniqueRegistrationNumber(), OrganizationType.Other, "Park Answer", email, now);
        organization.Verify("browser-test", now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Park Answer", PreferredLanguage = "en", OrganizationId = organization.Id, CreatedAt = now };
        Assert.True((await users.CreateAsync(user, SignInTests.TestPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
    }

    [GeneratedRegex(@"/applications/\d+$")]
    private static partial Regex ApplicationUrl();
}
