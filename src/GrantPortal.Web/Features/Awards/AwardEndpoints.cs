using GrantPortal.Core.Accounts;
using GrantPortal.Core.Awards;
using Microsoft.AspNetCore.Mvc;

namespace GrantPortal.Web.Features.Awards;

public static class AwardEndpoints
{
    /// <summary>
    /// The award letter and the finance exports. Core decides who may have them; anyone else gets 404.
    /// </summary>
    public static IEndpointRouteBuilder MapAwardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/awards/{id:int}/letter.docx", async (int id, string? lang, HttpContext http, [FromServices] AwardDetailsQuery awards, CancellationToken ct) =>
        {
            if (CurrentUser.From(http.User) is not { } user)
            {
                return Results.Challenge();
            }

            var letter = await awards.LetterAsync(user, id, lang ?? Languages.Korean, ct);
            if (letter is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(letter.Content, AwardLetterFile.ContentType, letter.FileName);
        }).RequireAuthorization();

        foreach (var what in new[] { "awards", "payments" })
        {
            endpoints.MapGet("/budget/{year:int}/" + what + ".{format}", async (int year, string format, HttpContext http, [FromServices] BudgetExports budget, CancellationToken ct) =>
            {
                if (CurrentUser.From(http.User) is not { } user)
                {
                    return Results.Challenge();
                }

                if (!BudgetQueries.MaySee(user) || format is not ("csv" or "xlsx"))
                {
                    return Results.NotFound();
                }

                var exportFormat = format == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv;
                http.Response.ContentType = exportFormat == ExportFormat.Xlsx
                    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    : "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{what}-{year}.{format}\"";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                var written = what == "awards"
                    ? await budget.ExportAwardsAsync(user, year, exportFormat, http.Response.Body, ct)
                    : await budget.ExportPaymentsAsync(user, year, exportFormat, http.Response.Body, ct);
                return written ? Results.Empty : Results.NotFound();
            }).RequireAuthorization();
        }

        return endpoints;
    }
}
