using System.Globalization;
using GrantPortal.Core.OpenData;
using Microsoft.AspNetCore.Mvc;

namespace GrantPortal.Web.Features.OpenData;

public static class OpenDataEndpoints
{
    /// <summary>
    /// The public feeds, no sign-in: a year's grants as a 360Giving package (JSON, CSV) and money per recommendation.
    /// A missing or odd year is a 400; a year without grants is a 404, because a 360Giving package needs at least one grant.
    /// </summary>
    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/open-data/360giving.json", (HttpContext http, [FromServices] OpenDataService openData, CancellationToken ct) =>
            WriteAsync(http, "application/json; charset=utf-8", null, (year, body) => openData.WriteGrantsJsonAsync(year, body, ct)));
        endpoints.MapGet("/open-data/360giving.csv", (HttpContext http, [FromServices] OpenDataService openData, CancellationToken ct) =>
            WriteAsync(http, "text/csv; charset=utf-8", "360giving", (year, body) => openData.WriteGrantsCsvAsync(year, body, ct)));
        endpoints.MapGet("/open-data/recommendations.json", (HttpContext http, [FromServices] OpenDataService openData, CancellationToken ct) =>
            WriteAsync(http, "application/json; charset=utf-8", null, async (year, body) =>
            {
                await openData.WriteRecommendationsJsonAsync(year, body, ct);
                return true;
            }));
        return endpoints;
    }

    private static async Task<IResult> WriteAsync(HttpContext http, string contentType, string? downloadName, Func<int, Stream, Task<bool>> write)
    {
        if (!int.TryParse(http.Request.Query["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2200)
        {
            return Results.BadRequest("year=YYYY is required.");
        }

        // Built in memory first, so a year without grants can still answer 404 instead of a half-written 200.
        using var buffer = new MemoryStream();
        if (!await write(year, buffer))
        {
            return Results.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.AccessControlAllowOrigin = "*";
        if (downloadName is not null)
        {
            http.Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"{downloadName}-{year}.csv\"");
        }

        return Results.Bytes(buffer.ToArray(), contentType);
    }
}
