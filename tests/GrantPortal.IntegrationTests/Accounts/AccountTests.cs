using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Organizations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Accounts;

public abstract class AccountTests : ProviderTest
{
    [Fact]
    public async Task Registration_creates_a_pending_organization_and_its_applicant_account()
    {
        var result = await RegisterAsync(Form("1238245679", "kim@walking.or.kr"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        await using var db = await Host.CreateDbContextAsync();
        var organization = await db.Organizations.SingleAsync(o => o.RegistrationNumber == "1238245679");
        Assert.Equal(VerificationState.Pending, organization.Verification);
        Assert.False(organization.CanSubmitApplications);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "organization.registered" && e.EntityId == organization.Id.ToString(CultureInfo.InvariantCulture)));
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync("kim@walking.or.kr");
            Assert.Equal(organization.Id, user!.OrganizationId);
            Assert.True(await users.IsInRoleAsync(user, Roles.Applicant));
        });
    }

    [Fact]
    public async Task Registering_an_existing_registration_number_is_refused_whatever_the_dashes()
    {
        await RegisterAsync(Form("123-82-45679", "first@walking.or.kr"));

        var second = await RegisterAsync(Form("1238245679", "second@walking.or.kr"));

        var error = Assert.Single(second.Errors);
        Assert.Equal(nameof(RegistrationForm.RegistrationNumber), error.Field);
        Assert.Contains("already registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_email_short_password_and_bad_number_each_get_their_own_message()
    {
        var form = Form("12345", "not-an-email");
        form.Password = form.ConfirmPassword = "short";

        var result = await RegisterAsync(form);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [nameof(RegistrationForm.Email), nameof(RegistrationForm.Password), nameof(RegistrationForm.RegistrationNumber)],
            result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.Organizations.AnyAsync(o => o.RegistrationNumber == "12345"));
    }

    [Fact]
    public async Task Registration_messages_are_korean_for_a_korean_reader()
    {
        var form = Form("12345", "kim@walking.or.kr");

        var result = await RegisterAsync(form, "ko");

        Assert.Contains("숫자 10자리", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "check digit")]
    [InlineData("ko", "검증번호")]
    public async Task A_number_with_a_wrong_check_digit_is_refused_with_its_own_message(string language, string expected)
    {
        var result = await RegisterAsync(Form("220-82-12345", "kim@walking.or.kr"), language);

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(RegistrationForm.RegistrationNumber), error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.Organizations.AnyAsync());
    }

    [Fact]
    public async Task The_english_name_is_optional_and_english_readers_see_the_korean_one()
    {
        var result = await RegisterAsync(Form("220-82-12348", "kim@walking.or.kr") with { OrganizationName = "" });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        await using var db = await Host.CreateDbContextAsync();
        var organization = await db.Organizations.SingleAsync(o => o.RegistrationNumber == "2208212348");
        Assert.Equal(("함께 걷는 인권연대", "함께 걷는 인권연대"), (organization.Name, organization.NameKorean));
    }

    [Fact]
    public async Task Names_and_contact_longer_than_their_fields_are_refused_as_on_the_organization_page()
    {
        var form = Form("220-82-12348", "kim@walking.or.kr") with
        {
            OrganizationName = new string('a', 201),
            OrganizationNameKorean = new string('가', 201),
            ContactName = new string('b', 101),
        };

        var result = await RegisterAsync(form);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal(
            [nameof(RegistrationForm.ContactName), nameof(RegistrationForm.OrganizationName), nameof(RegistrationForm.OrganizationNameKorean)],
            result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.Organizations.AnyAsync());
    }

    [Fact]
    public async Task Two_simultaneous_registrations_of_one_number_create_one_organization()
    {
        var attempts = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => RegisterAsync(Form("9998877769", $"racer{i}@walking.or.kr"))));

        Assert.Equal(1, attempts.Count(a => a.Succeeded));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.RegistrationNumber == "9998877769"));
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email!.StartsWith("racer")));
    }

    [Fact]
    public async Task Create_admin_makes_a_first_administrator_with_a_generated_password()
    {
        AdministratorCreated? created = null;
        await Host.InScopeAsync(async services =>
            created = await services.GetRequiredService<AdministratorSetup>().CreateAsync("root@unikorea.go.kr", "System owner", password: null));

        Assert.NotNull(created!.GeneratedPassword);
        Assert.True(created.GeneratedPassword!.Length >= 12);
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync("root@unikorea.go.kr");
            Assert.True(await users.CheckPasswordAsync(user!, created.GeneratedPassword));
            Assert.True(await users.IsInRoleAsync(user!, Roles.Administrator));

            var again = await services.GetRequiredService<AdministratorSetup>().CreateAsync("root@unikorea.go.kr", "System owner", password: null);
            Assert.Null(again.GeneratedPassword);
        });
    }

    private static RegistrationForm Form(string number, string email) => new()
    {
        OrganizationName = "Walking Together Rights Network",
        OrganizationNameKorean = "함께 걷는 인권연대",
        RegistrationNumber = number,
        ContactName = "Kim Minji",
        Email = email,
        Phone = "02-123-4567",
        Password = "correct horse battery staple",
        ConfirmPassword = "correct horse battery staple",
        PreferredLanguage = Languages.English,
    };

    private async Task<Result<string>> RegisterAsync(RegistrationForm form, string language = "en")
    {
        Result<string>? result = null;
        await Host.InScopeAsync(async services =>
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            try
            {
                result = await services.GetRequiredService<RegisterOrganization>().RegisterAsync(form, CancellationToken.None);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        });
        return result!;
    }
}

public sealed class AccountTests_on_Sqlite : AccountTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class AccountTests_on_PostgreSql(PostgresCluster cluster) : AccountTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
