using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace GrantPortal.IntegrationTests.Accounts;

public abstract class StaffAccountTests : ProviderTest
{
    private static readonly CurrentUser Admin = new("admin-1", "Han Admin", null, new HashSet<string> { Roles.Administrator });
    private static readonly CurrentUser Officer = new("officer-1", "Park Officer", null, new HashSet<string> { Roles.ProgramOfficer });

    protected StaffAccountTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private InviteStaff Staff => Host.Services.GetRequiredService<InviteStaff>();

    private ChangeStaffRoles RoleChanges => Host.Services.GetRequiredService<ChangeStaffRoles>();

    private UnlockAccount Unlocking => Host.Services.GetRequiredService<UnlockAccount>();

    private PasswordLinks Links => Host.Services.GetRequiredService<PasswordLinks>();

    private static StaffForm Form(string email, string language = "ko", params string[] roles)
    {
        var form = new StaffForm { Email = email, DisplayName = "Jung Reviewer", PreferredLanguage = language };
        foreach (var role in roles.Length == 0 ? [Roles.Reviewer] : roles)
        {
            form.Roles.Add(role);
        }

        return form;
    }

    private async Task<MimeMessage> OnlyMailAsync()
    {
        var file = Assert.Single(Directory.GetFiles(Host.MailPickupDirectory, "*.eml"));
        return await MimeMessage.LoadAsync(file);
    }

