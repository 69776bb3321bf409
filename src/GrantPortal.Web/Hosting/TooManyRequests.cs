using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using GrantPortal.Core.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Hosting;

/// <summary>
/// The answer over a rate limit: 429 with <c>Retry-After</c> in seconds and a sentence in the request's language,
/// as a small page for a browser and as plain text for a feed reader or a download script.
/// </summary>
public static class TooManyRequests
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TooManyRequests))
            .LogWarning("Rate limit refused {Method} {Path} from {Address}", context.Request.Method, context.Request.Path, RateLimits.ClientAddress(context));

        var strings = context.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
        var message = seconds < 120
            ? strings["RateLimit_WaitSeconds", seconds].Value
            : strings["RateLimit_WaitMinutes", (seconds + 59) / 60].Value;

        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (WantsPage(context.Request))
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(Page(strings["RateLimit_Title"].Value, message, strings["RateLimit_Home"].Value), ct);
            return;
        }

        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(message, ct);
    }

    /// <summary>A browser asks for HTML; feed readers, scripts and download managers usually do not.</summary>
    private static bool WantsPage(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>Korean stays readable in the page source (and in tests), only markup characters are escaped.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Page(string title, string message, string home)
    {
        var html = Encoder;
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko" ? "ko" : "en";
        return $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.Encode(title)} · GrantPortal</title></head>
            <body>
            <main>
            <h1>{html.Encode(title)}</h1>
            <p data-testid="rate-limited">{html.Encode(message)}</p>
            <p><a href="/">{html.Encode(home)}</a></p>
            </main>
            </body>
            </html>
            """;
    }
}
