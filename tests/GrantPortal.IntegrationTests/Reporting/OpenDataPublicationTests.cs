using System.Text.Json;
using GrantPortal.Core.Recommendations;
using GrantPortal.IntegrationTests.Awards;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static GrantPortal.IntegrationTests.Reporting.ReportingScenario;

namespace GrantPortal.IntegrationTests.Reporting;

/// <summary>
/// The public feeds publish a decision only after the officer finalizes the call and the organizations are told,
/// and never an award that was cancelled.
/// </summary>
public abstract class OpenDataPublicationTests : ProviderTest
{
    [Fact]
    public async Task Feeds_show_no_award_until_its_call_is_finalized_and_never_a_cancelled_one()
    {
        await Host.InScopeAsync(services => services.GetRequiredService<RecommendationCatalogue>().EnsureSeededAsync(CancellationToken.None));
        var scenario = await AwardScenario.CreateAsync(Host);
        var (callId, applications) = await scenario.CallAsync(500_000_000, 2, 100_000_000);
        var kept = await scenario.AwardAsync(applications[0], 100_000_000);
        var cancelled = await scenario.AwardAsync(applications[1], 100_000_000);
        var setCodes = Host.Services.GetRequiredService<SetAwardCodes>();
        foreach (var awardId in new[] { kept, cancelled })
        {
            var mapped = await setCodes.SetAwardCodesAsync(AwardScenario.Officer, awardId, (await scenario.DetailsAsync(awardId)).Version, [CoiRecommendations.CivilSociety], CancellationToken.None);
            Assert.True(mapped.Succeeded, mapped.Message);
        }

        // Decided but not finalized: the ministry's own figures count both, the public sees nothing yet.
        Assert.Equal(2, (await Figures(Host).ProjectsAsync(2026, 2026, CancellationToken.None)).Count);
        using (var early = new MemoryStream())
        {
            Assert.False(await OpenData(Host).WriteGrantsJsonAsync(2026, early, CancellationToken.None));
            Assert.False(await OpenData(Host).WriteGrantsCsvAsync(2026, early, CancellationToken.None));
        }

        Assert.Equal((0L, 0), await CivilSocietyFigureAsync());

        var finalized = await scenario.FinalizeCall.FinalizeAsync(AwardScenario.Officer, callId);
        Assert.True(finalized.Succeeded, finalized.Message);
        var cancel = await scenario.CancelAward.CancelAsync(AwardScenario.Officer, cancelled, "The organization withdrew from the project", (await scenario.DetailsAsync(cancelled)).Version);
        Assert.True(cancel.Succeeded, cancel.Message);

        using var grants = new MemoryStream();
        Assert.True(await OpenData(Host).WriteGrantsJsonAsync(2026, grants, CancellationToken.None));
        using var package = JsonDocument.Parse(grants.ToArray());
        var grant = Assert.Single(package.RootElement.GetProperty("grants").EnumerateArray());
        Assert.Equal((await scenario.DetailsAsync(kept)).ProjectTitle, grant.GetProperty("title").GetString());
        Assert.Equal((100_000_000L, 1), await CivilSocietyFigureAsync());
    }

    /// <summary>Money and projects under recommendation 1224 in the public recommendations feed for 2026.</summary>
    private async Task<(long Awarded, int Projects)> CivilSocietyFigureAsync()
    {
        using var output = new MemoryStream();
        await OpenData(Host).WriteRecommendationsJsonAsync(2026, output, CancellationToken.None);
        using var feed = JsonDocument.Parse(output.ToArray());
        var code = feed.RootElement.GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("code").GetString() == CoiRecommendations.CivilSociety);
        return (code.GetProperty("amountAwarded").GetInt64(), code.GetProperty("projects").GetInt32());
    }
}

public sealed class OpenDataPublicationTests_on_Sqlite : OpenDataPublicationTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class OpenDataPublicationTests_on_PostgreSql(PostgresCluster cluster) : OpenDataPublicationTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
