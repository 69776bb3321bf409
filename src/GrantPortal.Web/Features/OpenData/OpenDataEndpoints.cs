using GrantPortal.Core.OpenData;

namespace GrantPortal.Web.Features.OpenData;

public static class OpenDataEndpoints
{
    /// <summary>
    /// The public feeds, no sign-in: a year's grants as a 360Giving package (JSON, CSV) and money per recommendation.
    /// A missing or odd year is a 400; a year without grants is a 404, because a 360Giving package needs at least one grant.
    /// </summary>
    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var openData = endpoints.MapGroup("/open-data").RequireRateLimiting(RateLimits.OpenData);
        openData.MapGet("/360giving.json", (HttpContext http, OpenDataService feeds, CancellationToken ct) =>
            WriteAsync(http, "application/json; charset=utf-8", null, (year, body) => feeds.WriteGrantsJsonAsync(year, body, ct)));
        openData.MapGet("/360giving.csv", (HttpContext http, OpenDataService feeds, CancellationToken ct) =>
            WriteAsync(http, "text/csv; charset=utf-8", "360giving", (year, body) => feeds.WriteGrantsCsvAsync(year, body, ct)));
        openData.MapGet("/recommendations.json", (HttpContext http, OpenDataService feeds, CancellationToken ct) =>
            WriteAsync(http, "application/json; charset=utf-8", null, async (year, body) =>
            {
                await feeds.WriteRecommendationsJsonAsync(year, body, ct);
                return true;
            }));
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, BadRequest<string>, NotFound>> WriteAsync(
        HttpContext http, string contentType, string? downloadName, Func<int, Stream, Task<bool>> write)
    {
        if (!int.TryParse(http.Request.Query["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2200)
        {
            return TypedResults.BadRequest("year=YYYY is required.");
        }

        // Built in memory first, so a year without grants can still answer 404 instead of a half-written 200.
        using var buffer = new MemoryStream();
        if (!await write(year, buffer))
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.AccessControlAllowOrigin = "*";
        if (downloadName is not null)
        {
            http.Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"{downloadName}-{year}.csv\"");
        }

        return TypedResults.Bytes(buffer.ToArray(), contentType);
    }
}
