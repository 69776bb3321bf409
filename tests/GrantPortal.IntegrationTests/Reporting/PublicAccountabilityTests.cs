using System.Text.Json;
using GrantPortal.Core.Recommendations;
using GrantPortal.Core.Time;
using GrantPortal.IntegrationTests.Awards;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static GrantPortal.IntegrationTests.Reporting.ReportingScenario;

namespace GrantPortal.IntegrationTests.Reporting;

/// <summary>
/// The public accountability page, the open-data feeds and the answer to the UN give the same figures per year and
/// recommendation: 2023 under 1224 is 2,000,000,000 KRW to 18 organizations for 29 projects everywhere, and an award
/// the organizations have not been told of is in none of them.
/// </summary>
public abstract class PublicAccountabilityTests : ProviderTest
{
    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public async Task Public_page_feeds_and_narrative_give_the_same_figures_per_recommendation(int year)
    {
        await SeedAsync(Host);

        var overview = await Page().ForYearAsync(year, CancellationToken.None);
        var feed = await RecommendationsFeedAsync(year);
        var grants = await GrantsFeedAsync(year);

        Assert.Equal(year, overview.Year);
        Assert.Equal(feed.Keys.Order(StringComparer.Ordinal), overview.Recommendations.Select(r => r.Code));
        foreach (var shown in overview.Recommendations)
        {
            var published = feed[shown.Code];
            var narrative = await Accountability(Host).GenerateAsync(Officer, shown.Code, year, year, CancellationToken.None);
            Assert.NotNull(narrative);
            Assert.Equal(published, (shown.Awarded.Won, shown.Disbursed.Won, shown.Organizations, shown.Projects));
            Assert.Equal(published, (narrative.Totals.Awarded.Won, narrative.Totals.Disbursed.Won, narrative.Totals.Organizations, narrative.Totals.Projects));
            Assert.Equal(shown.Indicators.Figures, narrative.Totals.Indicators.Figures);
        }

        // The year's line of the chart is the sum of the year's grants in the 360Giving feed.
        var yearFigures = Assert.Single(overview.Years, y => y.Year == year);
        Assert.Equal(grants.Sum(g => g.Awarded), yearFigures.Sums.Awarded.Won);
        Assert.Equal(grants.Sum(g => g.Disbursed), yearFigures.Sums.Disbursed.Won);
        Assert.Equal(grants.Count, yearFigures.Sums.Projects);
        Assert.Equal(grants.Select(g => g.Recipient).Distinct().Count(), yearFigures.Sums.Organizations);
    }

    [Fact]
    public async Task Public_page_shows_2023_as_two_billion_won_to_18_organizations_for_29_projects_and_2024_allocated_1_8_billion()
    {
        await SeedAsync(Host);

        var overview = await Page().ForYearAsync(2023, CancellationToken.None);

        var civilSociety = overview.Recommendations.Single(r => r.Code == CoiRecommendations.CivilSociety);
        Assert.Equal((2_000_000_000L, 18, 29), (civilSociety.Awarded.Won, civilSociety.Organizations, civilSociety.Projects));
        Assert.True(civilSociety.Indicators.Total("참여자 수", "명") > 0);
        Assert.Contains(overview.Indicators, i => i.NameKorean == "참여자 수");
        Assert.Equal(2_000_000_000L, overview.Shown!.Allocated.Won);
        var of2024 = overview.Years.Single(y => y.Year == 2024);
        Assert.Equal(1_800_000_000L, of2024.Allocated.Won);
        Assert.InRange(of2024.Sums.Awarded.Won, 1L, 1_800_000_000L);
        Assert.Equal(overview.Years.Select(y => y.Year).Order(), overview.Years.Select(y => y.Year));
    }

    [Fact]
    public async Task Public_page_without_a_year_opens_on_the_last_finished_year_and_ignores_an_unknown_one()
    {
        await SeedAsync(Host);
        var years = await Figures(Host).YearsAsync(CancellationToken.None);
        var lastFinished = years.First(y => y < Seoul.Today(Host.Services.GetRequiredService<IClock>()).Year);

        Assert.Equal(lastFinished, (await Page().ForYearAsync(null, CancellationToken.None)).Year);
        Assert.Equal(lastFinished, (await Page().ForYearAsync(1999, CancellationToken.None)).Year);
    }

