using System.Text.Encodings.Web;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GrantPortal.Web.Hosting;

/// <summary>
/// What every public, sign-in-free read shares (the API under <c>/api/v1</c> and the <c>/open-data</c> feeds): any web
/// page may fetch it (CORS, any origin, GET only), one rate limit per client address, a strong ETag with a short public
/// cache lifetime (<see cref="ConditionalGet"/>), and a place in the OpenAPI document at <c>/openapi/v1.json</c>.
/// The document lists only endpoints marked with <see cref="AsPublicRead{TBuilder}"/>: an endpoint added elsewhere
/// (account, admin, downloads) stays out of it without anyone having to remember to exclude it.
/// </summary>
public static class PublicReads
{
    public const string CorsPolicy = "public-reads";

    /// <summary>The OpenAPI document's name, and so its address: <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    /// <summary>How the year query parameter is described wherever it is taken.</summary>
    public const string YearDescription = "The budget year, four digits, e.g. 2023.";

    public static IServiceCollection AddPortalPublicReads(this IServiceCollection services)
    {
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get)
            .WithHeaders("If-None-Match")
            .WithExposedHeaders("ETag")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));

        // Korean titles stay readable in the JSON, as in the open-data files; the content type says UTF-8.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.GroupName == DocumentName;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "GrantPortal public API",
                    Version = DocumentName,
                    Description = "Published calls for proposals and the open-data feeds of the portal's awards. No sign-in. "
                        + "Amounts are whole Korean won (KRW); moments are ISO 8601 in Asia/Seoul time with their offset. "
                        + "Every answer carries a strong ETag and may be cached for five minutes; send If-None-Match to get 304 when nothing changed.",
                };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Marks endpoints (or a group) as public reads: CORS for any origin, the open-data rate limit, ETag and caching, in the OpenAPI document.</summary>
    public static TBuilder AsPublicRead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimits.OpenData)
            .AddEndpointFilter(new ConditionalGet())
            .WithGroupName(DocumentName);
    }

    /// <summary>The OpenAPI document itself, at <c>/openapi/v1.json</c>, under the same rules as what it describes.</summary>
    public static IEndpointRouteBuilder MapPublicApiDocument(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi()
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimits.OpenData)
            .AddEndpointFilter(new ConditionalGet());
        return endpoints;
    }

    /// <summary>A year as the public reads take it: four digits between 2000 and 2200.</summary>
    public static bool TryReadYear(string? text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2200;
}
