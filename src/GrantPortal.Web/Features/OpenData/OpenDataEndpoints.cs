using System.ComponentModel;
using GrantPortal.Core.OpenData;

namespace GrantPortal.Web.Features.OpenData;

public static class OpenDataEndpoints
{
    /// <summary>
    /// The public feeds, no sign-in: a year's grants as a 360Giving package (JSON, CSV) and money per recommendation.
    /// A missing or odd year is a 400; a year without grants is a 404, because a 360Giving package needs at least one grant.
    /// CORS, caching and the rate limit are those of every public read (<see cref="PublicReads"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var openData = endpoints.MapGroup("/open-data").AsPublicRead().WithTags("Open data");
        openData.MapGet("/360giving.json", ([Description(PublicReads.YearDescription)] string? year, OpenDataService feeds, CancellationToken ct) =>
                WriteAsync(year, "application/json; charset=utf-8", null, (y, body) => feeds.WriteGrantsJsonAsync(y, body, ct)))
            .WithSummary("A year's grants as a 360Giving package")
            .WithDescription("The awards of the year's finalized calls as a 360Giving 1.4 grants package (currency KRW, COI recommendation codes as classifications). 404 when the year has no published grants.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        openData.MapGet("/360giving.csv", ([Description(PublicReads.YearDescription)] string? year, OpenDataService feeds, CancellationToken ct) =>
                WriteAsync(year, "text/csv; charset=utf-8", "360giving", (y, body) => feeds.WriteGrantsCsvAsync(y, body, ct)))
            .WithSummary("A year's grants in 360Giving's flattened CSV")
            .WithDescription("The same grants as the JSON package, one row per grant, as an attachment named 360giving-YYYY.csv.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        openData.MapGet("/recommendations.json", ([Description(PublicReads.YearDescription)] string? year, OpenDataService feeds, CancellationToken ct) =>
                WriteAsync(year, "application/json; charset=utf-8", null, async (y, body) =>
                {
                    await feeds.WriteRecommendationsJsonAsync(y, body, ct);
                    return true;
                }))
            .WithSummary("Money per COI recommendation in a year")
            .WithDescription("Per UN Commission of Inquiry recommendation code: KRW awarded and disbursed, organizations and projects.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, BadRequest<string>, NotFound>> WriteAsync(
        string? yearText, string contentType, string? downloadName, Func<int, Stream, Task<bool>> write)
    {
        if (!PublicReads.TryReadYear(yearText, out var year))
        {
            return TypedResults.BadRequest("year=YYYY is required.");
        }

        // Built in memory first, so a year without grants can still answer 404 instead of a half-written 200.
        using var buffer = new MemoryStream();
        if (!await write(year, buffer))
        {
            return TypedResults.NotFound();
        }

        var download = downloadName is null ? null : string.Create(CultureInfo.InvariantCulture, $"{downloadName}-{year}.csv");
        return TypedResults.Bytes(buffer.ToArray(), contentType, download);
    }
}
