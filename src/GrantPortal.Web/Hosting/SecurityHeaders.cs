namespace GrantPortal.Web.Hosting;

public static class SecurityHeaders
{
    /// <summary>
    /// The Content-Security-Policy of every response. Scripts come only from the portal's own files (no inline script,
    /// no eval: blazor.web.js needs neither). Styles also allow inline: MudBlazor writes its theme into a style element
    /// and positions popovers, snackbars, pickers and sliders with style attributes whose values change on every render,
    /// so neither hashes nor a nonce can cover them (MudBlazor issue 4529). An injected style can restyle a page but
    /// cannot run code. 'self' in connect-src covers the circuit's ws:/wss: connection to the same host (CSP level 3).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>Headers every response carries: no sniffing, no framing, no leaking of paths to other sites.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next();
        });
}
