using GrantPortal.Core.Accounts;
using GrantPortal.Core.Recommendations;
using Microsoft.AspNetCore.Mvc;

namespace GrantPortal.Web.Features.Recommendations;

public static class RecommendationEndpoints
{
    /// <summary>
    /// Exports the narrative the officer edited on /recommendations/accountability. The page posts the edited text
    /// (a plain form with an antiforgery token), so what is exported is exactly what the officer sees.
    /// </summary>
    public static IEndpointRouteBuilder MapRecommendationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // [FromForm] parameters make the antiforgery middleware check the token the page's form carries.
        endpoints.MapPost("/recommendations/accountability/export", (
            HttpContext http,
            [FromForm] string heading,
            [FromForm] string text,
            [FromForm] string format,
            [FromForm] string code,
            [FromForm] string language) =>
        {
            if (CurrentUser.From(http.User) is not { } user || !AccountabilityService.CanWrite(user))
            {
                return Results.NotFound();
            }

            var name = "accountability-" + new string(code.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray()) + "-" + (language == "en" ? "en" : "ko");
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return format switch
            {
                "docx" => Results.File(AccountabilityExport.ToDocx(heading, text), AccountabilityExport.DocxContentType, name + ".docx"),
                "md" => Results.File(System.Text.Encoding.UTF8.GetBytes(AccountabilityExport.ToMarkdown(heading, text)), "text/markdown; charset=utf-8", name + ".md"),
                _ => Results.BadRequest(),
            };
        }).RequireAuthorization();
        return endpoints;
    }
}
