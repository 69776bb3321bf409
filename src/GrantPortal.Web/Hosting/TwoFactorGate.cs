using GrantPortal.Web.Features.Accounts;

namespace GrantPortal.Web.Hosting;

/// <summary>
/// A person whose roles require two-factor sign-in and who has not set it up reaches nothing but its set-up page, the
/// sign-out, the language switch and the files those pages load: every other page, endpoint and the Blazor circuit's
/// hub are refused on the server, whatever link was followed. A page visit is sent to the set-up page; anything else
/// gets 403. The claims say who must enroll (<see cref="TwoFactorPolicy.MustEnroll"/>), so this costs no lookup.
/// </summary>
public static class TwoFactorGate
{
    private static readonly string[] OpenPaths =
    [
        TwoFactorPages.Setup, "/Account/Logout", "/Account/Login", "/Account/AccessDenied", "/culture", "/not-found", "/Error",
    ];

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var policy = context.RequestServices.GetRequiredService<TwoFactorPolicy>();
            if (!policy.MustEnroll(context.User) || IsOpen(context))
            {
                await next();
                return;
            }

            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
            {
                context.Response.Redirect(TwoFactorPages.Setup);
                return;
            }

            // A bare 403: the status-code page would re-run this request (a POST, say) against the not-found page.
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        });

    private static bool IsOpen(HttpContext context)
    {
        var path = context.Request.Path;
        if (OpenPaths.Any(open => path.Equals(open, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // The framework's scripts and the site's own static files (styles, fonts, icons) carry nothing of the portal's data.
        return path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
            || context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null;
    }
}
