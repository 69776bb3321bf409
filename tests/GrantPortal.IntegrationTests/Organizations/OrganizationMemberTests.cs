using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Organizations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace GrantPortal.IntegrationTests.Organizations;

public abstract class OrganizationMemberTests : ProviderTest
{
    private const string Passphrase = "a long passphrase of mine";

    protected OrganizationMemberTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private InviteMember Members => Host.Services.GetRequiredService<InviteMember>();

    private RemoveMember Removal => Host.Services.GetRequiredService<RemoveMember>();

    private OrganizationQueries Organizations => Host.Services.GetRequiredService<OrganizationQueries>();

    private PasswordLinks Links => Host.Services.GetRequiredService<PasswordLinks>();

    /// <summary>An organization and its first applicant, who has a password, as a signed-in person.</summary>
    private async Task<CurrentUser> FounderAsync(string number, string email)
    {
        int organizationId;
        await using (var db = await Host.CreateDbContextAsync())
        {
            var organization = Organization.Register("Hana Forum " + number, "하나포럼 " + number, number, OrganizationType.IncorporatedAssociation, "Kim Minji", email, Host.Clock.GetCurrentInstant());
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            organizationId = organization.Id;
        }

        string userId = "";
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, DisplayName = "Kim Minji", OrganizationId = organizationId, CreatedAt = Host.Clock.GetCurrentInstant() };
            Assert.True((await users.CreateAsync(user, Passphrase)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
            userId = user.Id;
        });
        Host.Clock.AdvanceMinutes(1);
        return new CurrentUser(userId, "Kim Minji", organizationId, new HashSet<string> { Roles.Applicant });
    }

    private static MemberInvitationForm Invitation(string email, string language = "ko") =>
        new() { DisplayName = "Lee Jiwoo", Email = email, PreferredLanguage = language };

    private async Task<MimeMessage> TakeOnlyMailAsync()
    {
        var file = Assert.Single(Directory.GetFiles(Host.MailPickupDirectory, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        File.Delete(file);
        return message;
    }

    /// <summary>What Identity's sign-in checks, in its order: the account may sign in, is not locked out, and the password is right.</summary>
    private async Task<bool> CanSignInAsync(string email, string password)
    {
        var can = false;
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var confirmation = services.GetRequiredService<IUserConfirmation<PortalUser>>();
            can = await confirmation.IsConfirmedAsync(users, user) && !await users.IsLockedOutAsync(user) && await users.CheckPasswordAsync(user, password);
        });
        return can;
    }

    [Fact]
    public async Task Applicant_invites_a_colleague_who_chooses_a_password_and_acts_for_the_same_organization()
    {
        var founder = await FounderAsync("1018200217", "kim@hanaforum.example");

        var invited = await Members.InviteAsync(founder, Invitation("lee@hanaforum.example"));

        Assert.Equal(Outcome.Done, invited.Outcome);
        var mail = await TakeOnlyMailAsync();
        Assert.Equal("하나포럼 1018200217 GrantPortal 초대", mail.Subject);
        Assert.Contains("Kim Minji 님이", mail.TextBody, StringComparison.Ordinal);
        var listed = await Organizations.ListMembersAsync(founder);
        Assert.Equal([("kim@hanaforum.example", false, true), ("lee@hanaforum.example", true, false)], listed.Select(m => (m.Email, m.Invited, m.IsYou)));

        var (userId, code) = SetPasswordLink.Read(mail);
        Assert.True((await Links.SetPasswordAsync(userId, code, Passphrase, Passphrase)).Succeeded);

        Assert.True(await CanSignInAsync("lee@hanaforum.example", Passphrase));
        Assert.DoesNotContain(await Organizations.ListMembersAsync(founder), m => m.Invited);
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var colleague = (await users.FindByIdAsync(userId))!;
            Assert.Equal(founder.OrganizationId, colleague.OrganizationId);
            Assert.Equal([Roles.Applicant], await users.GetRolesAsync(colleague));
        });
        await using var db = await Host.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "organization.member-invited" && e.ActorId == founder.UserId));
    }

    [Fact]
    public async Task Invitation_in_english_names_the_organization_in_english_and_a_resend_replaces_the_link()
    {
        var founder = await FounderAsync("1018200221", "kim@hanaforum22.example");
        await Members.InviteAsync(founder, Invitation("park@hanaforum22.example", "en"));
        var first = await TakeOnlyMailAsync();
        Assert.Equal("Invitation to GrantPortal for Hana Forum 1018200221", first.Subject);
        var (userId, firstCode) = SetPasswordLink.Read(first);

        Assert.Equal(Outcome.Done, (await Members.ResendAsync(founder, userId)).Outcome);
        var (_, secondCode) = SetPasswordLink.Read(await TakeOnlyMailAsync());

        Assert.True((await Links.SetPasswordAsync(userId, secondCode, Passphrase, Passphrase)).Succeeded);
        Assert.False((await Links.SetPasswordAsync(userId, firstCode, "someone else's passphrase", "someone else's passphrase")).Succeeded);
        Assert.Equal(Outcome.NotFound, (await Members.ResendAsync(founder, userId)).Outcome);
    }

    [Fact]
    public async Task Bad_or_taken_addresses_are_refused_with_a_reason_and_no_account_is_made()
    {
        var founder = await FounderAsync("1018200236", "kim@hanaforum23.example");

        var bad = await Members.InviteAsync(founder, new MemberInvitationForm { DisplayName = " ", Email = "lee at hanaforum" });
        var taken = await Members.InviteAsync(founder, Invitation("KIM@hanaforum23.example"));

        Assert.Equal([nameof(MemberInvitationForm.DisplayName), nameof(MemberInvitationForm.Email)], bad.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.StartsWith("KIM@hanaforum23.example already has a GrantPortal account.", Assert.Single(taken.Errors).Message, StringComparison.Ordinal);
        Assert.Single(await Organizations.ListMembersAsync(founder));
        Assert.Empty(Directory.Exists(Host.MailPickupDirectory) ? Directory.GetFiles(Host.MailPickupDirectory, "*.eml") : []);
    }

    [Fact]
    public async Task Removed_colleague_can_no_longer_sign_in_and_an_unaccepted_invitation_disappears()
    {
        var founder = await FounderAsync("1018200240", "kim@hanaforum24.example");
        await Members.InviteAsync(founder, Invitation("lee@hanaforum24.example"));
        var (leeId, code) = SetPasswordLink.Read(await TakeOnlyMailAsync());
        Assert.True((await Links.SetPasswordAsync(leeId, code, Passphrase, Passphrase)).Succeeded);
        await Members.InviteAsync(founder, Invitation("choi@hanaforum24.example"));
        var (choiId, _) = SetPasswordLink.Read(await TakeOnlyMailAsync());

        var yourself = await Removal.RemoveAsync(founder, founder.UserId);
        Assert.Equal(Outcome.Refused, yourself.Outcome);
        Assert.Equal("You cannot remove yourself; ask a colleague to do it.", yourself.Message);
        Assert.Equal(Outcome.Done, (await Removal.RemoveAsync(founder, choiId)).Outcome);
        Assert.Equal(Outcome.Done, (await Removal.RemoveAsync(founder, leeId)).Outcome);

        Assert.Equal(["kim@hanaforum24.example"], (await Organizations.ListMembersAsync(founder)).Select(m => m.Email));
        Assert.False(await CanSignInAsync("lee@hanaforum24.example", Passphrase));
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            Assert.Null(await users.FindByIdAsync(choiId));
            var lee = (await users.FindByIdAsync(leeId))!;
            Assert.Empty(await users.GetRolesAsync(lee));
            Assert.NotNull(lee.RemovedAt);
        });
        Assert.Equal(Outcome.NotFound, (await Removal.RemoveAsync(founder, leeId)).Outcome);

        // The address of a removed invitation is free again.
        Assert.Equal(Outcome.Done, (await Members.InviteAsync(founder, Invitation("choi@hanaforum24.example"))).Outcome);
    }

    [Fact]
    public async Task Administrator_restores_a_member_the_organization_removed()
    {
        var founder = await FounderAsync("1018200274", "kim@hanaforum27.example");
        await Members.InviteAsync(founder, Invitation("lee@hanaforum27.example"));
        var (leeId, code) = SetPasswordLink.Read(await TakeOnlyMailAsync());
        Assert.True((await Links.SetPasswordAsync(leeId, code, Passphrase, Passphrase)).Succeeded);
        Assert.Equal(Outcome.Done, (await Removal.RemoveAsync(founder, leeId)).Outcome);
        var admin = new CurrentUser("admin-1", "Han Admin", null, new HashSet<string> { Roles.Administrator });
        var directory = Host.Services.GetRequiredService<UserDirectory>();
        Assert.True(Assert.Single((await directory.ListAsync(admin, "lee@hanaforum27", 0, 25, CancellationToken.None)).Rows).IsRemoved);

        Assert.Equal(Outcome.NotFound, (await Host.Services.GetRequiredService<UnlockAccount>().UnlockAsync(founder, leeId)).Outcome);
        var restored = await Host.Services.GetRequiredService<UnlockAccount>().UnlockAsync(admin, leeId);

        Assert.Equal(Outcome.Done, restored.Outcome);
        Assert.True(await CanSignInAsync("lee@hanaforum27.example", Passphrase));
        Assert.Contains(await Organizations.ListMembersAsync(founder), m => m.UserId == leeId && !m.Invited);
        var row = Assert.Single((await directory.ListAsync(admin, "lee@hanaforum27", 0, 25, CancellationToken.None)).Rows);
        Assert.Equal((false, false), (row.IsRemoved, row.IsLockedOut));
        Assert.Equal([Roles.Applicant], row.Roles);
        await using var db = await Host.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "user.restored" && e.EntityId == leeId));
    }

    [Fact]
    public async Task Another_organizations_applicant_and_staff_cannot_see_or_touch_the_members()
    {
        var founder = await FounderAsync("1018200255", "kim@hanaforum25.example");
        var stranger = await FounderAsync("1018200269", "yoon@elsewhere.example");
        var officer = new CurrentUser("officer-1", "Park Officer", founder.OrganizationId, new HashSet<string> { Roles.ProgramOfficer });

        Assert.DoesNotContain(await Organizations.ListMembersAsync(stranger), m => m.UserId == founder.UserId);
        Assert.Empty(await Organizations.ListMembersAsync(officer));
        Assert.Equal(Outcome.NotFound, (await Removal.RemoveAsync(stranger, founder.UserId)).Outcome);
        Assert.Equal(Outcome.NotFound, (await Members.InviteAsync(officer, Invitation("spy@example.org"))).Outcome);
        Assert.True(await CanSignInAsync("kim@hanaforum25.example", Passphrase));
    }

}

public sealed class OrganizationMemberTests_on_Sqlite : OrganizationMemberTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class OrganizationMemberTests_on_PostgreSql(PostgresCluster cluster) : OrganizationMemberTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
