using System.Net;
using System.Text.Json;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Notifications;
using GrantPortal.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrantPortal.BrowserTests;

/// <summary>
/// The public API (<c>/api/v1</c>), its OpenAPI document and what it shares with the open-data feeds (CORS, ETag,
/// caching), as a script or another site's page fetches them from the running portal, without signing in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicApiTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Call_list_gives_the_published_demo_calls_with_both_titles_money_and_seoul_moments()
    {
        using var client = Client(fixture.Server.BaseAddress);

        var response = await client.GetAsync(new Uri("/api/v1/calls", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var calls = list.RootElement.EnumerateArray().ToList();
        var call2023 = calls.Single(c => c.GetProperty("year").GetInt32() == 2023);
        Assert.Equal("2023년 북한인권 증진 민간단체 지원사업", call2023.GetProperty("titleKorean").GetString());
        Assert.Equal("2023 Grants for Civil Society Projects on North Korean Human Rights", call2023.GetProperty("titleEnglish").GetString());
        Assert.Equal("KRW", call2023.GetProperty("currency").GetString());
        Assert.Equal(2_000_000_000L, call2023.GetProperty("envelope").GetInt64());
        Assert.Equal(10_000_000L, call2023.GetProperty("minimumRequest").GetInt64());
        Assert.Equal(250_000_000L, call2023.GetProperty("maximumRequest").GetInt64());
        Assert.Equal("2023-03-06T10:00:00+09:00", call2023.GetProperty("opensAt").GetString());
        Assert.Equal("2023-04-07T18:00:00+09:00", call2023.GetProperty("closesAt").GetString());
        Assert.Equal(5, call2023.GetProperty("categories").GetArrayLength());
        Assert.Contains("1224", call2023.GetProperty("recommendations").EnumerateArray().Select(r => r.GetString()));
        var id = call2023.GetProperty("id").GetInt32();
        // On the portal's configured public address, as in mail, whatever Host the request named.
        var portalUrl = fixture.Server.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.PortalUrl.TrimEnd('/');
        Assert.Equal($"{portalUrl}/calls/{id}", call2023.GetProperty("url").GetString());

        // Every demo call is published: both decided years, this year's and the ones open now.
        Assert.Contains(calls, c => c.GetProperty("code").GetString() == "YOUTH");
        Assert.Contains(calls, c => c.GetProperty("code").GetString() == "CULT" && c.GetProperty("conceptNotesCloseAt").GetString()!.EndsWith("+09:00", StringComparison.Ordinal));
        Assert.All(calls, c => Assert.EndsWith("+09:00", c.GetProperty("closesAt").GetString(), StringComparison.Ordinal));

        var one = await client.GetStringAsync(new Uri($"/api/v1/calls/{id}", UriKind.Relative));
        Assert.Equal(call2023.GetRawText(), JsonDocument.Parse(one).RootElement.GetRawText());
        using var of2024 = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/calls?year=2024", UriKind.Relative)));
        Assert.Equal([2024], of2024.RootElement.EnumerateArray().Select(c => c.GetProperty("year").GetInt32()).Distinct());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri("/api/v1/calls?year=24", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Withdrawn_call_leaves_the_list_and_its_id_answers_404_with_json()
    {
        await using var server = new PortalServer();
        await server.StartAsync();
        using var client = Client(server.BaseAddress);
        var id = await WithdrawCallAsync(server, "DOC");

        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/calls", UriKind.Relative)));
        var missing = await client.GetAsync(new Uri($"/api/v1/calls/{id}", UriKind.Relative));
        var unknown = await client.GetAsync(new Uri("/api/v1/calls/999999", UriKind.Relative));

        var codes = list.RootElement.EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Contains("YOUTH", codes);
        Assert.DoesNotContain("DOC", codes);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No published call", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/calls")]
    [InlineData("/open-data/recommendations.json?year=2023")]
    [InlineData("/open-data/360giving.csv?year=2023")]
    public async Task Public_read_carries_a_strong_etag_and_answers_304_when_it_matches(string path)
    {
        using var client = Client(fixture.Server.BaseAddress);

        var first = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await first.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);
        Assert.Equal($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))}\"", tag.Tag);
        Assert.True(first.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromMinutes(5), first.Headers.CacheControl?.MaxAge);
        // A shared cache may keep this answer for a browser's cross-site fetch later: it carries the CORS header
        // even though this request named no origin.
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(tag);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, notModified.Headers.ETag);

        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"something-else\""));
        var changed = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(body, await changed.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/v1/calls")]
    [InlineData("/open-data/360giving.json?year=2023")]
    [InlineData("/openapi/v1.json")]
    public async Task Another_site_may_read_the_public_endpoints(string path)
    {
        using var client = Client(fixture.Server.BaseAddress);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        preflight.Headers.Add("Origin", "https://example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var allowed = await client.SendAsync(preflight);
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        get.Headers.Add("Origin", "https://example.org");
        var read = await client.SendAsync(get);

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("*", read.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", read.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_signed_in_readers_answer_is_kept_from_shared_caches()
    {
        // Their answer may renew their sign-in cookie: a proxy that stored it could hand the cookie to the next visitor.
        using var reader = new FormClient(fixture.Server.BaseAddress);
        var signIn = await reader.PostAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.Officer.Email,
            ["Input.Password"] = DemoAccounts.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var read = await reader.Http.GetAsync(new Uri("/api/v1/calls", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(read.Headers.CacheControl?.Private);
        Assert.False(read.Headers.CacheControl?.Public);
    }

    [Fact]
    public async Task Signed_in_pages_are_not_opened_to_other_sites()
    {
        using var client = Client(fixture.Server.BaseAddress);
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri("/calls", UriKind.Relative));
        get.Headers.Add("Origin", "https://example.org");

        var page = await client.SendAsync(get);

        Assert.False(page.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task OpenApi_document_lists_the_calls_api_and_the_feeds_and_nothing_private()
    {
        using var client = Client(fixture.Server.BaseAddress);

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["/api/v1/calls", "/api/v1/calls/{id}", "/open-data/360giving.csv", "/open-data/360giving.json", "/open-data/recommendations.json"],
            paths);
        var list = root.GetProperty("paths").GetProperty("/api/v1/calls").GetProperty("get");
        Assert.Equal("The published calls for proposals", list.GetProperty("summary").GetString());
        Assert.True(list.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _));
        var feed = root.GetProperty("paths").GetProperty("/open-data/360giving.json").GetProperty("get");
        Assert.Contains(feed.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "year" && p.GetProperty("in").GetString() == "query");
        var call = root.GetProperty("components").GetProperty("schemas").GetProperty(nameof(PublicCall)).GetProperty("properties");
        Assert.Equal("date-time", call.GetProperty("closesAt").GetProperty("format").GetString());
        Assert.True(call.TryGetProperty("titleKorean", out _));
    }

    private static HttpClient Client(string baseAddress) => new() { BaseAddress = new Uri(baseAddress) };

    /// <summary>The program officer takes a published demo call off the public list, as the call editor's "unpublish" does.</summary>
    private static async Task<int> WithdrawCallAsync(PortalServer server, string code)
    {
        var services = server.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var officerUser = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Officer.Email);
        var officer = new CurrentUser(officerUser.Id, officerUser.DisplayName, null, new HashSet<string> { Roles.ProgramOfficer });
        var call = await db.Calls.SingleAsync(c => c.Code == code && c.IsPublished);
        var withdrawn = await services.GetRequiredService<PublishCall>().UnpublishAsync(officer, call.Id, call.Version, CancellationToken.None);
        Assert.True(withdrawn.Succeeded, withdrawn.Message);
        return call.Id;
    }
}
