using GrantPortal.Core.Organizations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.IntegrationTests.Data;

public abstract class ConcurrencyTests : ProviderTest
{
    [Fact]
    public async Task Stale_save_of_an_organization_is_refused()
    {
        int id;
        await using (var setup = await Host.CreateDbContextAsync())
        {
            var organization = Organization.Register("Open Doors Korea", "열린문", "123-82-45679", OrganizationType.IncorporatedAssociation, "Kim Ji-won", "jiwon@opendoors.example", Host.Clock.GetCurrentInstant());
            setup.Organizations.Add(organization);
            await setup.SaveChangesAsync();
            id = organization.Id;
        }

        // Two officers open the same profile, both edit it; the second save must not overwrite the first.
        await using var first = await Host.CreateDbContextAsync();
        await using var second = await Host.CreateDbContextAsync();
        var seenByFirst = await first.Organizations.SingleAsync(o => o.Id == id);
        var seenBySecond = await second.Organizations.SingleAsync(o => o.Id == id);

        seenByFirst.Verify("officer-1", Host.Clock.GetCurrentInstant());
        await first.SaveChangesAsync();

        seenBySecond.Reject("officer-2", "Registration certificate is unreadable.", Host.Clock.GetCurrentInstant());
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = await Host.CreateDbContextAsync();
        var stored = await check.Organizations.SingleAsync(o => o.Id == id);
        Assert.Equal(VerificationState.Verified, stored.Verification);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Fresh_saves_in_turn_both_succeed()
    {
        await using var db = await Host.CreateDbContextAsync();
        var organization = Organization.Register("Hana Forum", "하나포럼", "220-82-11112", OrganizationType.Foundation, "Lee Min", "min@hana.example", Host.Clock.GetCurrentInstant());
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();

        organization.ContactPhone = "02-123-4567";
        await db.SaveChangesAsync();
        organization.Website = "https://hana.example";
        await db.SaveChangesAsync();

        Assert.Equal(2, organization.Version);
    }
}

public sealed class ConcurrencyTests_on_Sqlite : ConcurrencyTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyTests_on_PostgreSql(PostgresCluster cluster) : ConcurrencyTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
