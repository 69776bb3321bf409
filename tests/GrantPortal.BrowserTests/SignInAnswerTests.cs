using System.Diagnostics;
using System.Net;
using GrantPortal.Core.Accounts;
using GrantPortal.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.BrowserTests;

/// <summary>
/// The real portal with one locked account (Reviewer2) and one removed member (Applicant2), and limits high enough
/// that a test can try as often as it needs to.
/// </summary>
public sealed class SignInAnswersPortal : IAsyncLifetime
{
    public static readonly string Locked = DemoAccounts.Reviewer2.Email;
    public static readonly string Removed = DemoAccounts.Applicant2.Email;
    public static readonly string Known = DemoAccounts.Reviewer1.Email;

    public PortalServer Server { get; } = new(settings: new Dictionary<string, string>
    {
        ["RateLimits:SignIn:PermitLimit"] = "1000",
        ["RateLimits:SignInPerAccount:PermitLimit"] = "1000",
        ["RateLimits:PasswordLinks:PermitLimit"] = "1000",
    });

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        await WithUserAsync(Locked, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddDays(1)));
        await WithUserAsync(Removed, (users, user) =>
        {
            user.RemovedAt = SystemClock.Instance.GetCurrentInstant();
            return users.UpdateAsync(user);
        });
    }

    /// <summary>Five wrong passwords would lock the known account; a test that needs many wrong tries clears the count between them.</summary>
    public Task ForgetFailuresAsync(string email) => WithUserAsync(email, (users, user) => users.ResetAccessFailedCountAsync(user));

    public async Task DisposeAsync() => await Server.DisposeAsync();

    private async Task WithUserAsync(string email, Func<UserManager<PortalUser>, PortalUser, Task<IdentityResult>> change)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email + " is not in the demo data.");
        Assert.True((await change(users, user)).Succeeded);
    }
}

public sealed class SignInAnswerTests(SignInAnswersPortal portal) : IClassFixture<SignInAnswersPortal>
{
    private const string WrongPassword = "surely not the password";

    private async Task<(HttpStatusCode Status, string Page, IReadOnlyList<string> Cookies)> SignInAsync(string email, string password)
    {
        using var visitor = new FormClient(portal.Server.BaseAddress);
        var response = await visitor.PostAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return (response.StatusCode, FormClient.WithoutTokenAndInput(await response.Content.ReadAsStringAsync(), email), FormClient.CookieNames(response));
    }

    [Fact]
    public async Task Unknown_address_wrong_password_locked_account_and_removed_member_get_the_same_answer()
    {
        var unknown = await SignInAsync($"nobody-{Guid.NewGuid():N}@example.org", WrongPassword);
        var wrong = await SignInAsync(SignInAnswersPortal.Known, WrongPassword);
        await portal.ForgetFailuresAsync(SignInAnswersPortal.Known);
        var locked = await SignInAsync(SignInAnswersPortal.Locked, WrongPassword);
        var removed = await SignInAsync(SignInAnswersPortal.Removed, WrongPassword);

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains("The email or password is incorrect, or the account is locked.", unknown.Page, StringComparison.Ordinal);
        Assert.DoesNotContain(unknown.Cookies, c => c.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal));
        AssertSameAnswer(unknown, wrong);
        AssertSameAnswer(unknown, locked);
        AssertSameAnswer(unknown, removed);
    }

    private static void AssertSameAnswer((HttpStatusCode Status, string Page, IReadOnlyList<string> Cookies) expected, (HttpStatusCode Status, string Page, IReadOnlyList<string> Cookies) actual)
    {
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Page, actual.Page);
        Assert.Equal(expected.Cookies, actual.Cookies);
    }

    [Fact]
    public async Task Locked_account_answers_as_a_wrong_password_even_with_the_right_one()
    {
        var locked = await SignInAsync(SignInAnswersPortal.Locked, DemoAccounts.Password);
        var unknown = await SignInAsync($"nobody-{Guid.NewGuid():N}@example.org", DemoAccounts.Password);

        AssertSameAnswer(unknown, locked);
        Assert.DoesNotContain(".AspNetCore.Identity.Application", locked.Cookies);
    }

    [Fact]
    public async Task Removed_member_is_told_only_after_the_right_password()
    {
        var removed = await SignInAsync(SignInAnswersPortal.Removed, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Contains("This account no longer acts for its organization.", removed.Page, StringComparison.Ordinal);
        Assert.DoesNotContain(".AspNetCore.Identity.Application", removed.Cookies);
    }

    /// <summary>
    /// Loose on purpose: medians of interleaved tries, within a factor of two. Before the change an unknown address
    /// skipped the password hash and answered many times faster than a wrong password.
    /// </summary>
    [Fact]
    public async Task Unknown_address_takes_about_as_long_as_a_wrong_password()
    {
        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var round = 0; round < 14; round++)
        {
            var unknownTime = await TimeSignInAsync($"nobody-{round}@example.org");
            var wrongTime = await TimeSignInAsync(SignInAnswersPortal.Known);
            await portal.ForgetFailuresAsync(SignInAnswersPortal.Known);
            if (round >= 3)
            {
                unknown.Add(unknownTime);
                wrong.Add(wrongTime);
            }
        }

        var ratio = Median(unknown) / Median(wrong);
        Assert.True(ratio is > 0.5 and < 2, $"Median unknown {Median(unknown):F1} ms, wrong password {Median(wrong):F1} ms.");
    }

    [Fact]
    public async Task Forgot_password_answers_alike_for_an_account_and_a_stranger_and_mails_afterwards()
    {
        var known = DemoAccounts.Applicant1.Email;
        var stranger = $"stranger-{Guid.NewGuid():N}@example.org";
        using var first = new FormClient(portal.Server.BaseAddress);
        using var second = new FormClient(portal.Server.BaseAddress);

        var forKnown = await first.PostAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = known });
        var forStranger = await second.PostAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = stranger });

        Assert.Equal(HttpStatusCode.OK, forKnown.StatusCode);
        Assert.Equal(
            FormClient.WithoutTokenAndInput(await forStranger.Content.ReadAsStringAsync(), stranger),
            FormClient.WithoutTokenAndInput(await forKnown.Content.ReadAsStringAsync(), known));
        Assert.True(await MailArrivesAsync(known), "No reset mail reached the account holder within 30 s.");
    }

    private async Task<double> TimeSignInAsync(string email)
    {
        using var visitor = new FormClient(portal.Server.BaseAddress);
        var token = await visitor.TokenAsync("/Account/Login");
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = WrongPassword };
        var clock = Stopwatch.StartNew();
        var response = await visitor.PostAsync("/Account/Login", "login", fields, token);
        clock.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>A mail still being written is held open by the sender: it is read again on the next pass.</summary>
    private static bool Mentions(string file, string email)
    {
        try
        {
            return File.ReadAllText(file).Contains(email, StringComparison.OrdinalIgnoreCase);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private async Task<bool> MailArrivesAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var folder = portal.Server.MailFolder;
            if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml").Any(file => Mentions(file, email)))
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }
}
