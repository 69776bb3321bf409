using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LateSubmissionTests(BrowserFixture fixture)
{
    private static readonly Duration Grace = Duration.FromSeconds(40);

    /// <summary>
    /// The form was opened in time, the applicant pressed submit a moment too late: the server refuses it
    /// and says the exact deadline in Seoul time. The draft stays a draft.
    /// </summary>
    [Fact]
    public async Task Submit_after_the_deadline_is_refused_with_the_deadline_in_Seoul_time()
    {
        // An organization of its own, so no other test finds this draft in its list.
        var email = $"late-{Guid.NewGuid():N}@example.org";
        var organizationId = await VerifiedApplicantAsync(email);
        var (applicationId, closesAt) = await CallClosingSoonWithCompleteDraftAsync(organizationId);
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, email, SignInTests.TestPassword);
        await page.GetByTestId("nav-Nav_Applications").ClickAsync();
        await page.GetByTestId("my-applications").Locator("a", new() { HasText = "마감 직전 제출 시험" }).ClickAsync();
        await page.WaitForURLAsync($"**/applications/{applicationId}");
        await SignInTests.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("submit")).ToBeVisibleAsync();

        var wait = closesAt - SystemClock.Instance.GetCurrentInstant() + Duration.FromSeconds(1);
        if (wait > Duration.Zero)
        {
            await Task.Delay(wait.ToTimeSpan());
        }

        await page.GetByTestId("submit").ClickAsync();

        await Expect(page.GetByTestId("error-Deadline")).ToContainTextAsync(Seoul.Format(closesAt));
        await Expect(page.GetByTestId("submit")).ToHaveCountAsync(0);

        // Opened again, the draft says when its call closed and offers no Submit at all.
        await page.GetByTestId("nav-Nav_Applications").ClickAsync();
        await page.GetByTestId("my-applications").Locator("a", new() { HasText = "마감 직전 제출 시험" }).ClickAsync();
        await Expect(page.GetByTestId("call-closed")).ToContainTextAsync(Seoul.Format(closesAt));
        await Expect(page.GetByTestId("submit")).ToHaveCountAsync(0);
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Null(application.ReceiptNumber);
        await page.Context.CloseAsync();
    }

    private async Task<int> VerifiedApplicantAsync(string email)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var organization = Organization.Register("Late Hour Forum", "늦은 시각 포럼", SignInTests.UniqueRegistrationNumber(), OrganizationType.Other, "Late Applicant", email, now);
        organization.Verify("browser-test", now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Late Applicant", PreferredLanguage = "en", OrganizationId = organization.Id, CreatedAt = now };
        Assert.True((await users.CreateAsync(user, SignInTests.TestPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
        return organization.Id;
    }

    private async Task<(int ApplicationId, Instant ClosesAt)> CallClosingSoonWithCompleteDraftAsync(int organizationId)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var today = Seoul.ToLocal(now).Date;
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var year = await db.BudgetYears.SingleAsync(y => y.Year == today.Year);
        var call = new Call
        {
            BudgetYearId = year.Id,
            Code = "LATE" + (now.ToUnixTimeSeconds() % 10_000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
            TitleEnglish = "Call closing in seconds",
            TitleKorean = "곧 마감되는 공모",
            Envelope = Krw.Zero,
            MinimumRequest = new Krw(1_000_000),
            MaximumRequest = new Krw(50_000_000),
            OpensAt = now - Duration.FromDays(1),
            ClosesAt = now + Grace,
            ReviewDueOn = today.PlusDays(1),
        };
        call.Publish(now - Duration.FromDays(1));
        db.Calls.Add(call);
        await db.SaveChangesAsync();

        var application = Application.StartDraft(call, organizationId, "browser-test", now);
        application.ProjectTitle = "마감 직전 제출 시험";
        application.Summary = "마감 시각이 지난 뒤의 제출이 거부되는지 확인합니다.";
        application.Answers[DefaultForm.Objectives] = "정확한 마감 안내";
        application.Answers[DefaultForm.Activities] = "제출";
        application.Answers[DefaultForm.Beneficiaries] = "신청 단체";
        application.StartDate = today;
        application.EndDate = new LocalDate(today.Year, 12, 31);
        application.Category = ProjectCategories.CapacityBuilding;
        application.DeclarationAccepted = true;
        application.BudgetLines.Add(new BudgetLine { Category = BudgetCategory.Activities, Item = "워크숍", Amount = new Krw(10_000_000), Justification = "2회" });
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return (application.Id, call.ClosesAt);
    }
}
