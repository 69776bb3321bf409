using GrantPortal.Demo;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class OrganizationVerificationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Officer_rejects_a_new_organization_with_a_reason_and_the_applicant_corrects_it_and_asks_again()
    {
        var number = SignInTests.UniqueRegistrationNumber();
        var reason = "The registration certificate " + number + " is unreadable; please upload a clear scan.";
        var applicant = await fixture.NewPageAsync();
        await applicant.GotoAsync("/Account/Register");
        await SignInTests.RegisterAsync(applicant, $"verify-{Guid.NewGuid():N}@example.org", number);
        await Expect(applicant.GetByTestId("registered-notice")).ToBeVisibleAsync();

        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GetByTestId("nav-Nav_Organizations").ClickAsync();
        await officer.GetByTestId("reject-" + number).ClickAsync();

        // An empty reason is refused in the dialog itself.
        await officer.GetByTestId("reject-confirm").ClickAsync();
        await Expect(officer.Locator(".mud-dialog")).ToBeVisibleAsync();
        await officer.GetByTestId("reject-reason").FillAsync(reason);
        await officer.GetByTestId("reject-confirm").ClickAsync();

        await Expect(officer.GetByTestId("reject-" + number)).ToHaveCountAsync(0);
        await officer.Context.CloseAsync();

        // The applicant, still on its dashboard, looks again from the menu.
        await applicant.GetByTestId("nav-Nav_Dashboard").ClickAsync();
        await Expect(applicant.GetByTestId("dashboard-applicant")).ToContainTextAsync(reason);
        await applicant.GetByTestId("organization-fix").ClickAsync();
        await Expect(applicant.GetByTestId("organization-rejected")).ToContainTextAsync(reason);
        await applicant.Locator("[data-testid=org-address] input, input[data-testid=org-address]").FillAsync("서울특별시 종로구 세종대로 209");
        await applicant.GetByTestId("ask-verification").ClickAsync();
        await Expect(applicant.GetByTestId("organization-saved")).ToBeVisibleAsync();
        await Expect(applicant.GetByTestId("organization-state")).ToHaveTextAsync("Pending");
        await Expect(applicant.GetByTestId("ask-verification")).ToHaveCountAsync(0);

        // A colleague is invited from the same page.
        var colleague = $"colleague-{Guid.NewGuid():N}@example.org";
        await applicant.Locator("[data-testid=member-name] input, input[data-testid=member-name]").FillAsync("Lee Jiwoo");
        await applicant.Locator("[data-testid=member-email] input, input[data-testid=member-email]").FillAsync(colleague);
        await applicant.GetByTestId("invite-member").ClickAsync();
        await Expect(applicant.GetByTestId("members-message")).ToContainTextAsync(colleague);
        await Expect(applicant.GetByTestId("member-list")).ToContainTextAsync(colleague);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(applicant);
        await applicant.Context.CloseAsync();

        var again = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(again, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await again.GetByTestId("nav-Nav_Organizations").ClickAsync();
        await Expect(again.GetByTestId("reject-" + number)).ToBeVisibleAsync();
        await Expect(again.GetByTestId("asked-again-" + number)).ToContainTextAsync(reason);
        await again.Context.CloseAsync();
    }
}
