using System.Net;
using System.Text.RegularExpressions;
using GrantPortal.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.BrowserTests;

/// <summary>
/// The server refuses everything but the set-up to a person whose role requires two-factor sign-in and who has not
/// set it up: pages, endpoints and the Blazor circuit's hub, over plain HTTP, whatever link was followed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TwoFactorGateTests(BrowserFixture fixture)
{
    private const string Password = "a long staff passphrase";

    [Theory]
    [InlineData(Roles.Finance)]
    [InlineData(Roles.ProgramOfficer)]
    [InlineData(Roles.Administrator)]
    public async Task Staff_of_a_required_role_reach_nothing_but_the_set_up_until_two_factor_is_on(string role)
    {
        var email = await CreateAsync(role);
        using var client = await SignedInClientAsync(email, "/Account/TwoFactor/Setup");

        foreach (var page in new[] { "/", "/disbursements", "/calls", "/admin", "/audit", "/Account/Profile" })
        {
            using var response = await GetPageAsync(client, page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/TwoFactor/Setup", response.Headers.Location?.OriginalString);
        }

        using (var circuit = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, circuit.StatusCode);
        }

        using (var export = await client.GetAsync("/open-data/360giving.json"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        }

        using var setup = await GetPageAsync(client, "/Account/TwoFactor/Setup");
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Contains("data-testid=\"two-factor-required\"", await setup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var styles = await client.GetAsync("/app.css");
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
    }

    [Fact]
    public async Task A_reviewer_without_two_factor_uses_the_portal_as_before()
    {
        var email = await CreateAsync(Roles.Reviewer);
        using var client = await SignedInClientAsync(email, "/");

        using var home = await GetPageAsync(client, "/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    private async Task<string> CreateAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@ministry.example";
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, CreatedAt = SystemClock.Instance.GetCurrentInstant() };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    /// <summary>Signs in through the login form as a browser posts it, with its antiforgery token.</summary>
    private async Task<HttpClient> SignedInClientAsync(string email, string landing)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(fixture.Server.BaseAddress),
        };
        var form = await client.GetStringAsync("/Account/Login");
        var fields = HiddenField().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = Password;
        using var signedIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(landing, new Uri(client.BaseAddress!, signedIn.Headers.Location!).AbsolutePath);
        return client;
    }

    private static Task<HttpResponseMessage> GetPageAsync(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return client.SendAsync(request);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();
}
