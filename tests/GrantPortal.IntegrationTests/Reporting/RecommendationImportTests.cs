using System.Text;
using GrantPortal.Core.Recommendations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GrantPortal.IntegrationTests.Reporting.ReportingScenario;

namespace GrantPortal.IntegrationTests.Reporting;

/// <summary>The catalogue import is all or nothing: one bad row and no row is saved, and every problem is listed with its line.</summary>
public abstract class RecommendationImportTests : ProviderTest
{
    private const string Header = "code,source_document,paragraph,short_title_en,short_title_ko,text_en,text_ko\n";

    private RecommendationQueries Recommendations => Host.Services.GetRequiredService<RecommendationQueries>();

    private ImportRecommendations Import => Host.Services.GetRequiredService<ImportRecommendations>();

    private SetAwardCodes Mapping => Host.Services.GetRequiredService<SetAwardCodes>();

    [Fact]
    public async Task Csv_import_with_bad_rows_imports_nothing_and_lists_each_error()
    {
        await Host.InScopeAsync(s => s.GetRequiredService<RecommendationCatalogue>().EnsureSeededAsync(CancellationToken.None));
        var csv = Header
            + "1225-(a),A/HRC/25/CRP.1,1225 (a),Good row,좋은 줄,\"Text, with a comma\",본문\n"
            + "1224,A/HRC/25/CRP.1,1224,Changed title,바뀐 제목,Changed text,바뀐 본문\n"
            + ",A/HRC/25/CRP.1,9,No code,번호 없음,Text,본문\n"
            + "1226,A/HRC/25/CRP.1,1226,Too few columns\n"
            + "1225-(a),A/HRC/25/CRP.1,1225 (a),Twice,두 번,Text,본문\n";

        var result = await Import.ImportCsvAsync(Administrator, Stream(csv), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal([4, 5, 6], result.Value!.RowErrors.Select(e => e.Line).Distinct());
        Assert.Contains(result.Value.RowErrors, e => e.Line == 6 && e.Message.Contains("1225-(a)", StringComparison.Ordinal));
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.Recommendations.AnyAsync(r => r.Code == "1225-(a)"));
        Assert.NotEqual("Changed title", (await db.Recommendations.SingleAsync(r => r.Code == "1224")).ShortTitleEnglish);
        Assert.Equal(5, await db.Recommendations.CountAsync());
    }

    [Fact]
    public async Task Csv_import_adds_new_codes_and_updates_existing_ones()
    {
        await Host.InScopeAsync(s => s.GetRequiredService<RecommendationCatalogue>().EnsureSeededAsync(CancellationToken.None));
        var csv = Header
            + "1225-(a),A/HRC/25/CRP.1,1225 (a),\"Quoted \"\"title\"\"\",새 권고,\"Two\nlines\",본문\n"
            + "1224,A/HRC/25/CRP.1,1224,Changed title,바뀐 제목,Changed text,바뀐 본문\n";

        var result = await Import.ImportCsvAsync(Administrator, Stream(csv), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal((1, 1), (result.Value!.Added, result.Value.Updated));
        await using var db = await Host.CreateDbContextAsync();
        var added = await db.Recommendations.SingleAsync(r => r.Code == "1225-(a)");
        Assert.Equal("Quoted \"title\"", added.ShortTitleEnglish);
        Assert.Equal("Two\nlines", added.TextEnglish);
        Assert.Equal("Changed title", (await db.Recommendations.SingleAsync(r => r.Code == "1224")).ShortTitleEnglish);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "recommendation.imported"));
    }

    [Fact]
    public async Task Only_administrators_import()
    {
        var result = await Import.ImportCsvAsync(Officer, Stream(Header + "9,x,9,t,t,t,t\n"), CancellationToken.None);

        Assert.False(result.Succeeded);
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.Recommendations.AnyAsync(r => r.Code == "9"));
    }

    [Fact]
    public async Task Officer_refines_an_award_inheriting_1224_to_also_serve_1225_c()
    {
        await SeedAsync(Host);
        var award = (await Recommendations.ListAwardsAsync(Officer, 2023, CancellationToken.None))[0];
        Assert.Equal(["1224"], award.CallCodes);

        var outcome = await Mapping.SetAwardCodesAsync(Officer, award.AwardId, award.Version, ["1224", "1225-(c)"], CancellationToken.None);
        var stale = await Mapping.SetAwardCodesAsync(Officer, award.AwardId, award.Version, ["1224"], CancellationToken.None);
        var unknown = await Mapping.SetAwardCodesAsync(Officer, award.AwardId, award.Version + 1, ["9999"], CancellationToken.None);

        Assert.Equal(Outcome.Done, outcome.Outcome);
        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.Equal(Outcome.Invalid, unknown.Outcome);
        var totals = await Figures(Host).ForCodeAsync("1225-(c)", 2023, 2023, CancellationToken.None);
        Assert.Equal(1, totals!.Projects);
        Assert.Equal(award.Amount, totals.Awarded);
        Assert.Equal(Outcome.NotFound, (await Mapping.SetAwardCodesAsync(ApplicantOf(1), award.AwardId, award.Version + 1, ["1224"], CancellationToken.None)).Outcome);
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}

public sealed class RecommendationImportTests_on_Sqlite : RecommendationImportTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class RecommendationImportTests_on_PostgreSql(PostgresCluster cluster) : RecommendationImportTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
