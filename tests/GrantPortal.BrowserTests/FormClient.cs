using System.Net;
using System.Text.RegularExpressions;

namespace GrantPortal.BrowserTests;

/// <summary>
/// A visitor without a browser: opens a page, takes its antiforgery token and cookie as a browser would, and posts
/// the page's form back. <paramref name="clientAddress"/> is sent as <c>X-Forwarded-For</c>, as a reverse proxy would,
/// so one portal (started with forwarded headers on) can see many visitors from many addresses.
/// </summary>
internal sealed partial class FormClient : IDisposable
{
    private readonly HttpClient client;

    public FormClient(string baseAddress, string? clientAddress = null, string language = "en-US")
    {
        client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseAddress),
        };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        if (clientAddress is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        }
    }

    public HttpClient Http => client;

    /// <summary>The page's token for its form; reading a page is not what the rate limits count.</summary>
    public async Task<string> TokenAsync(string path)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var match = AntiforgeryField().Match(page);
        Assert.True(match.Success, $"No antiforgery token on {path}.");
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    /// <summary>Posts the form named <paramref name="formName"/> with a token fetched just before.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string formName, IReadOnlyDictionary<string, string> fields) =>
        await PostAsync(path, formName, fields, await TokenAsync(path));

    public async Task<HttpResponseMessage> PostAsync(string path, string formName, IReadOnlyDictionary<string, string> fields, string token)
    {
        var values = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token };
        using var form = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    /// <summary>
    /// A page as the same page for anyone: without what Data Protection made for this one response (antiforgery
    /// tokens, each different by design) and without what was typed into a field.
    /// </summary>
    public static string WithoutTokenAndInput(string html, string typed) =>
        Protected().Replace(AntiforgeryField().Replace(html, "[token]"), "[protected]").Replace($"value=\"{WebUtility.HtmlEncode(typed)}\"", "value=\"[typed]\"", StringComparison.Ordinal);

    /// <summary>The names of the cookies a response sets, in order; their values are random by design.</summary>
    public static IReadOnlyList<string> CookieNames(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split('=', 2)[0]).Order(StringComparer.Ordinal).ToList()
            : [];

    public void Dispose() => client.Dispose();

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<token>[^"]+)"[^>]*>""")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("CfDJ8[A-Za-z0-9_+/=-]+")]
    private static partial Regex Protected();
}
