using System.Net;
using GrantPortal.Demo;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>What the running host promises on every request: health, security headers, and who may see the job dashboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HostTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Health_endpoint_answers_healthy_when_the_database_answers()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseAddress) };

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_for_a_load_balancer_and_every_response_names_its_instance()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseAddress) };

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        var missing = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.StatusCode, await live.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
        Assert.True(ready.Headers.CacheControl?.NoStore);
        var name = Assert.Single(live.Headers.GetValues("X-GrantPortal-Instance"));
        Assert.Equal($"{Environment.MachineName}-{Environment.ProcessId}", name);
        Assert.Equal(name, Assert.Single(home.Headers.GetValues("X-GrantPortal-Instance")));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(name, Assert.Single(missing.Headers.GetValues("X-GrantPortal-Instance")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    public async Task Every_response_forbids_sniffing_framing_and_leaking_the_referrer(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseAddress) };

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Sign_in_form_without_its_antiforgery_token_is_refused()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseAddress) };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = DemoAccounts.Administrator.Email,
            ["Input.Password"] = DemoAccounts.Password,
        });

        var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Job_dashboard_is_for_administrators_only()
    {
        var applicant = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(applicant, DemoAccounts.Applicant1.Email, DemoAccounts.Password);
        await applicant.GotoAsync("/hangfire");
        Assert.Contains("/Account/AccessDenied", applicant.Url, StringComparison.Ordinal);
        await Expect(applicant.Locator("body")).Not.ToContainTextAsync("GrantPortal jobs");
        await applicant.Context.CloseAsync();

        var administrator = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(administrator, DemoAccounts.Administrator.Email, DemoAccounts.Password);
        await administrator.GetByTestId("nav-Nav_Jobs").ClickAsync();
        await administrator.WaitForURLAsync(url => url.EndsWith("/hangfire", StringComparison.Ordinal));
        await Expect(administrator.Locator("body")).ToContainTextAsync("GrantPortal jobs");
        await administrator.Context.CloseAsync();
    }
}
