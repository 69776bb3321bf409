namespace GrantPortal.Web.Features.Reporting;

public static class ReportEndpoints
{
    /// <summary>Receipt downloads; Core decides who may see the report, and a stranger gets 404, never the file.</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSignedInGroup("/reports").RequireRateLimiting(RateLimits.Downloads).MapGet("/receipts/{id:int}", DownloadReceiptAsync);
        return endpoints;
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadReceiptAsync(
        int id, SignedIn person, HttpContext http, ReportQueries reports, AttachmentStore store, CancellationToken ct)
    {
        if (!await reports.CanReadReceiptAsync(person.User, id, ct) || await store.OpenReceiptAsync(id, ct) is not { } download)
        {
            return TypedResults.NotFound();
        }

        http.Response.RegisterForDisposeAsync(download);
        return TypedResults.File(download.Content, download.ContentType, fileDownloadName: download.DisplayName);
    }
}
