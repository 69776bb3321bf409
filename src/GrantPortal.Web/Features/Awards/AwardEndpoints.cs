using GrantPortal.Core.Documents;

namespace GrantPortal.Web.Features.Awards;

public static class AwardEndpoints
{
    /// <summary>
    /// The award letter (DOCX and PDF) and the finance exports. Core decides who may have them; anyone else gets 404.
    /// </summary>
    public static IEndpointRouteBuilder MapAwardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var awards = endpoints.MapSignedInGroup("/awards").RequireRateLimiting(RateLimits.Downloads);
        awards.MapGet("/{id:int}/letter.docx", (int id, string? lang, SignedIn person, AwardDetailsQuery details, CancellationToken ct) =>
            LetterAsync(id, lang, DocumentFileFormat.Docx, person, details, ct));
        awards.MapGet("/{id:int}/letter.pdf", (int id, string? lang, SignedIn person, AwardDetailsQuery details, CancellationToken ct) =>
            LetterAsync(id, lang, DocumentFileFormat.Pdf, person, details, ct));
        awards.MapGet("/{id:int}/decision.docx", (int id, string? lang, SignedIn person, AgreementQueries agreements, CancellationToken ct) =>
            DecisionAsync(id, lang, DocumentFileFormat.Docx, person, agreements, ct));
        awards.MapGet("/{id:int}/decision.pdf", (int id, string? lang, SignedIn person, AgreementQueries agreements, CancellationToken ct) =>
            DecisionAsync(id, lang, DocumentFileFormat.Pdf, person, agreements, ct));
        awards.MapGet("/bank-books/{accountId:int}", BankBookAsync);
        awards.MapGet("/{id:int}/settlement.xlsx", SettlementSheetAsync);
        awards.MapGet("/{id:int}/settlement.docx", (int id, string? lang, SignedIn person, SettlementQueries settlements, CancellationToken ct) =>
            SettlementConfirmationAsync(id, lang, DocumentFileFormat.Docx, person, settlements, ct));
        awards.MapGet("/{id:int}/settlement.pdf", (int id, string? lang, SignedIn person, SettlementQueries settlements, CancellationToken ct) =>
            SettlementConfirmationAsync(id, lang, DocumentFileFormat.Pdf, person, settlements, ct));
        awards.MapGet("/{id:int}/verification/{attachmentId:int}", VerificationReportAsync);

        var budget = endpoints.MapSignedInGroup("/budget").RequireRateLimiting(RateLimits.Downloads);
        budget.MapGet("/{year:int}/awards.{format}", (int year, string format, SignedIn person, HttpContext http, BudgetExports budgets, CancellationToken ct) =>
            ExportAsync("awards", year, format, person.User, http, budgets.ExportAwardsAsync, ct));
        budget.MapGet("/{year:int}/payments.{format}", (int year, string format, SignedIn person, HttpContext http, BudgetExports budgets, CancellationToken ct) =>
            ExportAsync("payments", year, format, person.User, http, budgets.ExportPaymentsAsync, ct));
        budget.MapGet("/{year:int}/spending.{format}", (int year, string format, SignedIn person, HttpContext http, SpendingExport spending, CancellationToken ct) =>
            ExportAsync("spending", year, format, person.User, http, spending.ExportAsync, ct));
        return endpoints;
    }

    /// <summary>The letter as DOCX or PDF, for whoever may read the award (<see cref="AwardDetailsQuery.GetAsync"/>).</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> LetterAsync(
        int id, string? lang, DocumentFileFormat format, SignedIn person, AwardDetailsQuery awards, CancellationToken ct) =>
        Document(await awards.LetterAsync(person.User, id, lang ?? Languages.Korean, format, ct));

    /// <summary>
    /// The grant decision notice as DOCX or PDF, once the decision is issued, for whoever may read the award; the
    /// language is the one asked for, else the reader's.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> DecisionAsync(
        int id, string? lang, DocumentFileFormat format, SignedIn person, AgreementQueries agreements, CancellationToken ct) =>
        Document(await agreements.DecisionAsync(person.User, id, lang ?? Languages.Current, format, ct));

    /// <summary>An account's bank-book copy (통장사본), for whoever may read its award.</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> BankBookAsync(
        int accountId, SignedIn person, HttpContext http, AgreementQueries agreements, CancellationToken ct) =>
        Stored(http, await agreements.BankBookAsync(person.User, accountId, ct));

    /// <summary>The settlement sheet by category as Excel, for whoever may read the award.</summary>
    private static async Task<Results<EmptyHttpResult, NotFound>> SettlementSheetAsync(int id, SignedIn person, HttpContext http, SettlementQueries settlements, CancellationToken ct)
    {
        // Written to memory first: a reader who may not see the award gets a clean 404, not a started download.
        using var buffer = new MemoryStream();
        if (!await settlements.SheetAsync(person.User, id, buffer, ct))
        {
            return TypedResults.NotFound();
        }

        http.Response.ContentType = ExportFormat.Xlsx.ContentType();
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"settlement-{id}.xlsx\"";
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, ct);
        return TypedResults.Empty;
    }

    /// <summary>The settlement confirmation (정산 확인서) as DOCX or PDF once confirmed, for whoever may read the award.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> SettlementConfirmationAsync(
        int id, string? lang, DocumentFileFormat format, SignedIn person, SettlementQueries settlements, CancellationToken ct) =>
        Document(await settlements.ConfirmationAsync(person.User, id, lang ?? Languages.Current, format, ct));

    /// <summary>A verifier's report (검증 보고서) of the award, for whoever may read the award.</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> VerificationReportAsync(
        int id, int attachmentId, SignedIn person, HttpContext http, SettlementQueries settlements, CancellationToken ct) =>
        Stored(http, await settlements.VerificationReportAsync(person.User, id, attachmentId, ct));

    /// <summary>A generated document, or 404 where Core refused it.</summary>
    private static Results<FileContentHttpResult, NotFound> Document(DocumentFile? document) =>
        document is null ? TypedResults.NotFound() : TypedResults.File(document.Content, document.ContentType, document.FileName);

    /// <summary>A stored file streamed under its cleaned name (closed with the response), or 404 where Core refused it.</summary>
    private static Results<FileStreamHttpResult, NotFound> Stored(HttpContext http, AttachmentDownload? download)
    {
        if (download is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.RegisterForDisposeAsync(download);
        return TypedResults.File(download.Content, download.ContentType, fileDownloadName: download.DisplayName);
    }

    private delegate Task<bool> BudgetExport(CurrentUser user, int year, ExportFormat format, Stream body, CancellationToken ct);

    /// <summary>Streams the year's awards, payments or spending by category as CSV or Excel straight into the response.</summary>
    private static async Task<Results<EmptyHttpResult, NotFound>> ExportAsync(
        string what, int year, string format, CurrentUser user, HttpContext http, BudgetExport export, CancellationToken ct)
    {
        if (!BudgetQueries.MaySee(user) || ExportFormats.FromExtension(format) is not { } exportFormat)
        {
            return TypedResults.NotFound();
        }

        http.Response.ContentType = exportFormat.ContentType();
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{what}-{year}.{format}\"";
        return await export(user, year, exportFormat, http.Response.Body, ct) ? TypedResults.Empty : TypedResults.NotFound();
    }
}