    private async Task<PortalUser?> FindAsync(string email)
    {
        PortalUser? user = null;
        await Host.InScopeAsync(async services => user = await services.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email));
        return user;
    }

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
    public async Task Invited_reviewer_chooses_a_password_from_the_korean_mail_and_the_link_works_once()
    {
        var invited = await Staff.InviteAsync(Admin, Form("jung@reviewers.kr"));

        Assert.Equal(Outcome.Done, invited.Outcome);
        var mail = await OnlyMailAsync();
        Assert.Equal("GrantPortal 계정 안내", mail.Subject);
        Assert.Equal("jung@reviewers.kr", mail.To.Mailboxes.Single().Address);
        Assert.Contains("역할: 심사위원", mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost", SetPasswordLink.Url(mail), StringComparison.Ordinal);
        var user = await FindAsync("jung@reviewers.kr");
        Assert.Null(user!.PasswordHash);

        var (userId, code) = SetPasswordLink.Read(mail);
        var mismatch = await Links.SetPasswordAsync(userId, code, "a long passphrase of mine", "a long passphrase of yours");
        var tooShort = await Links.SetPasswordAsync(userId, code, "short", "short");
        var set = await Links.SetPasswordAsync(userId, code, "a long passphrase of mine", "a long passphrase of mine");
        var reused = await Links.SetPasswordAsync(userId, code, "another long passphrase", "another long passphrase");

        Assert.Equal("The two passwords are not the same.", Assert.Single(mismatch.Errors).Message);
        Assert.Equal("Password", Assert.Single(tooShort.Errors).Field);
        Assert.True(set.Succeeded);
        Assert.Equal(Outcome.Refused, reused.Outcome);
        Assert.Equal("This link has expired or was already used. Ask your administrator to send a new invitation.", reused.Message);
        Assert.True(await PasswordWorksAsync("jung@reviewers.kr", "a long passphrase of mine"));
        await Host.InScopeAsync(async services =>
            Assert.True(await services.GetRequiredService<UserManager<PortalUser>>().IsInRoleAsync((await FindAsync("jung@reviewers.kr"))!, Roles.Reviewer)));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(["user.invited", "user.password-set"], await db.AuditEvents.Where(e => e.EntityId == userId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task English_speaker_gets_the_invitation_in_english_and_a_resend_replaces_the_link()
    {
        await Staff.InviteAsync(Admin, Form("lee@reviewers.org", "en", Roles.Finance));
        var first = await OnlyMailAsync();
        Assert.Equal("Your GrantPortal account", first.Subject);
        Assert.Contains("with the role: Finance", first.TextBody, StringComparison.Ordinal);
        var (userId, firstCode) = SetPasswordLink.Read(first);
        File.Delete(Assert.Single(Directory.GetFiles(Host.MailPickupDirectory, "*.eml")));

        var resent = await Staff.ResendInvitationAsync(Admin, userId);
        var (_, secondCode) = SetPasswordLink.Read(await OnlyMailAsync());
        var set = await Links.SetPasswordAsync(userId, secondCode, "a long passphrase of mine", "a long passphrase of mine");
        var old = await Links.SetPasswordAsync(userId, firstCode, "someone else's passphrase", "someone else's passphrase");

        Assert.Equal(Outcome.Done, resent.Outcome);
        Assert.True(set.Succeeded);
        Assert.Equal(Outcome.Refused, old.Outcome);
        Assert.Equal("This link has expired or was already used. Ask your administrator to send a new invitation.", old.Message);
        Assert.True(await PasswordWorksAsync("lee@reviewers.org", "a long passphrase of mine"));
    }

    [Fact]
    public async Task Bad_invitations_are_refused_field_by_field_and_create_nothing()
    {
        var form = Form("not-an-address", "ko", "Applicant");
        form.DisplayName = " ";

        var result = await Staff.InviteAsync(Admin, form);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal([nameof(StaffForm.DisplayName), nameof(StaffForm.Email), nameof(StaffForm.Roles)], result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.Exists(Host.MailPickupDirectory) ? Directory.GetFiles(Host.MailPickupDirectory) : []);
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task Inviting_an_address_that_has_an_account_is_refused()
    {
        Assert.True((await Staff.InviteAsync(Admin, Form("jung@reviewers.kr"))).Succeeded);

        var again = await Staff.InviteAsync(Admin, Form("JUNG@reviewers.kr", "ko", Roles.Administrator));

        Assert.Equal("An account for JUNG@reviewers.kr already exists; change its roles in the list instead.", Assert.Single(again.Errors).Message);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Roles_change_with_an_audit_and_the_last_administrator_keeps_the_role()
    {
        await Staff.InviteAsync(Admin, Form("owner@ministry.go.kr", "ko", Roles.Administrator));
        await Staff.InviteAsync(Admin, Form("park@ministry.go.kr", "ko", Roles.Reviewer));
        var owner = (await FindAsync("owner@ministry.go.kr"))!;
        var park = (await FindAsync("park@ministry.go.kr"))!;

        var promoted = await RoleChanges.ChangeRolesAsync(Admin, park.Id, new HashSet<string> { Roles.ProgramOfficer, Roles.Finance });
        var lastAdmin = await RoleChanges.ChangeRolesAsync(Admin, owner.Id, new HashSet<string> { Roles.Reviewer });
        var none = await RoleChanges.ChangeRolesAsync(Admin, park.Id, new HashSet<string>());
        var byOfficer = await RoleChanges.ChangeRolesAsync(Officer, park.Id, new HashSet<string> { Roles.Administrator });

        Assert.Equal(Outcome.Done, promoted.Outcome);
        Assert.Equal("This is the last administrator; give another person the administrator role first.", Assert.Single(lastAdmin.Errors).Message);
        Assert.Equal(Outcome.Invalid, none.Outcome);
        Assert.Equal(Outcome.NotFound, byOfficer.Outcome);
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            Assert.Equal([Roles.Finance, Roles.ProgramOfficer], (await users.GetRolesAsync((await users.FindByIdAsync(park.Id))!)).Order(StringComparer.Ordinal));
            Assert.True(await users.IsInRoleAsync((await users.FindByIdAsync(owner.Id))!, Roles.Administrator));
        });
        await using var db = await Host.CreateDbContextAsync();
        var change = await db.AuditEvents.SingleAsync(e => e.Action == "user.roles-changed");
        Assert.Equal(park.Id, change.EntityId);
        Assert.Contains(Roles.Reviewer, change.Before, StringComparison.Ordinal);
        Assert.Contains(Roles.ProgramOfficer, change.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_invite_and_nobody_learns_of_accounts_from_a_bad_link()
    {
        var byOfficer = await Staff.InviteAsync(Officer, Form("jung@reviewers.kr"));
        var unknownUser = await Links.SetPasswordAsync("no-such-user", "code", "a long passphrase of mine", "a long passphrase of mine");

        Assert.Equal(Outcome.NotFound, byOfficer.Outcome);
        Assert.Null(await FindAsync("jung@reviewers.kr"));
        Assert.Equal(Outcome.Refused, unknownUser.Outcome);
        Assert.Equal("This link has expired or was already used. Ask your administrator to send a new invitation.", unknownUser.Message);
    }


    [Fact]
    public async Task Administrator_unlocks_an_account_locked_after_five_failed_sign_ins()
    {
        await Staff.InviteAsync(Admin, Form("moon@reviewers.kr"));
        var (userId, code) = SetPasswordLink.Read(await OnlyMailAsync());
        Assert.True((await Links.SetPasswordAsync(userId, code, "a long passphrase of mine", "a long passphrase of mine")).Succeeded);
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            for (var i = 0; i < 5; i++)
            {
                await users.AccessFailedAsync(user);
            }

            Assert.True(await users.IsLockedOutAsync(user));
        });

        Assert.Equal(Outcome.NotFound, (await Unlocking.UnlockAsync(Officer, userId)).Outcome);
        var unlocked = await Unlocking.UnlockAsync(Admin, userId);
        var again = await Unlocking.UnlockAsync(Admin, userId);

        Assert.Equal(Outcome.Done, unlocked.Outcome);
        Assert.Equal(Outcome.Refused, again.Outcome);
        Assert.Equal("moon@reviewers.kr is not locked out.", again.Message);
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            Assert.False(await users.IsLockedOutAsync(user));
            Assert.Equal(0, await users.GetAccessFailedCountAsync(user));
            Assert.Equal([Roles.Reviewer], await users.GetRolesAsync(user));
        });
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "user.unlocked" && e.EntityId == userId));
    }
}

public sealed class StaffAccountTests_on_Sqlite : StaffAccountTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class StaffAccountTests_on_PostgreSql(PostgresCluster cluster) : StaffAccountTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
