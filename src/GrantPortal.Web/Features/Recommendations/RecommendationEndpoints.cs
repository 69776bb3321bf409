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
        endpoints.MapSignedInGroup("/recommendations").RequireRateLimiting(RateLimits.Downloads).MapPost("/accountability/export", Export);
        return endpoints;
    }

    // [FromForm] parameters make the antiforgery middleware check the token the page's form carries.
    private static Results<FileContentHttpResult, NotFound, BadRequest> Export(
        SignedIn person,
        [FromForm] string heading,
        [FromForm] string text,
        [FromForm] string format,
        [FromForm] string code,
        [FromForm] string language)
    {
        if (!AccountabilityService.CanWrite(person.User))
        {
            return TypedResults.NotFound();
        }

        var name = "accountability-" + new string(code.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray()) + "-" + (language == "en" ? "en" : "ko");
        return format switch
        {
            "docx" => TypedResults.File(AccountabilityExport.ToDocx(heading, text), AccountabilityExport.DocxContentType, name + ".docx"),
            "md" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(AccountabilityExport.ToMarkdown(heading, text)), "text/markdown; charset=utf-8", name + ".md"),
            _ => TypedResults.BadRequest(),
        };
    }
}
