using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace GrantPortal.Web.Features.Reporting;

public static class ReportEndpoints
{
    /// <summary>Receipt downloads; Core decides who may see the report, and a stranger gets 404, never the file.</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/receipts/{id:int}", async (int id, HttpContext http, [FromServices] ReportQueries reports, [FromServices] AttachmentStore store, CancellationToken ct) =>
        {
            if (CurrentUser.From(http.User) is not { } user)
            {
                return Results.Challenge();
            }

            if (!await reports.CanReadReceiptAsync(user, id, ct) || await store.OpenReceiptAsync(id, ct) is not { } download)
            {
                return Results.NotFound();
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.RegisterForDisposeAsync(download);
            return Results.File(download.Content, download.ContentType, fileDownloadName: download.DisplayName);
        }).RequireAuthorization();
        return endpoints;
    }
}
