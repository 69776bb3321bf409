using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Organizations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace GrantPortal.IntegrationTests.Organizations;

public abstract class OrganizationVerificationTests : ProviderTest
{
    private static readonly CurrentUser Officer = new("officer-1", "Park Officer", null, new HashSet<string> { Roles.ProgramOfficer });
    private static readonly CurrentUser Applicant = new("applicant-1", "Kim Applicant", 1, new HashSet<string> { Roles.Applicant });

    protected OrganizationVerificationTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private VerifyOrganization Verification => Host.Services.GetRequiredService<VerifyOrganization>();

    private OrganizationQueries Organizations => Host.Services.GetRequiredService<OrganizationQueries>();

    private async Task<int> RegisterAsync(string name, string number)
    {
        await using var db = await Host.CreateDbContextAsync();
        var organization = Organization.Register(name, name + " 한국어", number, OrganizationType.IncorporatedAssociation, "Contact", "contact@" + number + ".example", Host.Clock.GetCurrentInstant());
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        Host.Clock.AdvanceMinutes(1);
        return organization.Id;
    }

    [Fact]
    public async Task Pending_organizations_come_first()
    {
        var verified = await RegisterAsync("Early Verified", "1018200013");
        var pending = await RegisterAsync("Waiting", "1018200027");
        await Verification.VerifyAsync(Officer, verified, CancellationToken.None);

        var list = await Organizations.ListToVerifyAsync(Officer, null, CancellationToken.None);

        Assert.Equal([pending, verified], list.Select(o => o.Id));
        Assert.Equal([pending], (await Organizations.ListToVerifyAsync(Officer, VerificationState.Pending, CancellationToken.None)).Select(o => o.Id));
    }

    [Fact]
    public async Task Verify_lets_the_organization_submit_and_is_audited()
    {
        var id = await RegisterAsync("Open Doors Korea", "1018200032");

        var result = await Verification.VerifyAsync(Officer, id, CancellationToken.None);

        Assert.True(result.Succeeded);
        await using var db = await Host.CreateDbContextAsync();
        var organization = await db.Organizations.SingleAsync(o => o.Id == id);
        Assert.True(organization.CanSubmitApplications);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "organization.verified");
        Assert.Equal(Officer.UserId, audit.ActorId);
        Assert.Contains("Pending", audit.Before, StringComparison.Ordinal);
        Assert.Contains("Verified", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_records_the_reason_the_applicant_sees_and_is_audited()
    {
        var id = await RegisterAsync("Hana Forum", "1018200046");

        var result = await Verification.RejectAsync(Officer, id, "The registration certificate is unreadable.", CancellationToken.None);

        Assert.True(result.Succeeded);
        await using var db = await Host.CreateDbContextAsync();
        var organization = await db.Organizations.SingleAsync(o => o.Id == id);
        Assert.Equal(VerificationState.Rejected, organization.Verification);
        Assert.Equal("The registration certificate is unreadable.", organization.RejectionReason);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "organization.rejected");
        Assert.Equal("The registration certificate is unreadable.", audit.Reason);
    }

    [Fact]
    public async Task Members_are_told_of_a_rejection_by_mail_each_in_their_own_language()
    {
        var id = await RegisterAsync("Hana Forum", "1018200070");
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            foreach (var (email, language, password) in new[] { ("kim@hana.example", "ko", "a long passphrase of mine"), ("lee@hana.example", "en", "a long passphrase of mine"), ("invited@hana.example", "en", null) })
            {
                var user = new PortalUser { UserName = email, Email = email, DisplayName = email[..3], PreferredLanguage = language, OrganizationId = id, CreatedAt = Host.Clock.GetCurrentInstant() };
                Assert.True((password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password)).Succeeded);
            }
        });

        Assert.True((await Verification.RejectAsync(Officer, id, "The certificate is unreadable.", CancellationToken.None)).Succeeded);

        var mails = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(Host.MailPickupDirectory, "*.eml"))
        {
            mails.Add(await MimeMessage.LoadAsync(file));
        }

        Assert.Equal(["kim@hana.example", "lee@hana.example"], mails.SelectMany(m => m.To.Mailboxes).Select(m => m.Address).Order(StringComparer.Ordinal));
        var english = mails.Single(m => m.To.Mailboxes.Single().Address == "lee@hana.example");
        Assert.Equal("Hana Forum: registration not accepted on GrantPortal", english.Subject);
        Assert.Contains("The certificate is unreadable.", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("My organization: http://localhost:5000/organization", english.TextBody, StringComparison.Ordinal);
        Assert.Equal("GrantPortal: Hana Forum 한국어 단체 등록 미승인", mails.Single(m => m.To.Mailboxes.Single().Address == "kim@hana.example").Subject);
    }

    [Fact]
    public async Task Verification_mail_links_to_the_dashboard()
    {
        var id = await RegisterAsync("Open Window", "1018200008");
        await Host.InScopeAsync(async services =>
        {
            var user = new PortalUser { UserName = "park@window.example", Email = "park@window.example", DisplayName = "Park", PreferredLanguage = "en", OrganizationId = id, CreatedAt = Host.Clock.GetCurrentInstant() };
            Assert.True((await services.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, "a long passphrase of mine")).Succeeded);
        });

        Assert.True((await Verification.VerifyAsync(Officer, id, CancellationToken.None)).Succeeded);

        var mail = Assert.Single(await Mail.ReadAllAsync(Host.MailPickupDirectory));
        Assert.Equal("Open Window is verified on GrantPortal", mail.Subject);
        Assert.Contains("Your dashboard: http://localhost:5000/", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_without_a_reason_is_refused()
    {
        var id = await RegisterAsync("Hana Forum", "1018200051");

        var result = await Verification.RejectAsync(Officer, id, "  ", CancellationToken.None);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("Give a reason the organization can read.", Assert.Single(result.Errors).Message);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(VerificationState.Pending, (await db.Organizations.SingleAsync(o => o.Id == id)).Verification);
    }

    [Fact]
    public async Task Non_officer_cannot_list_or_decide()
    {
        var id = await RegisterAsync("Hana Forum", "1018200065");

        Assert.Empty(await Organizations.ListToVerifyAsync(Applicant, null, CancellationToken.None));
        var result = await Verification.VerifyAsync(Applicant, id, CancellationToken.None);

        Assert.Equal(Outcome.NotFound, result.Outcome);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(VerificationState.Pending, (await db.Organizations.SingleAsync(o => o.Id == id)).Verification);
        Assert.False(await db.AuditEvents.AnyAsync());
    }
}

public sealed class OrganizationVerificationTests_on_Sqlite : OrganizationVerificationTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class OrganizationVerificationTests_on_PostgreSql(PostgresCluster cluster) : OrganizationVerificationTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
