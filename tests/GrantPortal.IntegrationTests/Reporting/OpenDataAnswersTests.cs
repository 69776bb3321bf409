using System.Text;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GrantPortal.IntegrationTests.Reporting.ReportingScenario;

namespace GrantPortal.IntegrationTests.Reporting;

/// <summary>Answers to a call's own questions are the applicant's, for the ministry: the public feeds never carry them.</summary>
public abstract class OpenDataAnswersTests : ProviderTest
{
    private const string Marker = "PRIVATE-ANSWER-7f3a";

    [Fact]
    public async Task Open_data_never_contains_answers_to_custom_questions()
    {
        await SeedAsync(Host);
        await using (var db = await Host.CreateDbContextAsync())
        {
            foreach (var application in await db.Applications.ToListAsync())
            {
                application.Answers = new Dictionary<string, string>(application.Answers)
                {
                    ["safety"] = $"{Marker} escorts",
                    ["partners"] = $"[{{\"name\":\"{Marker} partner\"}}]",
                    ["objectives"] = $"{Marker} objectives",
                };
            }

            await db.SaveChangesAsync();
        }

        var feeds = new StringBuilder();
        foreach (var year in new[] { 2023, 2024 })
        {
            using var json = new MemoryStream();
            using var csv = new MemoryStream();
            using var recommendations = new MemoryStream();
            await OpenData(Host).WriteGrantsJsonAsync(year, json, CancellationToken.None);
            await OpenData(Host).WriteGrantsCsvAsync(year, csv, CancellationToken.None);
            await OpenData(Host).WriteRecommendationsJsonAsync(year, recommendations, CancellationToken.None);
            feeds.Append(Encoding.UTF8.GetString(json.ToArray())).Append(Encoding.UTF8.GetString(csv.ToArray())).Append(Encoding.UTF8.GetString(recommendations.ToArray()));
        }

        // The feeds are full of the same applications' other words (titles), so the marker's absence means something.
        await using var check = await Host.CreateDbContextAsync();
        var awardedTitle = await check.Awards.Where(a => a.Application!.Call!.BudgetYear!.Year == 2023).Select(a => a.Application!.ProjectTitle).FirstAsync();
        Assert.Contains(awardedTitle, feeds.ToString(), StringComparison.Ordinal);
        Assert.Contains(Marker, (await check.Applications.Select(a => a.Answers).FirstAsync())["safety"], StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, feeds.ToString(), StringComparison.Ordinal);
    }
}

public sealed class OpenDataAnswersTests_on_Sqlite : OpenDataAnswersTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class OpenDataAnswersTests_on_PostgreSql(PostgresCluster cluster) : OpenDataAnswersTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
