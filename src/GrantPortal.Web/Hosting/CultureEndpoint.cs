using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace GrantPortal.Web.Hosting;

public static class CultureEndpoint
{
    /// <summary>
    /// The language switch: remembers the choice in a cookie and, for a signed-in person, in the profile,
    /// then returns to the page they were on. A full page load follows, so every component re-renders in it.
    /// </summary>
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/culture").MapGet("", SwitchAsync);
        return endpoints;
    }

    private static async Task<RedirectHttpResult> SwitchAsync(string lang, string? returnUrl, HttpContext context, UserManager<PortalUser> users, SignInManager<PortalUser> signIn)
    {
        var language = Languages.Normalize(lang);
        WriteCookie(context, language);
        if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user && user.PreferredLanguage != language)
        {
            user.PreferredLanguage = language;
            await users.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
        }

        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    public static void WriteCookie(HttpContext context, string language)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            Localization.CookieValue(language),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
