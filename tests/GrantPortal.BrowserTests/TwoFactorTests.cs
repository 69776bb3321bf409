using System.Text.RegularExpressions;
using GrantPortal.Demo;
using GrantPortal.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>
/// A finance officer invited by the administrator must set up two-factor sign-in before anything else, then signs in
/// with codes an authenticator app would show (computed here from the shared key), a remembered browser, and a
/// recovery code that works once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TwoFactorTests(BrowserFixture fixture)
{
    private const string Password = "a long finance passphrase";

    [Fact]
    public async Task Finance_user_enrolls_signs_in_with_a_code_and_a_recovery_code_works_only_once()
    {
        var email = $"finance-{Guid.NewGuid():N}@ministry.example";
        await InviteFinanceUserAsync(email);
        var page = await fixture.NewPageAsync("en-US");
        await page.GotoAsync(await PasswordMailTests.InvitationPathAsync(fixture.Server.MailFolder, email));
        await page.FillAsync("#set-password", Password);
        await page.FillAsync("#set-confirm", Password);
        await page.GetByTestId("set-password-submit").ClickAsync();

        // Invited with Korean as the mail language, the person reads the portal in Korean once signed in.
        // Right after the password: the set-up, and nothing else until it is done.
        await SubmitPasswordAsync(page, email);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/TwoFactor/Setup$"));
        await Expect(page.GetByTestId("two-factor-required")).ToBeVisibleAsync();
        await page.GotoAsync("/disbursements");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/TwoFactor/Setup$"));

        await Expect(page.GetByTestId("two-factor-qr")).ToHaveAttributeAsync("src", new Regex("^data:image/png;base64,"));
        var key = (await page.GetByTestId("two-factor-key").TextContentAsync())!;
        await page.FillAsync("#two-factor-code", "123 456" == Totp.Code(key, DateTimeOffset.UtcNow) ? "654321" : "123456");
        await page.GetByTestId("two-factor-verify").ClickAsync();
        await Expect(page.GetByTestId("error-Code")).ToHaveTextAsync("코드가 맞지 않거나 이미 사용한 코드입니다. 앱에 새 코드가 나오면 입력하세요.");
        var enrolledWith = await Totp.FreshCodeAsync(key);
        await page.FillAsync("#two-factor-code", enrolledWith);
        await page.GetByTestId("two-factor-verify").ClickAsync();
        await Expect(page.GetByTestId("two-factor-enabled")).ToBeVisibleAsync();
        var recoveryCodes = await page.GetByTestId("recovery-codes").Locator("li").AllTextContentsAsync();
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        await page.GetByTestId("two-factor-continue").ClickAsync();
        await Expect(page.GetByTestId("dashboard-finance")).ToBeVisibleAsync();
        await SignOutAsync(page);

        // Password, then a code of a later step, and this browser is remembered.
        await SubmitPasswordAsync(page, email);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
        await page.FillAsync("#two-factor-code", await Totp.NextCodeAsync(key, enrolledWith));
        await page.GetByTestId("two-factor-remember").CheckAsync();
        await page.GetByTestId("two-factor-submit").ClickAsync();
        await Expect(page.GetByTestId("dashboard-finance")).ToBeVisibleAsync();
        await SignOutAsync(page);
        await SubmitPasswordAsync(page, email);
        await Expect(page.GetByTestId("dashboard-finance")).ToBeVisibleAsync();

        // Forgetting remembered browsers, from the profile: the code is asked again.
        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("nav-Nav_Profile").ClickAsync();
        await page.GetByTestId("profile-two-factor").ClickAsync();
        await Expect(page.GetByTestId("two-factor-status")).ToHaveTextAsync("2단계 인증을 사용하고 있습니다. 남은 복구 코드: 10개.");
        await page.GetByTestId("two-factor-forget").ClickAsync();
        await Expect(page.GetByTestId("two-factor-notice")).ToBeVisibleAsync();
        await page.GetByText("내 정보로 돌아가기").ClickAsync();
        await page.GetByText("대시보드로 돌아가기").ClickAsync();
        await Expect(page.GetByTestId("dashboard-finance")).ToBeVisibleAsync();
        await SignOutAsync(page);

        // No phone: a recovery code signs in once; the same code a second time is refused.
        await SignInWithRecoveryCodeAsync(page, email, recoveryCodes[0]);
        await Expect(page.GetByTestId("dashboard-finance")).ToBeVisibleAsync();
        await SignOutAsync(page);
        await SignInWithRecoveryCodeAsync(page, email, recoveryCodes[0]);
        await Expect(page.GetByTestId("error-Code")).ToHaveTextAsync("복구 코드가 맞지 않거나 이미 사용한 코드입니다.");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWithRecoveryCode"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Login_page_says_the_demo_accounts_skip_two_factor_in_development()
    {
        var page = await fixture.NewPageAsync("ko-KR");

        await page.GotoAsync("/Account/Login");

        await Expect(page.GetByTestId("demo-two-factor")).ToContainTextAsync("데모 계정이 2단계 인증 없이 로그인합니다");
        await page.Context.CloseAsync();
    }

    private async Task InviteFinanceUserAsync(string email)
    {
        var admin = await fixture.NewPageAsync("en-US");
        await SignInTests.SignInAsync(admin, DemoAccounts.Administrator.Email, DemoAccounts.Password);
        await admin.GetByTestId("nav-Nav_Admin").ClickAsync();
        await admin.GetByTestId("staff-invite").ClickAsync();
        await admin.Locator("[data-testid=staff-email] input, input[data-testid=staff-email]").First.FillAsync(email);
        await admin.Locator("[data-testid=staff-name] input, input[data-testid=staff-name]").First.FillAsync("Kang Finance");
        await admin.GetByTestId("staff-role-Finance").ClickAsync();
        await admin.GetByTestId("staff-save").ClickAsync();
        await Expect(admin.GetByTestId("staff-message")).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
    }

    private static async Task SubmitPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", Password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    private static async Task SignInWithRecoveryCodeAsync(IPage page, string email, string code)
    {
        await SubmitPasswordAsync(page, email);
        await page.GetByTestId("recovery-link").ClickAsync();
        await page.FillAsync("#recovery-code", code);
        await page.GetByTestId("recovery-submit").ClickAsync();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await SignInTests.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).Not.ToBeAttachedAsync();
    }
}
