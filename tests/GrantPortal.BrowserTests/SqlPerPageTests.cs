using System.Net;
using GrantPortal.Core.Data;
using GrantPortal.Core.Time;
using GrantPortal.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit.Abstractions;

namespace GrantPortal.BrowserTests;

/// <summary>
/// Every main page, as each role that reaches it from the menu, rendered on the server (the prerender of an HTTP GET
/// with the person's cookie) over 50,000 applications, 5,000 awards and 20,000 payments, sends at most
/// <see cref="Bound"/> SQL commands: a page that queries per row (N+1) fails here long before it is slow.
/// </summary>
public sealed class SqlPerPageTests(ScalePortalFixture portal, ITestOutputHelper output) : IClassFixture<ScalePortalFixture>
{
    private const int Bound = 10;

    /// <summary>(role, page, text the page shows only when it rendered the grown data or its own content).</summary>
    public static TheoryData<string, string, string> Pages => new()
    {
        { "applicant", "/", ScaleData.TitlePrefix },
        { "applicant", "/calls", "" },
        { "applicant", "/applications", ScaleData.TitlePrefix },
        { "applicant", "/awards", ScaleData.TitlePrefix },
        { "applicant", "/reports", "" },
        { "applicant", "/organization", "" },
        { "reviewer", "/", "" },
        { "reviewer", "/calls", "" },
        { "reviewer", "/reviews", "" },
        { "reviewer", "/reviewers", "" },
        { "officer", "/", "" },
        { "officer", "/calls", "" },
        { "officer", "/applications", "" },
        { "officer", "/reviews", "" },
        { "officer", "/reviewers", "" },
        { "officer", "/calls/manage", "" },
        { "officer", "/organizations", "" },
        { "officer", "/awards", "" },
        { "officer", "/budget", "" },
        { "officer", "/audit", "" },
        { "officer", "/reports", "" },
        { "officer", "/recommendations", "" },
        { "finance", "/", "" },
        { "finance", "/calls", "" },
        { "finance", "/finance", "" },
        { "finance", "/budget", "" },
        { "finance", "/audit", "" },
        { "finance", "/recommendations", "" },
        { "administrator", "/", "" },
        { "administrator", "/calls", "" },
        { "administrator", "/budget", "" },
        { "administrator", "/audit", "" },
        { "administrator", "/recommendations", "" },
        { "administrator", "/admin", "" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_main_page_renders_in_at_most_ten_sql_commands_at_scale(string role, string path, string shows)
    {
        var visitor = await portal.SignedInAsync(role);

        var (status, html, tally) = await portal.RenderAsync(visitor, path);

        output.WriteLine($"{role} {path}: {tally.Count} SQL commands ({portal.Grown})");
        Directory.CreateDirectory("/tmp/sqlpage-html");
        await File.WriteAllTextAsync($"/tmp/sqlpage-html/{role}{path.Replace('/', '_')}.html", html + "\n<!--SQL\n" + string.Join("\n---\n", tally.Commands) + "\n-->");
        await File.AppendAllTextAsync("/tmp/sqlpage-html/counts.txt", $"{role} {path}: {tally.Count}\n");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("Account/Login", html.Split("<main", 2).Last(), StringComparison.Ordinal);
        Assert.Contains(shows, html, StringComparison.Ordinal);
        Assert.True(
            tally.Count <= Bound,
            $"{role} {path} sent {tally.Count} SQL commands (at most {Bound}):{Environment.NewLine}" +
            string.Join(Environment.NewLine, tally.Commands.Select(c => "  " + c.ReplaceLineEndings(" ")[..Math.Min(c.Length, 300)])));
    }
}

/// <summary>A portal of its own, grown to the sizes once, with each role signed in once.</summary>
public sealed class ScalePortalFixture : IAsyncLifetime
{
    private readonly Dictionary<string, FormClient> visitors = new(StringComparer.Ordinal);

    public ScalePortalFixture() => Server = new PortalServer(services: Counter.AddTo);

    public RequestSqlCounter Counter { get; } = new();

    public PortalServer Server { get; }

    internal ScaleData.Grown Grown { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        string connectionString;
        await using (var db = await Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            connectionString = db.Database.GetConnectionString()!;
        }

        var year = Seoul.Today(Server.Services.GetRequiredService<IClock>()).Year;
        Grown = await ScaleData.GrowAsync(connectionString, year, new ScaleData.Sizes(Applications: 50_000, Awards: 5_000, PaymentsPerAward: 4));
        Assert.Equal((50_000, 5_000, 20_000), (Grown.Applications, Grown.Awards, Grown.Payments));
    }

    internal async Task<FormClient> SignedInAsync(string role)
    {
        if (visitors.TryGetValue(role, out var signedIn))
        {
            return signedIn;
        }

        var account = role switch
        {
            "applicant" => DemoAccounts.Applicant1,
            "reviewer" => DemoAccounts.Reviewer1,
            "officer" => DemoAccounts.Officer,
            "finance" => DemoAccounts.Finance1,
            "administrator" => DemoAccounts.Administrator,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };
        var visitor = new FormClient(Server.BaseAddress);
        var response = await visitor.PostAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = DemoAccounts.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Login", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        visitors[role] = visitor;
        return visitor;
    }

    /// <summary>One GET of <paramref name="path"/>, tagged so that only its own SQL commands are counted.</summary>
    internal async Task<(HttpStatusCode Status, string Html, RequestSqlCounter.Tally Tally)> RenderAsync(FormClient visitor, string path)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(RequestSqlCounter.Header, id);
        using var response = await visitor.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, html, await Counter.WaitForAsync(id));
    }

    public async Task DisposeAsync()
    {
        foreach (var visitor in visitors.Values)
        {
            visitor.Dispose();
        }

        await Server.DisposeAsync();
    }
}
