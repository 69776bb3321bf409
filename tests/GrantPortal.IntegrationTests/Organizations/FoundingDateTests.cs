using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Time;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Organizations;

/// <summary>The founding date (설립일) an organization keeps on its profile, which calls with a minimum age rely on.</summary>
public abstract class FoundingDateTests : ProviderTest
{
    private static readonly CurrentUser Officer = new("officer-1", "Park Officer", null, new HashSet<string> { Roles.ProgramOfficer });

    protected FoundingDateTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task A_founding_date_in_the_future_before_1900_or_unreadable_is_refused_and_a_real_one_is_saved_audited_and_shown_to_officers()
    {
        var profiles = Host.Services.GetRequiredService<OrganizationQueries>();
        var details = Host.Services.GetRequiredService<UpdateOrganizationDetails>();
        var applicant = await RegisterAsync();
        var today = Seoul.Today(Host.Clock);
        var mine = (await profiles.GetMineAsync(applicant))!;

        var future = await details.SaveMineAsync(applicant, mine.Form with { FoundedOn = today.PlusDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, mine.Version);
        var early = await details.SaveMineAsync(applicant, mine.Form with { FoundedOn = "1899-12-31" }, mine.Version);
        var unreadable = await details.SaveMineAsync(applicant, mine.Form with { FoundedOn = "2010-02-30" }, mine.Version);
        var saved = await details.SaveMineAsync(applicant, mine.Form with { FoundedOn = "2012-03-15" }, mine.Version);

        Assert.Equal("The founding date cannot be in the future.", Assert.Single(future.Errors, e => e.Field == "FoundedOn").Message);
        Assert.Equal("The founding date cannot be before 1900.", Assert.Single(early.Errors, e => e.Field == "FoundedOn").Message);
        Assert.Equal("Enter the founding date as yyyy-mm-dd.", Assert.Single(unreadable.Errors, e => e.Field == "FoundedOn").Message);
        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal("2012-03-15", saved.Value!.Form.FoundedOn);
        var row = Assert.Single(await profiles.ListToVerifyAsync(Officer, null, CancellationToken.None));
        Assert.Equal(new NodaTime.LocalDate(2012, 3, 15), row.FoundedOn);
        await using var db = await Host.CreateDbContextAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "organization.details-changed");
        Assert.Contains("\"FoundedOn\":\"2012-03-15\"", audit.After, StringComparison.Ordinal);
    }

    private async Task<CurrentUser> RegisterAsync()
    {
        await using var db = await Host.CreateDbContextAsync();
        var organization = Organization.Register("Hana Forum", "하나포럼", "1018200110", OrganizationType.IncorporatedAssociation, "Contact", "contact@hana.example", Host.Clock.GetCurrentInstant());
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return new CurrentUser("applicant-1", "Kim Applicant", organization.Id, new HashSet<string> { Roles.Applicant });
    }
}

public sealed class FoundingDateTests_on_Sqlite : FoundingDateTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class FoundingDateTests_on_PostgreSql(PostgresCluster cluster) : FoundingDateTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
