using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Reporting;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Awards;

/// <summary>A grantee follows its own awards from its dashboard and /awards; nobody else's.</summary>
public abstract class GranteeAwardTests : ProviderTest
{
    [Fact]
    public async Task An_applicant_follows_its_award_with_what_was_paid_and_the_report_due_next()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(envelope: 500_000_000, applications: 1, requested: 50_000_000);
        var awardId = await scenario.PayableAwardAsync(applications[0], 50_000_000);
        var details = await scenario.DetailsAsync(awardId);
        await scenario.PayAsync(details.Tranches[0].Id, details.Tranches[0].Amount.Won);

        var award = Assert.Single(await scenario.GranteeAwards.ListForOrganizationAsync(scenario.Applicant));
        var row = Assert.Single(await Host.Services.GetRequiredService<ApplicationQueries>().ListForOrganizationAsync(scenario.Applicant));

        Assert.Equal((awardId, new Krw(50_000_000), details.Tranches[0].Amount), (award.Id, award.Amount, award.Paid));
        var interim = details.Reports.Single(r => r.Kind == ReportKind.Interim);
        Assert.Equal((interim.Id, ReportKind.Interim, interim.DueOn), (award.NextReport!.Id, award.NextReport.Kind, award.NextReport.DueOn));
        Assert.Equal(awardId, row.AwardId);
    }

    [Fact]
    public async Task Another_organizations_award_is_neither_listed_nor_opened()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(envelope: 500_000_000, applications: 1, requested: 50_000_000);
        var awardId = await scenario.AwardAsync(applications[0], 50_000_000);
        var other = await OtherApplicantAsync();

        Assert.Empty(await scenario.GranteeAwards.ListForOrganizationAsync(other));
        Assert.Null(await scenario.AwardDetails.GetAsync(other, awardId));
        Assert.Empty(await scenario.GranteeAwards.ListForOrganizationAsync(AwardScenario.Officer));
        Assert.Empty(await scenario.GranteeAwards.ListForOrganizationAsync(AwardScenario.Finance1));
    }

    private async Task<CurrentUser> OtherApplicantAsync()
    {
        await using var db = await Host.CreateDbContextAsync();
        var organization = Organization.Register("Hana Forum", "하나포럼", "220-82-11112", OrganizationType.Foundation, "Lee Min", "min@hana.example", Host.Clock.GetCurrentInstant());
        organization.Verify("officer-1", Host.Clock.GetCurrentInstant());
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return new CurrentUser("applicant-2", "Lee Min", organization.Id, new HashSet<string> { Roles.Applicant });
    }
}

public sealed class GranteeAwardTests_on_Sqlite : GranteeAwardTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class GranteeAwardTests_on_PostgreSql(PostgresCluster cluster) : GranteeAwardTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
