using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace GrantPortal.Web.Features.Calls;

/// <summary>
/// The public API's calls, version 1 (<c>/api/v1/calls</c>): every published call with both titles, money, moments
/// with their offset, categories, recommendation codes and its page. A draft or withdrawn call is not there, and its id
/// answers 404 like an id that never existed. Page links are on the configured public address (<c>Reminders:PortalUrl</c>),
/// as in mail, never on the request's Host header, which a caller chooses and a shared cache would keep. CORS, caching and the rate limit are those of every public read.
/// </summary>
public static class CallApiEndpoints
{
    public static IEndpointRouteBuilder MapCallApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").AsPublicRead().WithTags("Calls");

        api.MapGet("/calls", ListAsync)
            .WithName("ListCalls")
            .WithSummary("The published calls for proposals")
            .WithDescription("Every published call of every budget year (or of one, with year), newest opening first.");

        api.MapGet("/calls/{id:int}", GetAsync)
            .WithName("GetCall")
            .WithSummary("One published call")
            .WithDescription("404 when no published call has this id.");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<PublicCall>>, BadRequest<ProblemDetails>>> ListAsync(
        [Description("Only the calls of this budget year, e.g. 2024. Leave out for every year.")] string? year,
        PortalLinks links, PublicCallQueries calls, CancellationToken ct)
    {
        int? budgetYear = null;
        if (year is not null)
        {
            if (!PublicReads.TryReadYear(year, out var parsed))
            {
                return TypedResults.BadRequest(Problem(StatusCodes.Status400BadRequest, "year must be four digits, e.g. 2024."));
            }

            budgetYear = parsed;
        }

        return TypedResults.Ok(await calls.ListAsync(links.To(""), budgetYear, ct));
    }

    private static async Task<Results<Ok<PublicCall>, NotFound<ProblemDetails>>> GetAsync(
        [Description("The call's id, as in its page address /calls/{id}.")] int id,
        PortalLinks links, PublicCallQueries calls, CancellationToken ct) =>
        await calls.GetAsync(links.To(""), id, ct) is { } call
            ? TypedResults.Ok(call)
            : TypedResults.NotFound(Problem(StatusCodes.Status404NotFound, "No published call has this id."));

    // A body, so a JSON reader gets JSON and the status-code page (HTML, for people) stays out of the way.
    private static ProblemDetails Problem(int status, string title) => new() { Status = status, Title = title };
}
