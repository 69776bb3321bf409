using System.Text.RegularExpressions;
using GrantPortal.Demo;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>The mails that let a person choose a password: a staff invitation and "forgot your password".</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PasswordMailTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Administrator_invites_a_reviewer_who_sets_a_password_from_the_mail_and_signs_in()
    {
        var email = $"invited-{Guid.NewGuid():N}@reviewers.example";
        var admin = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(admin, DemoAccounts.Administrator.Email, DemoAccounts.Password);
        await admin.GetByTestId("nav-Nav_Admin").ClickAsync();

        await admin.GetByTestId("staff-invite").ClickAsync();
        await admin.Locator("[data-testid=staff-email] input, input[data-testid=staff-email]").First.FillAsync(email);
        await admin.Locator("[data-testid=staff-name] input, input[data-testid=staff-name]").First.FillAsync("정심사");
        await admin.GetByTestId("staff-save").ClickAsync();
        await Expect(admin.GetByTestId("staff-roles-error")).ToHaveTextAsync("역할을 하나 이상 고르세요: 심사위원, 사업 담당자, 재무 담당자, 관리자.");
        await admin.GetByTestId("staff-role-Reviewer").ClickAsync();
        await admin.GetByTestId("staff-save").ClickAsync();
        await Expect(admin.GetByTestId("staff-message")).ToHaveTextAsync("초대를 보냈습니다. 받은 사람이 메일의 링크에서 비밀번호를 정합니다.");
        await admin.Context.CloseAsync();

        var link = await InvitationPathAsync(fixture.Server.MailFolder, email);
        var invited = await fixture.NewPageAsync("ko-KR");
        await invited.GotoAsync(link);
        await invited.FillAsync("#set-password", "a long passphrase of mine");
        await invited.FillAsync("#set-confirm", "a long passphrase of mine");
        await invited.GetByTestId("set-password-submit").ClickAsync();
        await Expect(invited.GetByTestId("password-set")).ToBeVisibleAsync();

        await SignInTests.SignInAsync(invited, email, "a long passphrase of mine");
        await Expect(invited.GetByTestId("dashboard-reviewer")).ToBeVisibleAsync();

        // The link is spent.
        await invited.GotoAsync(link);
        await invited.FillAsync("#set-password", "another long passphrase");
        await invited.FillAsync("#set-confirm", "another long passphrase");
        await invited.GetByTestId("set-password-submit").ClickAsync();
        await Expect(invited.GetByTestId("set-password-error")).ToHaveTextAsync("이 링크는 만료되었거나 이미 사용되었습니다. 관리자에게 새 초대를 요청하세요.");
        await invited.Context.CloseAsync();
    }

    [Fact]
    public async Task Applicant_who_forgot_the_password_chooses_a_new_one_from_the_mail()
    {
        var email = $"forgot-{Guid.NewGuid():N}@example.org";
        var registering = await fixture.NewPageAsync("en-US");
        await registering.GotoAsync("/Account/Register");
        await SignInTests.RegisterAsync(registering, email, SignInTests.UniqueRegistrationNumber());
        await Expect(registering.Locator("h1")).ToHaveTextAsync("Dashboard");
        await registering.Context.CloseAsync();

        var page = await fixture.NewPageAsync("en-US");
        await page.GotoAsync("/Account/Login");
        await page.GetByTestId("forgot-link").ClickAsync();
        await page.FillAsync("#forgot-email", email);
        await page.GetByTestId("forgot-submit").ClickAsync();
        await Expect(page.GetByTestId("forgot-sent")).ToContainTextAsync("If an account exists for that address");

        await page.GotoAsync(await InvitationPathAsync(fixture.Server.MailFolder, email));
        await page.FillAsync("#set-password", "my brand new passphrase");
        await page.FillAsync("#set-confirm", "my brand new passphrase");
        await page.GetByTestId("set-password-submit").ClickAsync();
        await Expect(page.GetByTestId("password-set")).ToBeVisibleAsync();
        await SignInTests.SignInAsync(page, email, "my brand new passphrase");
        await Expect(page.GetByTestId("dashboard-applicant")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>The set-password address from the mail (an invitation or a reset) in the mail folder, relative to whatever port the test server has.</summary>
    /// <remarks>The outbox job sends the mail a moment after the change that recorded it, so the folder is read until it arrives.</remarks>
    internal static async Task<string> InvitationPathAsync(string mailFolder, string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            foreach (var file in Directory.Exists(mailFolder) ? Directory.GetFiles(mailFolder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == email))
                {
                    var match = LinkPattern().Match(message.TextBody ?? "");
                    Assert.True(match.Success, message.TextBody);
                    return match.Groups["path"].Value;
                }
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        throw new InvalidOperationException("No set-password mail was written for " + email + " within 30 s.");
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/Account/SetPassword\?\S+)")]
    private static partial Regex LinkPattern();
}
