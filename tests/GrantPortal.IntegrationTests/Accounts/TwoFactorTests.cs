using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.IntegrationTests.Infrastructure;
using GrantPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace GrantPortal.IntegrationTests.Accounts;

/// <summary>Two-factor sign-in on Identity's authenticator provider and recovery codes, with codes computed as an app would.</summary>
public abstract class TwoFactorTests : ProviderTest
{
    private static readonly CurrentUser Admin = new("admin-1", "Han Admin", null, new HashSet<string> { Roles.Administrator });

    protected TwoFactorTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private TwoFactorEnrollment Enrollment => Host.Services.GetRequiredService<TwoFactorEnrollment>();

    private ResetTwoFactor Reset => Host.Services.GetRequiredService<ResetTwoFactor>();

    private async Task<CurrentUser> CreateAsync(string email, string role, string language = "en")
    {
        string id = "";
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Jung " + role, PreferredLanguage = language, CreatedAt = Host.Clock.GetCurrentInstant() };
            Assert.True((await users.CreateAsync(user, "a long passphrase of mine")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            id = user.Id;
        });
        return new CurrentUser(id, "Jung " + role, null, new HashSet<string> { role });
    }

    private async Task<T> WithUsersAsync<T>(string userId, Func<UserManager<PortalUser>, PortalUser, Task<T>> work)
    {
        T answer = default!;
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            answer = await work(users, (await users.FindByIdAsync(userId))!);
        });
        return answer;
    }

    private async Task<IReadOnlyList<string>> EnrollAsync(CurrentUser person)
    {
        var setup = await Enrollment.AuthenticatorAsync(person);
        var enabled = await Enrollment.EnableAsync(person, await Totp.FreshCodeAsync(setup!.SharedKey));
        Assert.Equal(Outcome.Done, enabled.Outcome);
        return enabled.Value!;
    }

    [Theory]
    [InlineData(Roles.Finance, true)]
    [InlineData(Roles.ProgramOfficer, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Reviewer, false)]
    [InlineData(Roles.Applicant, false)]
    public async Task Two_factor_is_required_for_finance_officers_and_administrators_and_optional_for_the_rest(string role, bool required)
    {
        var person = await CreateAsync($"{role.ToLowerInvariant()}@ministry.example", role);

        var status = await Enrollment.StatusAsync(person);

        Assert.Equal(required, status!.Required);
        Assert.False(status.Enabled);
    }

    [Fact]
    public async Task Finance_user_turns_it_on_with_a_code_from_the_shared_key_and_each_recovery_code_works_once()
    {
        var finance = await CreateAsync("finance@ministry.example", Roles.Finance);
        var setup = await Enrollment.AuthenticatorAsync(finance);
        Assert.StartsWith("otpauth://totp/GrantPortal:finance%40ministry.example?secret=", setup!.Address, StringComparison.Ordinal);

        var wrong = await Enrollment.EnableAsync(finance, "000000" == Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow) ? "111111" : "000000");
        var empty = await Enrollment.EnableAsync(finance, " ");
        Assert.Equal("That code is not right, or it was already used. Wait for the app to show a new code and enter it.", Assert.Single(wrong.Errors).Message);
        Assert.Equal("Code", Assert.Single(empty.Errors).Field);
        Assert.False((await Enrollment.StatusAsync(finance))!.Enabled);

        var codes = await EnrollAsync(finance);

        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(new TwoFactorStatus(true, true, 10), await Enrollment.StatusAsync(finance));
        var first = await WithUsersAsync(finance.UserId, (users, user) => users.RedeemTwoFactorRecoveryCodeAsync(user, codes[0]));
        var again = await WithUsersAsync(finance.UserId, (users, user) => users.RedeemTwoFactorRecoveryCodeAsync(user, codes[0]));
        Assert.True(first.Succeeded);
        Assert.False(again.Succeeded);
        Assert.Equal(9, (await Enrollment.StatusAsync(finance))!.RecoveryCodesLeft);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.UserTwoFactorEnabled && e.EntityId == finance.UserId));
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_once_and_refused_when_presented_again()
    {
        var officer = await CreateAsync("officer@ministry.example", Roles.ProgramOfficer);
        var setup = await Enrollment.AuthenticatorAsync(officer);
        var spent = await Totp.FreshCodeAsync(setup!.SharedKey);
        Assert.Equal(Outcome.Done, (await Enrollment.EnableAsync(officer, spent)).Outcome);

        // The previous 30-second step's code is still inside Identity's window, and has not been used.
        var previous = Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow.AddSeconds(-30));
        var provider = SingleUseAuthenticatorTokenProvider.ProviderName;
        var replayed = await WithUsersAsync(officer.UserId, (users, user) => users.VerifyTwoFactorTokenAsync(user, provider, spent));
        var unused = await WithUsersAsync(officer.UserId, (users, user) => users.VerifyTwoFactorTokenAsync(user, provider, previous));
        var unusedAgain = await WithUsersAsync(officer.UserId, (users, user) => users.VerifyTwoFactorTokenAsync(user, provider, previous));

        Assert.False(replayed);
        Assert.True(unused);
        Assert.False(unusedAgain);
    }

    [Fact]
    public async Task Required_staff_cannot_turn_it_off_but_a_reviewer_can()
    {
        var finance = await CreateAsync("finance@ministry.example", Roles.Finance);
        var reviewer = await CreateAsync("reviewer@experts.example", Roles.Reviewer);
        await EnrollAsync(finance);
        var reviewerCodes = await EnrollAsync(reviewer);

        var refused = await Enrollment.DisableAsync(finance);
        var turnedOff = await Enrollment.DisableAsync(reviewer);

        Assert.Equal(Outcome.Refused, refused.Outcome);
        Assert.Equal("Your role requires two-factor sign-in, so it cannot be turned off.", refused.Message);
        Assert.True((await Enrollment.StatusAsync(finance))!.Enabled);
        Assert.Equal(Outcome.Done, turnedOff.Outcome);
        Assert.False((await Enrollment.StatusAsync(reviewer))!.Enabled);
        Assert.False((await WithUsersAsync(reviewer.UserId, (users, user) => users.RedeemTwoFactorRecoveryCodeAsync(user, reviewerCodes[0]))).Succeeded);
    }

    [Fact]
    public async Task Administrator_resets_a_persons_two_factor_with_a_reason_that_is_audited_and_mailed_in_their_language()
    {
        var finance = await CreateAsync("finance@ministry.example", Roles.Finance, language: "ko");
        var codes = await EnrollAsync(finance);
        var stampBefore = await WithUsersAsync(finance.UserId, (users, user) => users.GetSecurityStampAsync(user));

        var byOfficer = await Reset.ResetAsync(new CurrentUser("officer-1", "Park", null, new HashSet<string> { Roles.ProgramOfficer }), finance.UserId, "lost phone");
        var withoutReason = await Reset.ResetAsync(Admin, finance.UserId, "  ");
        var reset = await Reset.ResetAsync(Admin, finance.UserId, "Lost phone, confirmed by call");
        var twice = await Reset.ResetAsync(Admin, finance.UserId, "again");

        Assert.Equal(Outcome.NotFound, byOfficer.Outcome);
        Assert.Equal("Reason", Assert.Single(withoutReason.Errors).Field);
        Assert.Equal(Outcome.Done, reset.Outcome);
        Assert.Equal(Outcome.Refused, twice.Outcome);
        Assert.Equal(new TwoFactorStatus(false, true, 0), await Enrollment.StatusAsync(finance));
        Assert.NotEqual(stampBefore, await WithUsersAsync(finance.UserId, (users, user) => users.GetSecurityStampAsync(user)));
        Assert.False((await WithUsersAsync(finance.UserId, (users, user) => users.RedeemTwoFactorRecoveryCodeAsync(user, codes[1]))).Succeeded);

        await using var db = await Host.CreateDbContextAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.UserTwoFactorReset);
        Assert.Equal((finance.UserId, "Lost phone, confirmed by call", "admin-1"), (audit.EntityId, audit.Reason, audit.ActorId));
        var mail = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(Host.MailPickupDirectory, "*.eml")));
        Assert.Equal("GrantPortal 2단계 인증이 초기화되었습니다", mail.Subject);
        Assert.Equal("finance@ministry.example", mail.To.Mailboxes.Single().Address);
        Assert.Contains("사유: Lost phone, confirmed by call", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_cannot_reset_their_own_two_factor()
    {
        var admin = await CreateAsync("admin@ministry.example", Roles.Administrator);
        await EnrollAsync(admin);

        var own = await Reset.ResetAsync(admin, admin.UserId, "lost my phone");

        Assert.Equal("Another administrator must reset your own two-factor sign-in.", own.Message);
        Assert.True((await Enrollment.StatusAsync(admin))!.Enabled);
    }
}

public sealed class TwoFactorTests_on_Sqlite : TwoFactorTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class TwoFactorTests_on_PostgreSql(PostgresCluster cluster) : TwoFactorTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
