using System.Globalization;
using System.Text;
using System.Text.Json;
using GrantPortal.Core.Recommendations;
using GrantPortal.IntegrationTests.Infrastructure;
using static GrantPortal.IntegrationTests.Reporting.ReportingScenario;

namespace GrantPortal.IntegrationTests.Reporting;

/// <summary>
/// The answer to the UN from the demo data: 2023 under recommendation 1224 is exactly 2,000,000,000 KRW to 18
/// organizations for 29 projects, the same in the figures, the narrative (both languages) and both public feeds.
/// </summary>
public abstract class AccountabilityTests : ProviderTest
{
    [Fact]
    public async Task Figures_for_2023_under_1224_are_two_billion_won_18_organizations_29_projects()
    {
        await SeedAsync(Host);

        var totals = await Figures(Host).ForCodeAsync(CoiRecommendations.CivilSociety, 2023, 2023, CancellationToken.None);

        Assert.NotNull(totals);
        Assert.Equal(2_000_000_000L, totals.Awarded.Won);
        Assert.Equal(2_000_000_000L, totals.Disbursed.Won);
        Assert.Equal(18, totals.Organizations);
        Assert.Equal(29, totals.Projects);
        Assert.Equal(29, totals.ProjectList.Count(p => p.Outcomes is not null));
        Assert.True(totals.Indicators.Total("참여자 수", "명") > 0);
    }

    [Fact]
    public async Task Narrative_for_2023_under_1224_says_two_billion_won_18_organizations_29_projects_in_both_languages()
    {
        await SeedAsync(Host);

        var draft = await Accountability(Host).GenerateAsync(Officer, CoiRecommendations.CivilSociety, 2023, 2023, CancellationToken.None);

        Assert.NotNull(draft);
        Assert.StartsWith(
            "Based on recommendation 1224, the ROK government provided financial support of 2 billion Korean Won (KRW) to 18 organizations in 2023. In total, 29 projects benefited from financial assistance.",
            draft.English,
            StringComparison.Ordinal);
        Assert.Contains("capacity-building programs", draft.English, StringComparison.Ordinal);
        Assert.StartsWith("권고 1224에 따라 대한민국 정부는 2023년 18개 단체에 20억 원의 재정을 지원하였습니다. 총 29개 사업이", draft.Korean, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Narrative_is_refused_to_an_applicant()
    {
        await SeedAsync(Host);

        var draft = await Accountability(Host).GenerateAsync(ApplicantOf(1), CoiRecommendations.CivilSociety, 2023, 2023, CancellationToken.None);

        Assert.Null(draft);
    }

    [Fact]
    public async Task Grants_feed_for_2023_carries_29_grants_of_18_organizations_summing_to_two_billion_won_under_1224()
    {
        await SeedAsync(Host);
        using var output = new MemoryStream();

        Assert.True(await OpenData(Host).WriteGrantsJsonAsync(2023, output, CancellationToken.None));

        using var json = JsonDocument.Parse(output.ToArray());
        var grants = json.RootElement.GetProperty("grants").EnumerateArray().ToList();
        var under1224 = grants.Where(g => g.GetProperty("classifications").EnumerateArray().Any(c => c.GetProperty("code").GetString() == "1224")).ToList();
        Assert.Equal(29, under1224.Count);
        Assert.Equal(2_000_000_000L, under1224.Sum(g => g.GetProperty("amountAwarded").GetInt64()));
        Assert.Equal(18, under1224.Select(g => g.GetProperty("recipientOrganization")[0].GetProperty("id").GetString()).Distinct().Count());
        Assert.All(grants, g => Assert.Equal("KRW", g.GetProperty("currency").GetString()));
    }

    [Fact]
    public async Task Every_360Giving_grant_has_the_schema_required_fields_and_no_personal_data()
    {
        await SeedAsync(Host);
        using var output = new MemoryStream();
        await OpenData(Host).WriteGrantsJsonAsync(2023, output, CancellationToken.None);
        var text = Encoding.UTF8.GetString(output.ToArray());

        using var json = JsonDocument.Parse(text);
        foreach (var grant in json.RootElement.GetProperty("grants").EnumerateArray())
        {
            foreach (var field in new[] { "id", "title", "description", "currency", "amountAwarded", "awardDate", "recipientOrganization", "fundingOrganization" })
            {
                Assert.True(grant.TryGetProperty(field, out _), $"{field} is missing");
            }

            Assert.StartsWith("360G-", grant.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", grant.GetProperty("awardDate").GetString());
            Assert.All(grant.GetProperty("fundingOrganization").EnumerateArray(), o => Assert.False(string.IsNullOrEmpty(o.GetProperty("name").GetString())));
        }

        // Contacts of the organizations are people: their names, e-mails and phones never leave the portal.
        await using var db = await Host.CreateDbContextAsync();
        foreach (var organization in db.Organizations.ToList())
        {
            Assert.DoesNotContain(organization.ContactEmail, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(organization.ContactPhone, text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"" + organization.ContactName + "\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Grants_csv_for_2023_has_a_row_per_grant_summing_to_two_billion_won()
    {
        await SeedAsync(Host);
        using var output = new MemoryStream();

        Assert.True(await OpenData(Host).WriteGrantsCsvAsync(2023, output, CancellationToken.None));

        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Identifier\",\"Title\"", lines[0], StringComparison.Ordinal);
        Assert.Equal(29, lines.Length - 1);
        var cells = lines.Skip(1).Select(l => RecommendationCsv.Read(new StringReader(l)).Single().Cells).ToList();
        Assert.Equal(2_000_000_000L, cells.Sum(c => long.Parse(c[4], CultureInfo.InvariantCulture)));
        Assert.All(cells, c => Assert.Equal("1224", c[16]));
    }

    [Fact]
    public async Task Recommendations_feed_for_2023_gives_1224_two_billion_won_18_organizations_29_projects()
    {
        await SeedAsync(Host);
        using var output = new MemoryStream();

        await OpenData(Host).WriteRecommendationsJsonAsync(2023, output, CancellationToken.None);

        using var json = JsonDocument.Parse(output.ToArray());
        var codes = json.RootElement.GetProperty("recommendations").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal(["1222", "1223", "1224", "1225-(c)", "1225-(i)"], codes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2_000_000_000L, codes["1224"].GetProperty("amountAwarded").GetInt64());
        Assert.Equal(2_000_000_000L, codes["1224"].GetProperty("amountDisbursed").GetInt64());
        Assert.Equal(18, codes["1224"].GetProperty("organizations").GetInt32());
        Assert.Equal(29, codes["1224"].GetProperty("projects").GetInt32());
        Assert.Equal(0, codes["1222"].GetProperty("projects").GetInt32());
    }

    [Fact]
    public async Task Year_without_grants_writes_no_package()
    {
        await SeedAsync(Host);
        using var output = new MemoryStream();

        Assert.False(await OpenData(Host).WriteGrantsJsonAsync(2019, output, CancellationToken.None));
        Assert.Equal(0, output.Length);
    }
}

public sealed class AccountabilityTests_on_Sqlite : AccountabilityTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class AccountabilityTests_on_PostgreSql(PostgresCluster cluster) : AccountabilityTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
