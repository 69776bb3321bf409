using System.Globalization;
using System.Net;
using System.Text.Json;
using GrantPortal.Demo;

namespace GrantPortal.BrowserTests;

/// <summary>
/// <c>/health</c> on a portal with a real SMTP server: anonymous probes cost one round of checks per period, not one
/// per request, and only an administrator sees which check says what.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HealthTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Anonymous_health_probes_share_one_cached_check_and_only_an_administrator_sees_the_details()
    {
        await using var smtp = new NoopCountingSmtpServer();
        await using var server = new PortalServer(settings: new Dictionary<string, string>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Health:AnonymousCacheSeconds"] = "600",
        });
        await server.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseAddress) };

        for (var i = 0; i < 5; i++)
        {
            var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, smtp.Noops);

        // Signed in is not enough: an applicant gets the same cached word.
        var applicant = await fixture.NewPageAsync(baseAddress: server.BaseAddress);
        await SignInTests.SignInAsync(applicant, DemoAccounts.Applicant1.Email, DemoAccounts.Password);
        var applicantAnswer = await applicant.Context.APIRequest.GetAsync("/health");
        Assert.Equal("Healthy", await applicantAnswer.TextAsync());
        Assert.Equal(1, smtp.Noops);
        await applicant.Context.CloseAsync();

        var administrator = await fixture.NewPageAsync(baseAddress: server.BaseAddress);
        await SignInTests.SignInAsync(administrator, DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var detailed = await administrator.Context.APIRequest.GetAsync("/health");
        Assert.Equal(200, detailed.Status);
        Assert.StartsWith("application/json", detailed.Headers["content-type"], StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await detailed.TextAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal("Healthy", checks["database"].GetProperty("status").GetString());
        Assert.Equal($"127.0.0.1:{smtp.Port} answers", checks["smtp"].GetProperty("description").GetString());

        // The administrator's checks ran now, not from the cache.
        Assert.Equal(2, smtp.Noops);
        await administrator.Context.CloseAsync();
    }
}
