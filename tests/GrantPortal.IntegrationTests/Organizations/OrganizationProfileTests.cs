using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Organizations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Organizations;

public abstract class OrganizationProfileTests : ProviderTest
{
    private static readonly CurrentUser Officer = new("officer-1", "Park Officer", null, new HashSet<string> { Roles.ProgramOfficer });

    protected OrganizationProfileTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private OrganizationQueries Profiles => Host.Services.GetRequiredService<OrganizationQueries>();

    private UpdateOrganizationDetails Details => Host.Services.GetRequiredService<UpdateOrganizationDetails>();

    private RequestVerificationAgain AskAgain => Host.Services.GetRequiredService<RequestVerificationAgain>();

    private VerifyOrganization Verification => Host.Services.GetRequiredService<VerifyOrganization>();

    private async Task<CurrentUser> RegisterAsync(string name, string number)
    {
        await using var db = await Host.CreateDbContextAsync();
        var organization = Organization.Register(name, name + " 한국어", number, OrganizationType.IncorporatedAssociation, "Contact", "contact@" + number + ".example", Host.Clock.GetCurrentInstant());
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return new CurrentUser("applicant-" + number, "Kim Applicant", organization.Id, new HashSet<string> { Roles.Applicant });
    }

    [Fact]
    public async Task Rejected_organization_corrects_its_details_and_asks_for_verification_again()
    {
        var applicant = await RegisterAsync("Hana Forum", "1018200110");
        Assert.True((await Verification.RejectAsync(Officer, applicant.OrganizationId!.Value, "The registration number does not match the certificate.", CancellationToken.None)).Succeeded);
        var details = (await Profiles.GetMineAsync(applicant))!;
        Assert.True(details.CanAskForVerification);
        Assert.Equal("The registration number does not match the certificate.", details.RejectionReason);

        var form = details.Form with { RegistrationNumber = "101-82-00124", Address = "Seoul, Jongno-gu 1", Website = "www.hanaforum.or.kr" };
        var result = await AskAgain.RequestAsync(applicant, form, details.Version);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(VerificationState.Pending, result.Value!.Verification);
        Assert.Null(result.Value.RejectionReason);
        var row = Assert.Single(await Profiles.ListToVerifyAsync(Officer, VerificationState.Pending, CancellationToken.None), o => o.Id == applicant.OrganizationId);
        Assert.Equal("1018200124", row.RegistrationNumber);
        Assert.Equal("The registration number does not match the certificate.", row.AskedAgain?.EarlierReason);
        await using var db = await Host.CreateDbContextAsync();
        var actions = await db.AuditEvents.Where(e => e.EntityId == applicant.OrganizationId.Value.ToString(CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync();
        Assert.Contains("organization.details-changed", actions);
        var requested = await db.AuditEvents.SingleAsync(e => e.Action == "organization.verification-requested");
        Assert.Contains("does not match the certificate", requested.Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verified_organization_changes_its_contacts_but_not_its_registration_number()
    {
        var applicant = await RegisterAsync("Open Doors Korea", "1018200139");
        Assert.True((await Verification.VerifyAsync(Officer, applicant.OrganizationId!.Value, CancellationToken.None)).Succeeded);
        var details = (await Profiles.GetMineAsync(applicant))!;
        Assert.True(details.IdentityLocked);
        Assert.False(details.CanAskForVerification);

        var renumbered = await Details.SaveMineAsync(applicant, details.Form with { RegistrationNumber = "1018200992" }, details.Version);
        Assert.Equal(Outcome.Invalid, renumbered.Outcome);
        Assert.Equal(nameof(OrganizationDetailsForm.Name), Assert.Single(renumbered.Errors).Field);

        var asked = await AskAgain.RequestAsync(applicant, details.Form, details.Version);
        Assert.Equal(Outcome.Refused, asked.Outcome);
        Assert.Equal("Only an organization whose registration was not accepted can ask for verification again.", asked.Message);

        var moved = await Details.SaveMineAsync(applicant, details.Form with { ContactEmail = "grants@opendoors.example", ContactPhone = "+82 2-123-4567" }, details.Version);
        Assert.True(moved.Succeeded, string.Join("; ", moved.Errors.Select(e => e.Message)));
        Assert.Equal(VerificationState.Verified, moved.Value!.Verification);
        await using var db = await Host.CreateDbContextAsync();
        var organization = await db.Organizations.SingleAsync(o => o.Id == applicant.OrganizationId);
        Assert.Equal(("grants@opendoors.example", "1018200139"), (organization.ContactEmail, organization.RegistrationNumber));
        Assert.True(organization.CanSubmitApplications);
    }

    [Fact]
    public async Task Bad_details_are_refused_field_by_field_and_nothing_is_saved()
    {
        var applicant = await RegisterAsync("Hana Forum", "1018200143");
        await RegisterAsync("Other Forum", "1018200158");
        var details = (await Profiles.GetMineAsync(applicant))!;

        var bad = details.Form with { NameKorean = " ", RegistrationNumber = "12-34", ContactEmail = "not-an-email", ContactPhone = "call me", Website = "javascript:alert(1)" };
        var result = await Details.SaveMineAsync(applicant, bad, details.Version);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal(
            [nameof(OrganizationDetailsForm.ContactEmail), nameof(OrganizationDetailsForm.ContactPhone), nameof(OrganizationDetailsForm.NameKorean), nameof(OrganizationDetailsForm.RegistrationNumber), nameof(OrganizationDetailsForm.Website)],
            result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        var taken = await Details.SaveMineAsync(applicant, details.Form with { RegistrationNumber = "101-82-00158" }, details.Version);
        Assert.StartsWith("Another organization is registered with this number.", Assert.Single(taken.Errors).Message, StringComparison.Ordinal);
        await using var db = await Host.CreateDbContextAsync();
        var stored = await db.Organizations.SingleAsync(o => o.Id == applicant.OrganizationId);
        Assert.Equal(("Hana Forum", "1018200143"), (stored.Name, stored.RegistrationNumber));
        Assert.False(await db.AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task A_corrected_number_with_a_wrong_check_digit_is_refused_with_its_own_message()
    {
        var applicant = await RegisterAsync("Hana Forum", "1018200181");
        var details = (await Profiles.GetMineAsync(applicant))!;

        var mistyped = await Details.SaveMineAsync(applicant, details.Form with { RegistrationNumber = "220-82-12345" }, details.Version);
        var corrected = await Details.SaveMineAsync(applicant, details.Form with { RegistrationNumber = "220-82-12348" }, details.Version);

        var error = Assert.Single(mistyped.Errors);
        Assert.Equal(nameof(OrganizationDetailsForm.RegistrationNumber), error.Field);
        Assert.Contains("check digit", error.Message, StringComparison.Ordinal);
        Assert.True(corrected.Succeeded, string.Join("; ", corrected.Errors.Select(e => e.Message)));
        Assert.Equal("2208212348", corrected.Value!.Form.RegistrationNumber);
    }

    [Fact]
    public async Task Without_an_english_name_english_readers_see_the_korean_one_and_the_field_stays_empty()
    {
        var applicant = await RegisterAsync("Hana Forum", "1018200196");
        var details = (await Profiles.GetMineAsync(applicant))!;

        var saved = await Details.SaveMineAsync(applicant, details.Form with { Name = " ", NameKorean = "하나포럼" }, details.Version);

        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
        Assert.Equal("", saved.Value!.Form.Name);
        await using var db = await Host.CreateDbContextAsync();
        var stored = await db.Organizations.SingleAsync(o => o.Id == applicant.OrganizationId);
        Assert.Equal(("하나포럼", "하나포럼"), (stored.Name, stored.NameKorean));
    }

    [Fact]
    public async Task Save_from_a_stale_page_is_refused_and_keeps_the_newer_details()
    {
        var applicant = await RegisterAsync("Hana Forum", "1018200162");
        var tabOne = (await Profiles.GetMineAsync(applicant))!;
        var tabTwo = (await Profiles.GetMineAsync(applicant))!;
        Assert.True((await Details.SaveMineAsync(applicant, tabOne.Form with { Address = "Seoul, Mapo-gu 2" }, tabOne.Version)).Succeeded);

        var stale = await Details.SaveMineAsync(applicant, tabTwo.Form with { Address = "Busan" }, tabTwo.Version);

        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.StartsWith("Someone else changed this record", stale.Message, StringComparison.Ordinal);
        Assert.Equal("Seoul, Mapo-gu 2", (await Profiles.GetMineAsync(applicant))!.Form.Address);
    }

    [Fact]
    public async Task Only_the_organizations_own_applicants_reach_it()
    {
        var applicant = await RegisterAsync("Hana Forum", "1018200177");
        var officerWithOrganization = Officer with { OrganizationId = applicant.OrganizationId };

        Assert.Null(await Profiles.GetMineAsync(Officer));
        Assert.Null(await Profiles.GetMineAsync(officerWithOrganization));
        var details = (await Profiles.GetMineAsync(applicant))!;
        Assert.Equal(Outcome.NotFound, (await Details.SaveMineAsync(officerWithOrganization, details.Form with { Address = "Elsewhere" }, details.Version)).Outcome);
        Assert.Equal("", (await Profiles.GetMineAsync(applicant))!.Form.Address);
    }
}

public sealed class OrganizationProfileTests_on_Sqlite : OrganizationProfileTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class OrganizationProfileTests_on_PostgreSql(PostgresCluster cluster) : OrganizationProfileTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
