using System.Text.RegularExpressions;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using GrantPortal.Core.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>Organizations find how to apply where they look: the call list, a call's page and their dashboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ApplyTests(BrowserFixture fixture)
{
    /// <summary>The demo's open call that closes in ten days.</summary>
    private const string OpenCall = "YOUTH";

    [Fact]
    public async Task Applicant_finds_apply_on_the_call_list_starts_one_draft_and_later_continues_it()
    {
        // An organization of its own, so the call starts with nothing begun and no other test's draft is found.
        var email = $"apply-{Guid.NewGuid():N}@example.org";
        var organizationId = await VerifiedApplicantAsync(fixture, email);
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, email, SignInTests.TestPassword);

        await page.GetByTestId("nav-Nav_Calls").ClickAsync();
        var card = page.Locator($"[data-testid=call-card][data-call-code={OpenCall}]");
        await SignInTests.WaitUntilInteractiveAsync(page);
        await Expect(card.GetByTestId("apply")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);

        // Two quick clicks on Apply still make one draft.
        await card.GetByTestId("apply").DblClickAsync();
        await EligibilityTests.PassScreeningAsync(page);
        await page.WaitForURLAsync(ApplicationUrl());
        await SignInTests.WaitUntilInteractiveAsync(page);
        var draftUrl = page.Url;
        await page.Locator("[data-testid=field-ProjectTitle] input, input[data-testid=field-ProjectTitle]").FillAsync("Mentoring young documenters");
        await Expect(page.GetByTestId("saved-at")).ToBeVisibleAsync();

        await page.GetByTestId("nav-Nav_Calls").ClickAsync();
        await Expect(card.GetByTestId("continue-application")).ToBeVisibleAsync();
        await Expect(card.GetByTestId("apply")).ToHaveCountAsync(0);
        await card.GetByTestId("continue-application").ClickAsync();
        await page.WaitForURLAsync(draftUrl);
        await Expect(page.Locator("[data-testid=field-ProjectTitle] input, input[data-testid=field-ProjectTitle]")).ToHaveValueAsync("Mentoring young documenters");

        // The dashboard offers the same: the open call to continue, and the draft among those to finish.
        await page.GetByTestId("nav-Nav_Dashboard").ClickAsync();
        await Expect(page.Locator($"[data-testid=dashboard-call][data-call-code={OpenCall}]").GetByTestId("continue-application")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dashboard-drafts")).ToContainTextAsync("Mentoring young documenters");
        await page.Context.CloseAsync();

        await using var db = await DbAsync();
        Assert.Equal(1, await db.Applications.CountAsync(a => a.OrganizationId == organizationId));
    }

    [Fact]
    public async Task Application_form_groups_amounts_as_typed_refuses_a_negative_one_hints_dates_and_lists_a_file_once()
    {
        var email = $"form-{Guid.NewGuid():N}@example.org";
        await VerifiedApplicantAsync(fixture, email);
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, email, SignInTests.TestPassword);
        await page.GetByTestId("nav-Nav_Calls").ClickAsync();
        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.Locator($"[data-testid=call-card][data-call-code={OpenCall}]").GetByTestId("apply").ClickAsync();
        await EligibilityTests.PassScreeningAsync(page);
        await page.WaitForURLAsync(ApplicationUrl());
        await SignInTests.WaitUntilInteractiveAsync(page);

        // Dates say how to write them.
        await Expect(page.GetByText(new Regex(@"Format yyyy-mm-dd, e\.g\. \d{4}-05-01")).First).ToBeVisibleAsync();

        // Thousands separators appear while typing, key by key.
        await page.GetByTestId("add-budget-line").ClickAsync();
        var amount = page.Locator("input[data-testid=budget-amount-1]");
        await amount.PressSequentiallyAsync("12500000");
        await Expect(amount).ToHaveValueAsync("12,500,000");
        await Expect(page.GetByTestId("requested-total")).ToContainTextAsync("₩12,500,000");
        await Expect(page.GetByTestId("saved-at")).ToBeVisibleAsync();

        // A negative amount is refused where it was typed, with the reason; the last good amount is what stays saved.
        await amount.FillAsync("-300,000");
        await Expect(page.GetByTestId("budget-line").GetByText("An amount cannot be negative")).ToBeVisibleAsync();
        await Expect(amount).ToHaveValueAsync("-300,000");
        await Expect(page.GetByTestId("requested-total")).ToContainTextAsync("₩12,500,000");

        // An uploaded file is listed once; removing it asks first, then the stored file is gone.
        await page.Locator("section[aria-labelledby=attachments-heading] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "budget-plan.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray(),
        });
        await Expect(page.GetByTestId("attachment")).ToHaveCountAsync(1);
        await Expect(page.GetByText("budget-plan.pdf", new() { Exact = true })).ToHaveCountAsync(1);
        var href = await page.GetByTestId("attachment").Locator("a").GetAttributeAsync("href");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove budget-plan.pdf" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("attachment")).ToHaveCountAsync(0);
        Assert.Equal(404, (await page.Context.APIRequest.GetAsync(href!)).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Organization_awaiting_verification_sees_why_it_cannot_apply_and_where_to_go()
    {
        var page = await fixture.NewPageAsync("ko-KR");
        await page.GotoAsync("/Account/Register");
        await SignInTests.RegisterAsync(page, $"pending-{Guid.NewGuid():N}@example.org", SignInTests.UniqueRegistrationNumber());
        await Expect(page.GetByTestId("registered-notice")).ToBeVisibleAsync();
        await SignInTests.WaitUntilInteractiveAsync(page);

        // Its dashboard already says so next to the open calls.
        await Expect(page.Locator($"[data-testid=dashboard-call][data-call-code={OpenCall}]").GetByTestId("apply-blocked")).ToContainTextAsync("단체 확인이 아직 끝나지 않아");

        await page.GetByTestId("nav-Nav_Calls").ClickAsync();
        var card = page.Locator($"[data-testid=call-card][data-call-code={OpenCall}]");
        await Expect(card.GetByTestId("apply-blocked")).ToContainTextAsync("단체 확인이 아직 끝나지 않아 신청할 수 없습니다");
        await Expect(page.GetByTestId("apply")).ToHaveCountAsync(0);
        await SignInTests.WaitUntilInteractiveAsync(page);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);

        await card.GetByTestId("call-title").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("call-card")).ToHaveCountAsync(0);
        await page.GetByTestId("apply-blocked-organization").ClickAsync();
        await page.WaitForURLAsync(new Regex("/organization$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Visitor_is_asked_to_sign_in_and_comes_back_to_the_call_able_to_continue()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/calls");
        await SignInTests.WaitUntilInteractiveAsync(page);
        var card = page.Locator($"[data-testid=call-card][data-call-code={OpenCall}]");
        await Expect(card.GetByTestId("apply")).ToHaveCountAsync(0);

        await card.GetByTestId("sign-in-to-apply").ClickAsync();
        await page.WaitForURLAsync(new Regex("/Account/Login"));
        await page.FillAsync("#login-email", DemoAccounts.Applicant2.Email);
        await page.FillAsync("#login-password", DemoAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();

        // applicant2's organization has a draft in this call, so the call page sends it back to that draft.
        await page.WaitForURLAsync(new Regex(@"/calls/\d+$"));
        await Expect(page.GetByTestId("continue-application")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_are_offered_nothing_about_applying()
    {
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Officer.Email, DemoAccounts.Password);

        await page.GetByTestId("nav-Nav_Calls").ClickAsync();

        await Expect(page.GetByTestId("call-card").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("apply-panel")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private async Task<PortalDbContext> DbAsync() =>
        await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    /// <summary>A verified organization with one applicant account, as the officer's verification leaves it.</summary>
    internal static async Task<int> VerifiedApplicantAsync(BrowserFixture fixture, string email)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var organization = Organization.Register("Apply Path Forum", "신청 경로 포럼", SignInTests.UniqueRegistrationNumber(), OrganizationType.Other, "Park Apply", email, now);
        organization.Verify("browser-test", now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Park Apply", PreferredLanguage = "en", OrganizationId = organization.Id, CreatedAt = now };
        Assert.True((await users.CreateAsync(user, SignInTests.TestPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
        return organization.Id;
    }

    [GeneratedRegex(@"/applications/\d+$")]
    private static partial Regex ApplicationUrl();
}
