namespace GrantPortal.Web.Features.Reporting;

public static class ReportEndpoints
{
    /// <summary>Receipt downloads and the PDF of a submitted report; Core decides who may see the report, and a stranger gets 404, never the file.</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapSignedInGroup("/reports").RequireRateLimiting(RateLimits.Downloads);
        reports.MapGet("/receipts/{id:int}", DownloadReceiptAsync);
        reports.MapGet("/{id:int}/report.pdf", PdfAsync);
        return endpoints;
    }

    /// <summary>A submitted report as a PDF for the organization's files, for whoever may read it (no-store, like every download).</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> PdfAsync(int id, SignedIn person, PrintedReport printed, CancellationToken ct) =>
        await printed.PdfAsync(person.User, id, ct) is { } pdf ? TypedResults.File(pdf.Content, pdf.ContentType, pdf.FileName) : TypedResults.NotFound();

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
