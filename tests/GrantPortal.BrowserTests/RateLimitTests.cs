using System.Globalization;
using System.Net;

namespace GrantPortal.BrowserTests;

/// <summary>
/// The real portal behind a pretend reverse proxy (forwarded headers on), with limits lowered so a test reaches them:
/// each test posts from its own client address, so the tests do not spend each other's allowance.
/// </summary>
public sealed class RateLimitedPortal : IAsyncLifetime
{
    public const int Window = 90;

    public PortalServer Server { get; } = new(settings: new Dictionary<string, string>
    {
        ["FORWARDEDHEADERS_ENABLED"] = "true",
        ["RateLimits:SignIn:PermitLimit"] = "3",
        ["RateLimits:SignIn:WindowSeconds"] = Window.ToString(CultureInfo.InvariantCulture),
        ["RateLimits:SignInPerAccount:PermitLimit"] = "3",
        ["RateLimits:SignInPerAccount:WindowSeconds"] = Window.ToString(CultureInfo.InvariantCulture),
        ["RateLimits:Registration:PermitLimit"] = "2",
        ["RateLimits:Registration:WindowSeconds"] = Window.ToString(CultureInfo.InvariantCulture),
        ["RateLimits:PasswordLinks:PermitLimit"] = "2",
        ["RateLimits:PasswordLinks:WindowSeconds"] = "900",
        ["RateLimits:OpenData:PermitLimit"] = "3",
        ["RateLimits:OpenData:WindowSeconds"] = Window.ToString(CultureInfo.InvariantCulture),
    });

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class RateLimitTests(RateLimitedPortal portal) : IClassFixture<RateLimitedPortal>
{
    private static Dictionary<string, string> SignIn(string email) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = "not the password",
    };

    [Fact]
    public async Task Sign_in_posts_over_the_limit_from_one_address_get_429_with_Retry_After_in_Korean()
    {
        using var visitor = new FormClient(portal.Server.BaseAddress, "203.0.113.10", "ko-KR");
        for (var i = 0; i < 3; i++)
        {
            var allowed = await visitor.PostAsync("/Account/Login", "login", SignIn($"guess{i}@example.org"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await visitor.PostAsync("/Account/Login", "login", SignIn("guess3@example.org"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, RateLimitedPortal.Window);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"짧은 시간에 요청이 너무 많이 들어왔습니다. {retryAfter}초 후에 다시 시도해 주세요.", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ko\">", page, StringComparison.Ordinal);

        // Another address behind the same proxy has its own allowance.
        using var neighbour = new FormClient(portal.Server.BaseAddress, "203.0.113.11");
        Assert.Equal(HttpStatusCode.OK, (await neighbour.PostAsync("/Account/Login", "login", SignIn("guess0@example.org"))).StatusCode);
    }

    [Fact]
    public async Task Sign_in_for_one_email_is_limited_whatever_address_the_tries_come_from()
    {
        string[] spellings = ["target@example.org", " Target@Example.org", "TARGET@EXAMPLE.ORG ", "target@example.ORG"];
        for (var i = 0; i < 3; i++)
        {
            using var attacker = new FormClient(portal.Server.BaseAddress, $"198.51.100.{i + 1}");
            Assert.Equal(HttpStatusCode.OK, (await attacker.PostAsync("/Account/Login", "login", SignIn(spellings[i]))).StatusCode);
        }

        using var fourth = new FormClient(portal.Server.BaseAddress, "198.51.100.99");
        var refused = await fourth.PostAsync("/Account/Login", "login", SignIn(spellings[3]));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.Contains("There were too many requests in a short time.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_over_the_limit_gets_429_but_reading_the_form_is_not_counted()
    {
        using var visitor = new FormClient(portal.Server.BaseAddress, "203.0.113.20");
        for (var i = 0; i < 2; i++)
        {
            // An empty form: refused at its fields, but a post all the same.
            var allowed = await visitor.PostAsync("/Account/Register", "register", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var token = await visitor.TokenAsync("/Account/Register");
        var refused = await visitor.PostAsync("/Account/Register", "register", new Dictionary<string, string>(), token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.Contains("data-testid=\"rate-limited\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync(new Uri("/Account/Register", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_over_the_limit_gets_429_in_minutes()
    {
        using var visitor = new FormClient(portal.Server.BaseAddress, "203.0.113.30", "ko-KR");
        for (var i = 0; i < 2; i++)
        {
            var allowed = await visitor.PostAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = $"nobody{i}@example.org" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await visitor.PostAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody2@example.org" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 120, 900);
        Assert.Contains($"{(retryAfter + 59) / 60}분 후에 다시 시도해 주세요.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_data_feed_over_the_limit_gets_429_as_plain_text()
    {
        using var reader = new HttpClient { BaseAddress = new Uri(portal.Server.BaseAddress) };
        reader.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.40");
        var feed = new Uri("/open-data/360giving.json?year=2023", UriKind.Relative);
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await reader.GetAsync(feed)).StatusCode);
        }

        var refused = await reader.GetAsync(feed);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, RateLimitedPortal.Window);
        Assert.Equal("text/plain", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"There were too many requests in a short time. Please wait {retryAfter} seconds and try again.", await refused.Content.ReadAsStringAsync());
    }
}
