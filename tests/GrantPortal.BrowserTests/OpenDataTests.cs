using System.Net;
using System.Text.Json;
using GrantPortal.Testing;
using Json.Schema;

namespace GrantPortal.BrowserTests;

/// <summary>The public feeds as anyone fetches them from the running portal, without signing in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OpenDataTests(BrowserFixture fixture)
{
    private const string GrantSchema142 = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";
    private const string GrantSchema143 = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/360-giving-schema.json";

    [Fact]
    public async Task Grants_package_for_2023_is_valid_against_the_official_360Giving_schemas()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseAddress) };

        var response = await client.GetAsync(new Uri("/open-data/360giving.json?year=2023", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var package = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var results = PackageSchema().Evaluate(package.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var problems = (results.Details ?? [])
            .Where(d => !d.IsValid && d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
            .Take(20)
            .ToList();
        Assert.True(results.IsValid, string.Join('\n', problems));
        var grants = package.RootElement.GetProperty("grants").EnumerateArray().ToList();
        Assert.Equal(29, grants.Count);
        Assert.Equal(2_000_000_000L, grants.Sum(g => g.GetProperty("amountAwarded").GetInt64()));
    }

    [Fact]
    public void Schema_check_rejects_a_grant_without_its_required_fields_or_with_a_bad_award_date()
    {
        using var missing = JsonDocument.Parse("""{"grants":[{"id":"360G-x","title":"t"}]}""");
        using var badDate = JsonDocument.Parse("""
            {"grants":[{"id":"360G-x","title":"t","description":"d","currency":"KRW","amountAwarded":1,"awardDate":"2023-13-45",
            "recipientOrganization":[{"id":"a","name":"b"}],"fundingOrganization":[{"id":"c","name":"d"}]}]}
            """);
        var options = new EvaluationOptions { RequireFormatValidation = true };

        Assert.False(PackageSchema().Evaluate(missing.RootElement, options).IsValid);
        Assert.False(PackageSchema().Evaluate(badDate.RootElement, options).IsValid);
    }

    [Fact]
    public async Task Recommendations_feed_and_csv_for_2023_agree_on_two_billion_won_under_1224()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseAddress) };

        using var feed = JsonDocument.Parse(await client.GetStringAsync(new Uri("/open-data/recommendations.json?year=2023", UriKind.Relative)));
        var csv = await client.GetAsync(new Uri("/open-data/360giving.csv?year=2023", UriKind.Relative));

        var civilSociety = feed.RootElement.GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "1224");
        Assert.Equal(2_000_000_000L, civilSociety.GetProperty("amountAwarded").GetInt64());
        Assert.Equal(18, civilSociety.GetProperty("organizations").GetInt32());
        Assert.Equal(29, civilSociety.GetProperty("projects").GetInt32());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(30, (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("/open-data/360giving.json", HttpStatusCode.BadRequest)]
    [InlineData("/open-data/360giving.json?year=abc", HttpStatusCode.BadRequest)]
    [InlineData("/open-data/360giving.json?year=2019", HttpStatusCode.NotFound)]
    public async Task Feed_without_a_year_with_grants_is_refused(string path, HttpStatusCode expected)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseAddress) };

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>
    /// The official package schema, resolving its grant reference to the local grant schema. The package points at the
    /// 1.4.2 URL while the grant schema names itself 1.4.3, so the grant schema is registered under both.
    /// </summary>
    private static JsonSchema PackageSchema()
    {
        var folder = Path.Combine(Repository.Root, "tests", "GrantPortal.BrowserTests", "360giving");

        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var grant = JsonSchema.FromText(Dialect(File.ReadAllText(Path.Combine(folder, "360-giving-schema.json"))), options);
        options.SchemaRegistry.Register(new Uri(GrantSchema142), grant);
        options.SchemaRegistry.Register(new Uri(GrantSchema143), grant);
        return JsonSchema.FromText(Dialect(File.ReadAllText(Path.Combine(folder, "360-giving-package-schema.json"))), options);
    }

    // The files name the 2020-12 dialect over http://; the validator knows it by its canonical https:// URI.
    private static string Dialect(string schema) =>
        schema.Replace("\"http://json-schema.org/draft/2020-12/schema\"", "\"https://json-schema.org/draft/2020-12/schema\"", StringComparison.Ordinal);
}
