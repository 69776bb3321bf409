using System.Text.RegularExpressions;
using GrantPortal.Core.Accounts;
using GrantPortal.Demo;
using GrantPortal.Core.Organizations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class SignInTests(BrowserFixture fixture)
{
    internal const string TestPassword = "correct horse battery staple";

    public static TheoryData<string, string> DemoAccountDashboards => new()
    {
        { DemoAccounts.Applicant1.Email, "dashboard-applicant" },
        { DemoAccounts.Applicant2.Email, "dashboard-applicant" },
        { DemoAccounts.Reviewer1.Email, "dashboard-reviewer" },
        { DemoAccounts.Reviewer2.Email, "dashboard-reviewer" },
        { DemoAccounts.Officer.Email, "dashboard-officer" },
        { DemoAccounts.Finance1.Email, "dashboard-finance" },
        { DemoAccounts.Finance2.Email, "dashboard-finance" },
        { DemoAccounts.Administrator.Email, "dashboard-administrator" },
    };

    [Theory]
    [MemberData(nameof(DemoAccountDashboards))]
    public async Task Each_demo_account_signs_in_and_lands_on_its_dashboard(string email, string dashboard)
    {
        var page = await fixture.NewPageAsync();

        await SignInAsync(page, email, DemoAccounts.Password);

        await Expect(page.GetByTestId(dashboard)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).Not.ToBeEmptyAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Login_page_lists_the_demo_accounts_in_development()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/Account/Login");

        foreach (var account in DemoAccounts.All)
        {
            await Expect(page.Locator("table")).ToContainTextAsync(account.Email);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Korean_browser_gets_the_korean_sign_in_page_and_a_korean_error()
    {
        var page = await fixture.NewPageAsync("ko-KR");

        await page.GotoAsync("/Account/Login");
        await Expect(page.Locator("h1")).ToHaveTextAsync("로그인");
        await page.FillAsync("#login-email", DemoAccounts.Reviewer2.Email);
        await page.FillAsync("#login-password", "not-the-password");
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("이메일 또는 비밀번호가 올바르지 않습니다");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Fifth_wrong_password_locks_the_account_and_the_sixth_attempt_is_told_so()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Register");
        var email = $"lockout-{Guid.NewGuid():N}@example.org";
        await RegisterAsync(page, email, UniqueRegistrationNumber());
        await page.Context.CloseAsync();

        var attacker = await fixture.NewPageAsync();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await attacker.GotoAsync("/Account/Login");
            await attacker.FillAsync("#login-email", email);
            await attacker.FillAsync("#login-password", $"wrong password {attempt}");
            await attacker.GetByTestId("login-submit").ClickAsync();
            var error = attacker.GetByTestId("login-error");
            if (attempt < 5)
            {
                await Expect(error).ToContainTextAsync("incorrect");
            }
            else
            {
                await Expect(error).ToContainTextAsync("locked");
            }
        }

        // Even the right password is refused while the lock lasts.
        await attacker.GotoAsync("/Account/Login");
        await attacker.FillAsync("#login-email", email);
        await attacker.FillAsync("#login-password", TestPassword);
        await attacker.GetByTestId("login-submit").ClickAsync();
        await Expect(attacker.GetByTestId("login-error")).ToContainTextAsync("locked");
        await attacker.Context.CloseAsync();
    }

    [Fact]
    public async Task Registration_with_bad_input_explains_each_field_in_korean()
    {
        var page = await fixture.NewPageAsync("ko-KR");
        await page.GotoAsync("/Account/Register");

        await page.FillAsync("#reg-org-ko", "시험 단체");
        await page.FillAsync("#reg-org-en", "Test Organization");
        await page.FillAsync("#reg-number", "12345");
        await page.FillAsync("#reg-contact", "홍길동");
        await page.FillAsync("#reg-email", "not-an-email");
        await page.FillAsync("#reg-password", "short");
        await page.FillAsync("#reg-confirm", "short");
        await page.GetByTestId("register-submit").ClickAsync();

        await Expect(page.GetByTestId("error-RegistrationNumber")).ToContainTextAsync("숫자 10자리");
        await Expect(page.GetByTestId("error-Email")).ToContainTextAsync("올바른 이메일 주소");
        await Expect(page.GetByTestId("error-Password")).ToContainTextAsync("12자 이상");
        await Expect(page.GetByTestId("register-errors")).ToHaveTextAsync("아래 표시된 항목 3개를 확인해 주세요.");
        await Expect(page.Locator("#reg-org-ko")).ToHaveValueAsync("시험 단체");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Registration_keeps_what_was_typed_across_a_language_switch_and_refuses_a_number_whose_check_digit_is_wrong()
    {
        var email = $"switching-{Guid.NewGuid():N}@example.org";
        var page = await fixture.NewPageAsync("ko-KR");
        await page.GotoAsync("/Account/Register");
        await page.FillAsync("#reg-org-ko", "함께 걷는 인권연대");
        await page.FillAsync("#reg-number", "220-82-12345");
        await page.FillAsync("#reg-contact", "김민지");
        await page.FillAsync("#reg-email", email);
        await page.FillAsync("#reg-phone", "02-123-4567");
        await page.FillAsync("#reg-password", TestPassword);

        await page.GetByTestId("lang-en").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Register your organization");
        await Expect(page.Locator("#reg-org-ko")).ToHaveValueAsync("함께 걷는 인권연대");
        await Expect(page.Locator("#reg-number")).ToHaveValueAsync("220-82-12345");
        await Expect(page.Locator("#reg-contact")).ToHaveValueAsync("김민지");
        await Expect(page.Locator("#reg-email")).ToHaveValueAsync(email);
        await Expect(page.Locator("#reg-phone")).ToHaveValueAsync("02-123-4567");
        await Expect(page.Locator("#reg-password")).ToHaveValueAsync("");
        await Expect(page.GetByTestId("register-errors")).ToHaveCountAsync(0);

        // No English name: it is optional. The number's last digit does not add up, and that is the one thing to fix.
        await page.FillAsync("#reg-password", TestPassword);
        await page.FillAsync("#reg-confirm", TestPassword);
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page.GetByTestId("error-RegistrationNumber")).ToContainTextAsync("check digit");
        await Expect(page.GetByTestId("register-errors")).ToHaveTextAsync("Please correct the marked field below.");

        await page.FillAsync("#reg-number", UniqueRegistrationNumber());
        await page.FillAsync("#reg-password", TestPassword);
        await page.FillAsync("#reg-confirm", TestPassword);
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page.GetByTestId("registered-notice")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dashboard-applicant")).ToContainTextAsync("함께 걷는 인권연대");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Registering_a_number_that_is_already_registered_is_refused()
    {
        var number = UniqueRegistrationNumber();
        var first = await fixture.NewPageAsync();
        await first.GotoAsync("/Account/Register");
        await RegisterAsync(first, $"first-{Guid.NewGuid():N}@example.org", number);
        await Expect(first.GetByTestId("registered-notice")).ToBeVisibleAsync();
        await first.Context.CloseAsync();

        var second = await fixture.NewPageAsync();
        await second.GotoAsync("/Account/Register");
        await RegisterAsync(second, $"second-{Guid.NewGuid():N}@example.org", number);

        await Expect(second.GetByTestId("error-RegistrationNumber")).ToContainTextAsync("already registered");
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task Registered_organization_waits_for_verification()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Register");

        await RegisterAsync(page, $"new-{Guid.NewGuid():N}@example.org", UniqueRegistrationNumber());

        await Expect(page.GetByTestId("dashboard-applicant")).ToContainTextAsync("awaiting verification");
        await page.Context.CloseAsync();
    }

    internal static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(DashboardUrl());
        await WaitUntilInteractiveAsync(page);
    }

    /// <summary>Signs in a staff member who has two-factor on: the password, then a code computed from their shared key.</summary>
    internal static async Task SignInWithCodeAsync(IPage page, string email, string password, string sharedKey)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Account/LoginWith2fa"));
        await page.FillAsync("#two-factor-code", await GrantPortal.Testing.Totp.FreshCodeAsync(sharedKey));
        await page.GetByTestId("two-factor-submit").ClickAsync();
        await page.WaitForURLAsync(DashboardUrl());
        await WaitUntilInteractiveAsync(page);
    }

    /// <summary>
    /// The page is prerendered first; clicks count only once the Blazor circuit has taken over. A public page a visitor
    /// gets static ("static") has no circuit to wait for: its links work as soon as it is shown.
    /// </summary>
    internal static Task WaitUntilInteractiveAsync(IPage page) =>
        Expect(page.Locator("[data-interactive=true], [data-interactive=static]")).ToBeAttachedAsync(new() { Timeout = 20_000 });

    /// <summary>Fills and posts the registration form of an already opened /Account/Register.</summary>
    internal static async Task RegisterAsync(IPage page, string email, string registrationNumber)
    {
        await page.FillAsync("#reg-org-ko", "함께 걷는 인권연대");
        await page.FillAsync("#reg-org-en", "Walking Together Rights Network");
        await page.FillAsync("#reg-number", registrationNumber);
        await page.FillAsync("#reg-contact", "Kim Minji");
        await page.FillAsync("#reg-email", email);
        await page.FillAsync("#reg-phone", "02-123-4567");
        await page.FillAsync("#reg-password", TestPassword);
        await page.FillAsync("#reg-confirm", TestPassword);
        await page.GetByTestId("register-submit").ClickAsync();
    }

    /// <summary>Nine random digits and the check digit they call for, as a real registration number has.</summary>
    internal static string UniqueRegistrationNumber() =>
        RegistrationNumberCheck.Complete(string.Concat(Guid.NewGuid().ToByteArray().Take(9).Select(b => (char)('0' + (b % 10)))));

    [GeneratedRegex(@"/(\?.*)?$")]
    private static partial Regex DashboardUrl();
}
