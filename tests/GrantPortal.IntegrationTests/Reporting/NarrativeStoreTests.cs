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

    private NarrativeStore Store => Host.Services.GetRequiredService<NarrativeStore>();

    private Task CatalogueAsync() =>
        Host.InScopeAsync(s => s.GetRequiredService<RecommendationCatalogue>().EnsureSeededAsync(CancellationToken.None));

    [Fact]
    public async Task Edited_narrative_is_saved_and_comes_back_for_the_same_code_and_years()
    {
        await CatalogueAsync();
        var saved = await Store.SaveAsync(Officer, Code, 2023, 2023, "en", "Recommendation 1224", "Edited: the Ministry supported 18 organizations.", 0);

        Assert.True(saved.Saved, saved.Error);
        var found = Assert.Single(await Store.FindAsync(Administrator, Code, 2023, 2023));
        Assert.Equal(("en", "Edited: the Ministry supported 18 organizations.", "Officer Park", 1), (found.Language, found.Text, found.SavedByName, found.Version));
        Assert.Empty(await Store.FindAsync(Officer, Code, 2023, 2024));
        Assert.Empty(await Store.FindAsync(ApplicantOf(1), Code, 2023, 2023));

        Host.Clock.Advance(Duration.FromMinutes(5));
        var again = await Store.SaveAsync(Administrator, Code, 2023, 2023, "en", "Recommendation 1224", "Second edit.", found.Version);
        Assert.True(again.Saved, again.Error);
        Assert.Equal((2, "Admin Lee"), (again.Narrative!.Version, again.Narrative.SavedByName));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "accountability.saved"));
    }

    [Fact]
    public async Task Save_based_on_an_older_version_is_refused_and_names_who_saved_in_between()
    {
        await CatalogueAsync();
        Assert.True((await Store.SaveAsync(Officer, Code, 2023, 2023, "ko", "권고 1224", "첫 문안", 0)).Saved);
        Assert.True((await Store.SaveAsync(Administrator, Code, 2023, 2023, "ko", "권고 1224", "관리자 문안", 1)).Saved);

        var stale = await Store.SaveAsync(Officer, Code, 2023, 2023, "ko", "권고 1224", "담당자 문안", 1);
        var alsoFirst = await Store.SaveAsync(Officer, Code, 2023, 2023, "ko", "권고 1224", "또 다른 첫 문안", 0);

        Assert.False(stale.Saved);
        Assert.StartsWith("Admin Lee saved this text at", stale.Error, StringComparison.Ordinal);
        Assert.False(alsoFirst.Saved);
        Assert.Equal("관리자 문안", Assert.Single(await Store.FindAsync(Officer, Code, 2023, 2023)).Text);
    }

    [Fact]
    public async Task Empty_oversized_unknown_or_unauthorized_saves_are_refused_and_nothing_is_stored()
    {
        await CatalogueAsync();
        var empty = await Store.SaveAsync(Officer, Code, 2023, 2023, "en", " ", "text", 0);
        var huge = await Store.SaveAsync(Officer, Code, 2023, 2023, "en", "Heading", new string('x', SavedNarrative.TextMaximum + 1), 0);
        var unknown = await Store.SaveAsync(Officer, "9999", 2023, 2023, "en", "Heading", "Text", 0);
        var language = await Store.SaveAsync(Officer, Code, 2023, 2023, "fr", "Heading", "Text", 0);
        var applicant = await Store.SaveAsync(ApplicantOf(1), Code, 2023, 2023, "en", "Heading", "Text", 0);

        Assert.Equal("Write a heading and a text before saving.", empty.Error);
        Assert.Equal("The heading takes at most 300 characters and the text at most 20000.", huge.Error);
        Assert.All([unknown, language, applicant], r => Assert.False(r.Saved));
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
