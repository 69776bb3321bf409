using System.Globalization;
using GrantPortal.Core.Organizations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Organizations;

/// <summary>Verifying or rejecting several organizations at once: each on its own, audited on its own, reported one by one.</summary>
public abstract class BatchVerificationTests : ProviderTest
{
    private static readonly CurrentUser Officer = new("officer-1", "Park Officer", null, new HashSet<string> { Roles.ProgramOfficer });
    private static readonly CurrentUser Finance = new("finance-1", "Finance", null, new HashSet<string> { Roles.Finance });

    protected BatchVerificationTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private VerifyOrganizations Batch => Host.Services.GetRequiredService<VerifyOrganizations>();

    private async Task<int> RegisterAsync(string name, string number)
    {
        await using var db = await Host.CreateDbContextAsync();
        var organization = Organization.Register(name, name + " 한국어", number, OrganizationType.IncorporatedAssociation, "Contact", "contact@" + number + ".example", Host.Clock.GetCurrentInstant());
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization.Id;
    }

    /// <summary>The organizations as the officer's list shows them now: each id with its current version.</summary>
    private async Task<IReadOnlyCollection<SeenOrganization>> SeenAsync(params int[] ids)
    {
        await using var db = await Host.CreateDbContextAsync();
        var versions = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Version);
        return ids.Select(id => new SeenOrganization(id, versions.GetValueOrDefault(id))).ToList();
    }

    private async Task<int> EventsAsync(string action, int organizationId)
    {
        await using var db = await Host.CreateDbContextAsync();
        var id = organizationId.ToString(CultureInfo.InvariantCulture);
        return await db.AuditEvents.CountAsync(e => e.Action == action && e.EntityId == id);
    }

    [Fact]
    public async Task Verify_of_three_with_one_already_verified_verifies_two_and_skips_one()
    {
        var first = await RegisterAsync("Open Doors Korea", "1018200013");
        var already = await RegisterAsync("Hana Forum", "1018200027");
        var third = await RegisterAsync("Memory Lab", "1018200032");
        var listed = await SeenAsync(first, already, third);
        Assert.True((await Host.Services.GetRequiredService<VerifyOrganization>().VerifyAsync(Officer, already, CancellationToken.None)).Succeeded);

        var result = await Batch.VerifyAsync(Officer, listed, CancellationToken.None);

        Assert.True(result.Succeeded);
        var summary = result.Value!;
        Assert.Equal((2, 1, 0), (summary.Done, summary.Skipped, summary.Failed));
        var skipped = Assert.Single(summary.Items, i => i.State == BatchItemState.Skipped);
        Assert.Equal(("Hana Forum", "already verified"), (skipped.Label, skipped.Reason));
        await using var db = await Host.CreateDbContextAsync();
        Assert.All(await db.Organizations.ToListAsync(), o => Assert.Equal(VerificationState.Verified, o.Verification));
        // One event per organization the batch verified, and none more for the one it skipped.
        Assert.Equal((1, 1, 1), (await EventsAsync("organization.verified", first), await EventsAsync("organization.verified", already), await EventsAsync("organization.verified", third)));
    }

    [Fact]
    public async Task Verify_skips_an_organization_another_officer_rejected_after_the_list_showed_it()
    {
        var first = await RegisterAsync("Open Doors Korea", "1018200084");
        var rejectedMeanwhile = await RegisterAsync("Hana Forum", "1018200099");
        var listed = await SeenAsync(first, rejectedMeanwhile);
        Assert.True((await Host.Services.GetRequiredService<VerifyOrganization>().RejectAsync(Officer, rejectedMeanwhile, "Certificate expired.", CancellationToken.None)).Succeeded);

        var result = await Batch.VerifyAsync(Officer, listed, CancellationToken.None);

        var summary = result.Value!;
        Assert.Equal((1, 1, 0), (summary.Done, summary.Skipped, summary.Failed));
        var skipped = Assert.Single(summary.Items, i => i.State == BatchItemState.Skipped);
        Assert.Equal(("Hana Forum", "changed since your list showed it: open it again"), (skipped.Label, skipped.Reason));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(VerificationState.Rejected, (await db.Organizations.SingleAsync(o => o.Id == rejectedMeanwhile)).Verification);
        Assert.Equal(0, await EventsAsync("organization.verified", rejectedMeanwhile));
    }

    [Fact]
    public async Task Running_the_same_batch_twice_changes_nothing_the_second_time()
    {
        var first = await RegisterAsync("Open Doors Korea", "1018200046");
        var second = await RegisterAsync("Hana Forum", "1018200051");
        Assert.Equal(2, (await Batch.VerifyAsync(Officer, await SeenAsync(first, second, first), CancellationToken.None)).Value!.Done);

        var again = await Batch.VerifyAsync(Officer, await SeenAsync(first, second), CancellationToken.None);

        Assert.Equal((0, 2), (again.Value!.Done, again.Value.Skipped));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "organization.verified"));
    }

    [Fact]
    public async Task Reject_gives_each_organization_the_one_reason_and_reports_one_that_no_longer_exists()
    {
        var first = await RegisterAsync("Open Doors Korea", "1018200065");
        var second = await RegisterAsync("Hana Forum", "1018200070");

        var result = await Batch.RejectAsync(Officer, await SeenAsync(first, 999_999, second), "The registration certificates are unreadable.", CancellationToken.None);

        var summary = result.Value!;
        Assert.Equal((2, 0, 1), (summary.Done, summary.Skipped, summary.Failed));
        Assert.Equal(("#999999", "This organization does not exist."), summary.Items.Where(i => i.State == BatchItemState.Failed).Select(i => (i.Label, i.Reason)).Single());
        await using var db = await Host.CreateDbContextAsync();
        Assert.All(await db.Organizations.ToListAsync(), o => Assert.Equal("The registration certificates are unreadable.", o.RejectionReason));
        var events = await db.AuditEvents.Where(e => e.Action == "organization.rejected").ToListAsync();
        Assert.Equal([first, second], events.Select(e => int.Parse(e.EntityId, CultureInfo.InvariantCulture)).Order());
        Assert.All(events, e => Assert.Equal("The registration certificates are unreadable.", e.Reason));
    }

    [Fact]
    public async Task Reject_without_a_reason_or_a_selection_changes_nothing()
    {
        var id = await RegisterAsync("Hana Forum", "1018200008");

        var noReason = await Batch.RejectAsync(Officer, await SeenAsync(id), " ", CancellationToken.None);
        var nothing = await Batch.VerifyAsync(Officer, [], CancellationToken.None);

        Assert.Equal(Outcome.Invalid, noReason.Outcome);
        Assert.Equal("Give a reason the organization can read.", noReason.Message);
        Assert.Equal("Select at least one row first.", nothing.Message);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(VerificationState.Pending, (await db.Organizations.SingleAsync()).Verification);
        Assert.False(await db.AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task Anyone_but_a_program_officer_is_told_not_found_and_nothing_changes()
    {
        var id = await RegisterAsync("Hana Forum", "1018200013");

        var result = await Batch.VerifyAsync(Finance, await SeenAsync(id), CancellationToken.None);

        Assert.Equal(Outcome.NotFound, result.Outcome);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(VerificationState.Pending, (await db.Organizations.SingleAsync()).Verification);
        Assert.False(await db.AuditEvents.AnyAsync());
    }
}

public sealed class BatchVerificationTests_on_Sqlite : BatchVerificationTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class BatchVerificationTests_on_PostgreSql(PostgresCluster cluster) : BatchVerificationTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
