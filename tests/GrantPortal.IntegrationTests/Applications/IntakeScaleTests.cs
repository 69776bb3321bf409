using System.Diagnostics;
using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Xunit.Abstractions;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>Seeds 50,000 submitted applications (about a minute per provider), then times the intake queries.</summary>
[Trait("Category", "Slow")]
public abstract class IntakeScaleTests(ITestOutputHelper output) : ProviderTest
{
    private const int Applications = 50_000;

    [Fact]
    public async Task Intake_first_page_with_50000_applications_stays_fast()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await SeedAsync();
        await scenario.Intake.SearchAsync(scenario.Officer, new ApplicationQuery());

        var timings = new List<(string Query, TimeSpan Elapsed)>();
        async Task<IntakePage> Timed(string name, ApplicationQuery query)
        {
            var watch = Stopwatch.StartNew();
            var page = await scenario.Intake.SearchAsync(scenario.Officer, query);
            timings.Add((name, watch.Elapsed));
            return page!;
        }

        var first = await Timed("first page, newest first", new ApplicationQuery());
        await Timed("sorted by requested total", new ApplicationQuery { Sort = ApplicationSort.RequestedTotal });
        await Timed("title search", new ApplicationQuery { TitleSearch = "project 4999" });
        await Timed("page 1000 by title", new ApplicationQuery { Sort = ApplicationSort.Title, Page = 1000, PageSize = 25 });

        foreach (var (query, elapsed) in timings)
        {
            output.WriteLine($"{Host.Provider}: {query}: {elapsed.TotalMilliseconds:0} ms");
        }

        Assert.Equal(Applications, first.TotalCount);
        Assert.Equal(25, first.Rows.Count);

        // Generous for a shared 2-core machine; a page that scans row by row takes far longer.
        Assert.All(timings, t => Assert.True(t.Elapsed < TimeSpan.FromSeconds(3), $"{t.Query} took {t.Elapsed.TotalMilliseconds:0} ms"));
    }

    private async Task SeedAsync()
    {
        var now = Host.Clock.GetCurrentInstant();
        int callId;
        int[] organizations;
        await using (var db = await Host.CreateDbContextAsync())
        {
            callId = await db.Calls.Select(c => c.Id).SingleAsync();
            organizations = await db.Organizations.Select(o => o.Id).ToArrayAsync();
        }

        for (var start = 0; start < Applications; start += 5_000)
        {
            await using var db = await Host.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var call = await db.Calls.SingleAsync(c => c.Id == callId);
            for (var i = start; i < start + 5_000; i++)
            {
                var application = Application.StartDraft(call, organizations[i % organizations.Length], "applicant", now);
                application.ProjectTitle = string.Create(CultureInfo.InvariantCulture, $"Project {i}");
                application.Category = ProjectCategories.CapacityBuilding;
                application.BudgetLines.Add(new BudgetLine { Item = "All", Amount = new Krw(10_000_000 + (i % 1000)) });
                application.Submit(string.Create(CultureInfo.InvariantCulture, $"2026-NKHR-{i + 1:00000}"), now + Duration.FromSeconds(i));
                db.Applications.Add(application);
            }

            await db.SaveChangesAsync();
        }
    }
}

public sealed class IntakeScaleTests_on_Sqlite(ITestOutputHelper output) : IntakeScaleTests(output)
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class IntakeScaleTests_on_PostgreSql(PostgresCluster cluster, ITestOutputHelper output) : IntakeScaleTests(output)
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
