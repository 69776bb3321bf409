using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using Microsoft.AspNetCore.Mvc;

namespace GrantPortal.Web.Features.Applications;

public static class ApplicationEndpoints
{
    /// <summary>
    /// File downloads and the intake export. Both ask Core who may see what; a stranger gets 404, never the file.
    /// </summary>
    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{id:int}", async (int id, HttpContext http, [FromServices] AttachmentStore store, CancellationToken ct) =>
        {
            if (CurrentUser.From(http.User) is not { } user)
            {
                return Results.Challenge();
            }

            var download = await store.OpenAsync(user, id, ct);
            if (download is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.RegisterForDisposeAsync(download);
            return Results.File(download.Content, download.ContentType, fileDownloadName: download.DisplayName);
        }).RequireAuthorization();

        endpoints.MapGet("/applications/export.csv", async (HttpContext http, [FromServices] ApplicationIntake applications, CancellationToken ct) =>
        {
            if (CurrentUser.From(http.User) is not { } user)
            {
                return Results.Challenge();
            }

            var query = QueryFrom(http.Request.Query);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"applications.csv\"";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (!await applications.ExportCsvAsync(user, query, http.Response.Body, ct))
            {
                // Nothing was written, so the response can still become a plain 404.
                http.Response.Headers.Remove("Content-Disposition");
                return Results.NotFound();
            }

            return Results.Empty;
        }).RequireAuthorization();
        return endpoints;
    }

    private static ApplicationQuery QueryFrom(IQueryCollection query) => new()
    {
        CallId = int.TryParse(query["call"], NumberStyles.None, CultureInfo.InvariantCulture, out var call) ? call : null,
        Status = Enum.TryParse<ApplicationStatus>(query["status"], out var status) ? status : null,
        Category = Enum.TryParse<ProjectCategories>(query["category"], out var category) ? category : null,
        OrganizationId = int.TryParse(query["organization"], NumberStyles.None, CultureInfo.InvariantCulture, out var organization) ? organization : null,
        TitleSearch = query["q"].ToString() is { Length: > 0 } q ? q : null,
        Sort = Enum.TryParse<ApplicationSort>(query["sort"], out var sort) ? sort : ApplicationSort.SubmittedAt,
        Descending = !bool.TryParse(query["desc"], out var descending) || descending,
    };
}
