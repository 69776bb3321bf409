using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace GrantPortal.Web.Features.Accounts;

/// <summary>
/// What a person typed into the registration form, kept across the full page load a language switch needs: in a
/// short-lived cookie, encrypted so that only the portal reads it, limited to the registration page, read once.
/// Passwords are never kept; they are typed again.
/// </summary>
public static class RegistrationDraft
{
    private const string CookieName = "GrantPortal.RegistrationDraft";
    private const string CookiePath = "/Account/Register";
    private const string Purpose = "GrantPortal.RegistrationDraft.v1";

    public static void Keep(HttpContext context, IDataProtectionProvider protection, RegistrationForm form)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(form);
        var json = JsonSerializer.Serialize(form with { Password = "", ConfirmPassword = "" });
        context.Response.Cookies.Append(CookieName, protection.CreateProtector(Purpose).Protect(json), new CookieOptions
        {
            Path = CookiePath,
            MaxAge = TimeSpan.FromMinutes(10),
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
        });
    }

    /// <summary>The kept form, once: the cookie is removed as it is read. Null when there is none or it cannot be read.</summary>
    public static RegistrationForm? TakeBack(HttpContext context, IDataProtectionProvider protection)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(protection);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
        try
        {
            return JsonSerializer.Deserialize<RegistrationForm>(protection.CreateProtector(Purpose).Unprotect(value));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException)
        {
            // An old key or a damaged cookie: the form starts empty, as it would have without the switch.
            return null;
        }
    }
}