    [Fact]
    public async Task An_award_of_a_call_not_yet_finalized_is_on_neither_the_page_nor_the_feed_nor_in_the_narrative()
    {
        await Host.InScopeAsync(services => services.GetRequiredService<RecommendationCatalogue>().EnsureSeededAsync(CancellationToken.None));
        var scenario = await AwardScenario.CreateAsync(Host);
        var (callId, applications) = await scenario.CallAsync(500_000_000, 1, 100_000_000);
        var awardId = await scenario.AwardAsync(applications[0], 100_000_000);
        var mapped = await Host.Services.GetRequiredService<SetAwardCodes>().SetAwardCodesAsync(
            AwardScenario.Officer, awardId, (await scenario.DetailsAsync(awardId)).Version, [CoiRecommendations.CivilSociety], CancellationToken.None);
        Assert.True(mapped.Succeeded, mapped.Message);

        Assert.Equal([(0L, 0), (0L, 0), (0L, 0)], await CivilSocietyIn2026Async());

        var finalized = await scenario.FinalizeCall.FinalizeAsync(AwardScenario.Officer, callId);
        Assert.True(finalized.Succeeded, finalized.Message);

        Assert.Equal([(100_000_000L, 1), (100_000_000L, 1), (100_000_000L, 1)], await CivilSocietyIn2026Async());
    }

    private PublicAccountability Page() => Host.Services.GetRequiredService<PublicAccountability>();

    /// <summary>Money and projects under 1224 in 2026 on the public page, in the recommendations feed and in the narrative.</summary>
    private async Task<(long Awarded, int Projects)[]> CivilSocietyIn2026Async()
    {
        var page = (await Page().ForYearAsync(2026, CancellationToken.None)).Recommendations.Single(r => r.Code == CoiRecommendations.CivilSociety);
        var feed = (await RecommendationsFeedAsync(2026))[CoiRecommendations.CivilSociety];
        var narrative = (await Accountability(Host).GenerateAsync(Officer, CoiRecommendations.CivilSociety, 2026, 2026, CancellationToken.None))!.Totals;
        return [(page.Awarded.Won, page.Projects), (feed.Awarded, feed.Projects), (narrative.Awarded.Won, narrative.Projects)];
    }

    private async Task<Dictionary<string, (long Awarded, long Disbursed, int Organizations, int Projects)>> RecommendationsFeedAsync(int year)
    {
        using var output = new MemoryStream();
        await OpenData(Host).WriteRecommendationsJsonAsync(year, output, CancellationToken.None);
        using var json = JsonDocument.Parse(output.ToArray());
        return json.RootElement.GetProperty("recommendations").EnumerateArray().ToDictionary(
            r => r.GetProperty("code").GetString()!,
            r => (r.GetProperty("amountAwarded").GetInt64(), r.GetProperty("amountDisbursed").GetInt64(), r.GetProperty("organizations").GetInt32(), r.GetProperty("projects").GetInt32()),
            StringComparer.Ordinal);
    }

    private async Task<List<(long Awarded, long Disbursed, string Recipient)>> GrantsFeedAsync(int year)
    {
        using var output = new MemoryStream();
        Assert.True(await OpenData(Host).WriteGrantsJsonAsync(year, output, CancellationToken.None));
        using var json = JsonDocument.Parse(output.ToArray());
        return json.RootElement.GetProperty("grants").EnumerateArray()
            .Select(g => (g.GetProperty("amountAwarded").GetInt64(), g.GetProperty("amountDisbursed").GetInt64(), g.GetProperty("recipientOrganization")[0].GetProperty("id").GetString()!))
            .ToList();
    }
}

public sealed class PublicAccountabilityTests_on_Sqlite : PublicAccountabilityTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PublicAccountabilityTests_on_PostgreSql(PostgresCluster cluster) : PublicAccountabilityTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
