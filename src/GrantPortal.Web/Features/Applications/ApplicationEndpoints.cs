namespace GrantPortal.Web.Features.Applications;

public static class ApplicationEndpoints
{
    /// <summary>
    /// File downloads and the intake export. Both ask Core who may see what; a stranger gets 404, never the file.
    /// </summary>
    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSignedInGroup("/attachments").RequireRateLimiting(RateLimits.Downloads).MapGet("/{id:int}", DownloadAttachmentAsync);
        var applications = endpoints.MapSignedInGroup("/applications").RequireRateLimiting(RateLimits.Downloads);
        applications.MapGet("/export.{format}", ExportAsync);
        applications.MapGet("/{id:int}/application.pdf", PdfAsync);
        return endpoints;
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAttachmentAsync(
        int id, SignedIn person, HttpContext http, AttachmentStore store, CancellationToken ct)
    {
        if (await store.OpenAsync(person.User, id, ct) is not { } download)
        {
            return TypedResults.NotFound();
        }

        http.Response.RegisterForDisposeAsync(download);
        return TypedResults.File(download.Content, download.ContentType, fileDownloadName: download.DisplayName);
    }

    /// <summary>A submitted application as a PDF for the organization's files, for whoever may read it (no-store, like every download).</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> PdfAsync(int id, SignedIn person, PrintedApplication printed, CancellationToken ct) =>
        await printed.PdfAsync(person.User, id, ct) is { } pdf ? TypedResults.File(pdf.Content, pdf.ContentType, pdf.FileName) : TypedResults.NotFound();

    /// <summary>Streams the CSV or Excel file straight into the response, so a large intake never sits in memory.</summary>
    private static async Task<Results<EmptyHttpResult, NotFound>> ExportAsync(
        string format, SignedIn person, HttpContext http, ApplicationIntake applications, CancellationToken ct)
    {
        if (ExportFormats.FromExtension(format) is not { } exportFormat)
        {
            return TypedResults.NotFound();
        }

        http.Response.ContentType = exportFormat.ContentType();
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"applications.{format}\"";

        // Applicants' answers: no browser or proxy cache keeps a copy once the officer is done with it.
        http.Response.Headers.CacheControl = "no-store";
        if (!await applications.ExportAsync(person.User, QueryFrom(http.Request.Query), exportFormat, http.Response.Body, ct))
        {
            // Nothing was written, so the response can still become a plain 404.
            http.Response.Headers.Remove("Content-Disposition");
            return TypedResults.NotFound();
        }

        return TypedResults.Empty;
    }

    private static ApplicationQuery QueryFrom(IQueryCollection query) => new()
    {
        CallId = int.TryParse(query["call"], NumberStyles.None, CultureInfo.InvariantCulture, out var call) ? call : null,
        Status = Enum.TryParse<ApplicationStatus>(query["status"], out var status) ? status : null,
        Category = Enum.TryParse<ProjectCategories>(query["category"], out var category) ? category : null,
        OrganizationId = int.TryParse(query["organization"], NumberStyles.None, CultureInfo.InvariantCulture, out var organization) ? organization : null,
        TitleSearch = query["q"].ToString() is { Length: > 0 } q ? q : null,
        AwaitingInformation = bool.TryParse(query["awaiting"], out var awaiting) && awaiting,
        Sort = Enum.TryParse<ApplicationSort>(query["sort"], out var sort) ? sort : ApplicationSort.SubmittedAt,
        Descending = !bool.TryParse(query["desc"], out var descending) || descending,
    };
}
