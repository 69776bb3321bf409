using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Accounts;

/// <summary>
/// "Remember this browser": Identity's remember-client cookie, kept 30 days. Identity checks its security stamp only
/// now and then; here it is checked every time the cookie is read (only at sign-in, so it costs one lookup there), so
/// forgetting remembered browsers or an administrator's reset takes effect at once.
/// </summary>
public static class RememberedBrowsers
{
    public static void Configure(CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ExpireTimeSpan = TwoFactorPages.RememberBrowserFor;
        options.SlidingExpiration = false;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events.OnValidatePrincipal = ValidateAsync;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<PortalUser>>();
        if (await signIn.ValidateTwoFactorSecurityStampAsync(context.Principal) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.TwoFactorRememberMeScheme);
        }
    }
}
