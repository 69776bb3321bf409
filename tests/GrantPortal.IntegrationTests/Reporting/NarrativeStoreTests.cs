using System.Globalization;
using GrantPortal.Core.Recommendations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static GrantPortal.IntegrationTests.Reporting.ReportingScenario;

namespace GrantPortal.IntegrationTests.Reporting;

/// <summary>The officers' edited answer to the UN outlives the browser tab, and two officers never overwrite each other.</summary>
public abstract class NarrativeStoreTests : ProviderTest
{
    private const string Code = CoiRecommendations.CivilSociety;

    protected NarrativeStoreTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private SaveNarrative Saving => Host.Services.GetRequiredService<SaveNarrative>();

    private NarrativeQueries Narratives => Host.Services.GetRequiredService<NarrativeQueries>();

    private Task CatalogueAsync() =>
        Host.InScopeAsync(s => s.GetRequiredService<RecommendationCatalogue>().EnsureSeededAsync(CancellationToken.None));

    [Fact]
    public async Task Edited_narrative_is_saved_and_comes_back_for_the_same_code_and_years()
    {
        await CatalogueAsync();
        var saved = await Saving.SaveAsync(Officer, Code, 2023, 2023, "en", "Recommendation 1224", "Edited: the Ministry supported 18 organizations.", 0);

        Assert.True(saved.Succeeded, saved.Message);
        var found = Assert.Single(await Narratives.FindAsync(Administrator, Code, 2023, 2023));
        Assert.Equal(("en", "Edited: the Ministry supported 18 organizations.", "Officer Park", 1), (found.Language, found.Text, found.SavedByName, found.Version));
        Assert.Empty(await Narratives.FindAsync(Officer, Code, 2023, 2024));
        Assert.Empty(await Narratives.FindAsync(ApplicantOf(1), Code, 2023, 2023));

        Host.Clock.Advance(Duration.FromMinutes(5));
        var again = await Saving.SaveAsync(Administrator, Code, 2023, 2023, "en", "Recommendation 1224", "Second edit.", found.Version);
        Assert.True(again.Succeeded, again.Message);
        Assert.Equal((2, "Admin Lee"), (again.Value!.Version, again.Value.SavedByName));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "accountability.saved"));
    }

    [Fact]
    public async Task Save_based_on_an_older_version_is_refused_and_names_who_saved_in_between()
    {
        await CatalogueAsync();
        Assert.True((await Saving.SaveAsync(Officer, Code, 2023, 2023, "ko", "권고 1224", "첫 문안", 0)).Succeeded);
        Assert.True((await Saving.SaveAsync(Administrator, Code, 2023, 2023, "ko", "권고 1224", "관리자 문안", 1)).Succeeded);

        var stale = await Saving.SaveAsync(Officer, Code, 2023, 2023, "ko", "권고 1224", "담당자 문안", 1);
        var alsoFirst = await Saving.SaveAsync(Officer, Code, 2023, 2023, "ko", "권고 1224", "또 다른 첫 문안", 0);

        Assert.False(stale.Succeeded);
        Assert.StartsWith("Admin Lee saved this text at", stale.Message, StringComparison.Ordinal);
        Assert.False(alsoFirst.Succeeded);
        Assert.Equal("관리자 문안", Assert.Single(await Narratives.FindAsync(Officer, Code, 2023, 2023)).Text);
    }

    [Fact]
    public async Task Empty_oversized_unknown_or_unauthorized_saves_are_refused_and_nothing_is_stored()
    {
        await CatalogueAsync();
        var empty = await Saving.SaveAsync(Officer, Code, 2023, 2023, "en", " ", "text", 0);
        var huge = await Saving.SaveAsync(Officer, Code, 2023, 2023, "en", "Heading", new string('x', SavedNarrative.TextMaximum + 1), 0);
        var unknown = await Saving.SaveAsync(Officer, "9999", 2023, 2023, "en", "Heading", "Text", 0);
        var language = await Saving.SaveAsync(Officer, Code, 2023, 2023, "fr", "Heading", "Text", 0);
        var applicant = await Saving.SaveAsync(ApplicantOf(1), Code, 2023, 2023, "en", "Heading", "Text", 0);

        Assert.Equal("Write a heading and a text before saving.", empty.Message);
        Assert.Equal("The heading takes at most 300 characters and the text at most 20000.", huge.Message);
        Assert.All([unknown, language, applicant], r => Assert.False(r.Succeeded));
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.SavedNarratives.AnyAsync());
    }
}

public sealed class NarrativeStoreTests_on_Sqlite : NarrativeStoreTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class NarrativeStoreTests_on_PostgreSql(PostgresCluster cluster) : NarrativeStoreTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
