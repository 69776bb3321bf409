using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;

namespace GrantPortal.IntegrationTests.Accounts;

public abstract class PasswordResetTests : ProviderTest
{
    private const string OldPassword = "the passphrase I forgot";

    protected PasswordResetTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private PasswordLinks Links => Host.Services.GetRequiredService<PasswordLinks>();

    private async Task<string> AccountAsync(string email, string language)
    {
        var id = "";
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, DisplayName = "김민지", PreferredLanguage = language, CreatedAt = Host.Clock.GetCurrentInstant() };
            Assert.True((await users.CreateAsync(user, OldPassword)).Succeeded);
            id = user.Id;
        });
        return id;
    }

    private string[] Mails() => Directory.Exists(Host.MailPickupDirectory) ? Directory.GetFiles(Host.MailPickupDirectory, "*.eml") : [];

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        var works = false;
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            works = await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
        });
        return works;
    }

    [Fact]
    public async Task Forgotten_password_link_arrives_in_korean_and_replaces_the_password()
    {
        var id = await AccountAsync("minji@walking.or.kr", "ko");

        await Links.RequestResetAsync("  minji@walking.or.kr ");

        var mail = await MimeMessage.LoadAsync(Assert.Single(Mails()));
        Assert.Equal("GrantPortal 비밀번호 재설정", mail.Subject);
        Assert.StartsWith("김민지 님,", mail.TextBody, StringComparison.Ordinal);
        var (user, code) = SetPasswordLink.Read(mail);
        Assert.Equal(id, user);
        var set = await Links.SetPasswordAsync(id, code, "a new long passphrase", "a new long passphrase");
        Assert.True(set.Succeeded);
        Assert.True(await PasswordWorksAsync("minji@walking.or.kr", "a new long passphrase"));
        Assert.False(await PasswordWorksAsync("minji@walking.or.kr", OldPassword));
    }

    [Fact]
    public async Task Unknown_address_gets_no_mail_and_no_error()
    {
        await AccountAsync("minji@walking.or.kr", "ko");

        await Links.RequestResetAsync("nobody@walking.or.kr");
        await Links.RequestResetAsync("");

        Assert.Empty(Mails());
    }

    [Fact]
    public async Task Repeated_requests_send_one_mail_per_five_minutes()
    {
        await AccountAsync("minji@walking.or.kr", "en");

        await Links.RequestResetAsync("minji@walking.or.kr");
        await Links.RequestResetAsync("minji@walking.or.kr");
        Host.Clock.Advance(Duration.FromMinutes(4));
        await Links.RequestResetAsync("minji@walking.or.kr");
        Assert.Single(Mails());

        Host.Clock.Advance(Duration.FromMinutes(2));
        await Links.RequestResetAsync("minji@walking.or.kr");

        Assert.Equal(2, Mails().Length);
        Assert.All(Mails(), file => Assert.Equal("Choose a new GrantPortal password", MimeMessage.Load(file).Subject));
        Assert.True(await PasswordWorksAsync("minji@walking.or.kr", OldPassword));
    }

}

public sealed class PasswordResetTests_on_Sqlite : PasswordResetTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PasswordResetTests_on_PostgreSql(PostgresCluster cluster) : PasswordResetTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
