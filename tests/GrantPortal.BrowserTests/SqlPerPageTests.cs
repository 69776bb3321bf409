using System.Net;
using System.Text.RegularExpressions;
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
public sealed partial class SqlPerPageTests(ScalePortalFixture portal, ITestOutputHelper output) : IClassFixture<ScalePortalFixture>
{
    private const int Bound = 10;

    /// <summary>
    /// (role, page, a pattern the page's text matches only when it rendered its content: the grown rows, or totals
    /// that count them, where the page shows them on the server's first render). The demo accounts read Korean.
    /// </summary>
    public static TheoryData<string, string, string> Pages => new()
    {
        { "applicant", "/", ScaleData.TitlePrefix },
        { "applicant", "/calls", "YOUTH" },
        { "applicant", "/applications", "SCALE-S-" },
        { "applicant", "/awards", ScaleData.TitlePrefix },
        { "applicant", "/reports", "결과보고서" },
        { "applicant", "/organization", "applicant1@demo.local" },
        { "reviewer", "/", "나의 심사 배정" },
        { "reviewer", "/calls", "YOUTH" },
        { "reviewer", "/reviews", "특별공모" },
        { "reviewer", "/reviewers", "북한학 박사" },
        { "officer", "/", @"신청서 4[5-9]\d\d\d건" },
        { "officer", "/calls", "YOUTH" },
        { "officer", "/applications", "신청 목록" },
        { "officer", "/reviews", @"YOUTH[^<]*4[5-9]\d\d\d" },
        { "officer", "/reviewers", "reviewer1@demo.local" },
        { "officer", "/calls/manage", "NKHR" },
        { "officer", "/organizations", "확인 대기" },
        { "officer", "/awards", "ARTS" },
        { "officer", "/budget", @"5\d\d\d개 사업" },
        { "officer", "/audit", "감사 기록" },
        { "officer", "/reports", "사업 보고서" },
        { "officer", "/recommendations", "1224" },
        { "finance", "/", @"지급액 5\d억" },
        { "finance", "/calls", "YOUTH" },
        { "finance", "/finance", "승인 대기" },
        { "finance", "/budget", @"5\d\d\d개 사업" },
        { "finance", "/audit", "감사 기록" },
        { "finance", "/recommendations", "1224" },
        { "administrator", "/", "시스템 사용자" },
        { "administrator", "/calls", "YOUTH" },
        { "administrator", "/budget", @"5\d\d\d개 사업" },
        { "administrator", "/audit", "감사 기록" },
        { "administrator", "/recommendations", "1224" },
        { "administrator", "/admin", "사용자와 역할" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_main_page_renders_in_at_most_ten_sql_commands_at_scale(string role, string path, string shows)
    {
        var visitor = await portal.SignedInAsync(role);

        var (status, html, tally) = await portal.RenderAsync(visitor, path);

        output.WriteLine($"{role} {path}: {tally.Count} SQL commands");
        Assert.Equal(HttpStatusCode.OK, status);
        var main = Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html.Split("id=\"main-content\"", 2).Last(), " ")), " ");
        Assert.Matches(shows, main);
        AssertWithinBound(role, path, tally);
    }

    /// <summary>
    /// The pages a person opens from those lists: the first organization's awarded application (timeline, payments,
    /// reports) and its award, read by the applicant and by the officer, at the same scale.
    /// </summary>
    [Theory]
    [InlineData("applicant", "application")]
    [InlineData("officer", "application")]
    [InlineData("applicant", "award")]
    [InlineData("officer", "award")]
    public async Task An_application_and_its_award_render_in_at_most_ten_sql_commands_at_scale(string role, string page)
    {
        var visitor = await portal.SignedInAsync(role);
        var (applicationId, awardId, title) = await portal.DemoAwardAsync();
        var path = page == "application" ? $"/applications/{applicationId}" : $"/awards/{awardId}";

        var (status, html, tally) = await portal.RenderAsync(visitor, path);

        output.WriteLine($"{role} {path}: {tally.Count} SQL commands");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(title, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        AssertWithinBound(role, path, tally);
    }

    private static void AssertWithinBound(string role, string path, RequestSqlCounter.Tally tally) =>
        Assert.True(
            tally.Count <= Bound,
            $"{role} {path} sent {tally.Count} SQL commands (at most {Bound}):{Environment.NewLine}" +
            string.Join(Environment.NewLine, tally.Commands.Select(OneLine)));

    private static string OneLine(string sql)
    {
        var line = Spaces().Replace(sql, " ");
        return "  " + line[..Math.Min(line.Length, 300)];
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>A portal of its own, grown to the issue's sizes once, with each role signed in once.</summary>
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

    /// <summary>The demo applicant's awarded application with the most payments, its award and its title.</summary>
    internal async Task<(int ApplicationId, int AwardId, string Title)> DemoAwardAsync()
    {
        await using var db = await Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var organizationId = await db.Users.Where(u => u.Email == DemoAccounts.Applicant1.Email).Select(u => u.OrganizationId).SingleAsync();
        var award = await db.Awards.AsNoTracking()
            .Where(a => a.OrganizationId == organizationId)
            .OrderByDescending(a => db.Payments.Count(p => p.AwardId == a.Id))
            .Select(a => new { a.Id, a.ApplicationId, a.Application!.ProjectTitle })
            .FirstAsync();
        return (award.ApplicationId, award.Id, award.ProjectTitle);
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
