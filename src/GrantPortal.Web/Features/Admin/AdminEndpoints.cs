using GrantPortal.Core.Privacy;
using Microsoft.AspNetCore.Antiforgery;

namespace GrantPortal.Web.Features.Admin;

public static class AdminEndpoints
{
    /// <summary>
    /// The data-subject export: the administrators' list posts a form with an antiforgery token, since each export is
    /// recorded in the audit trail and a cross-site link must not make one.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSignedInGroup("/admin").RequireRateLimiting(RateLimits.Downloads).MapPost("/people/{id}/personal-data", ExportPersonalDataAsync);
        return endpoints;
    }

    private static async Task<Results<EmptyHttpResult, NotFound, BadRequest>> ExportPersonalDataAsync(
        string id, SignedIn person, HttpContext http, IAntiforgery antiforgery, PersonalDataExport export, CancellationToken ct)
    {
        // The antiforgery middleware only marks a bad token; an endpoint that binds no form field has to ask itself.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.BadRequest();
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        var name = "personal-data-" + new string(id.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray()) + ".json";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        if (!await export.WriteAsync(person.User, id, http.Response.Body, ct))
        {
            http.Response.Headers.Remove("Content-Disposition");
            return TypedResults.NotFound();
        }

        return TypedResults.Empty;
    }
}
