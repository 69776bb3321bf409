using Microsoft.AspNetCore.Localization;

namespace GrantPortal.Web.Hosting;

public static class Localization
{
    public static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// The language a request is served in: the switch (a cookie) first, then the signed-in person's profile,
    /// then the browser. Korean browsers get Korean; everyone else English. MudBlazor's own texts come from the same resources.
    /// </summary>
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services) =>
        services.AddTransient<MudLocalizer, PortalMudLocalizer>().Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(English);
            options.SupportedCultures = [Korean, English];
            options.SupportedUICultures = [Korean, English];
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(context =>
                {
                    var language = context.User.FindFirst(PortalClaims.Language)?.Value;
                    return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
                }),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

    public static string CookieValue(string language) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Languages.Normalize(language)));
}
