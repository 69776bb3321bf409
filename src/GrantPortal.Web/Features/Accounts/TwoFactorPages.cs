using QRCoder;

namespace GrantPortal.Web.Features.Accounts;

/// <summary>The addresses of the two-factor pages, and the QR code an authenticator app scans.</summary>
public static class TwoFactorPages
{
    /// <summary>Status, new recovery codes, remembered browsers, turning it off.</summary>
    public const string Manage = "/Account/TwoFactor";

    /// <summary>Scan the QR code, confirm a code, keep the recovery codes. The only page a person who must enroll can reach.</summary>
    public const string Setup = "/Account/TwoFactor/Setup";

    public const string SignInWithCode = "/Account/LoginWith2fa";

    public const string SignInWithRecoveryCode = "/Account/LoginWithRecoveryCode";

    /// <summary>A remembered browser skips the code for this long, unless the person forgets it earlier.</summary>
    public static readonly TimeSpan RememberBrowserFor = TimeSpan.FromDays(30);

    /// <summary>
    /// The <c>otpauth://</c> address as a PNG data address, drawn on the server: an image needs no script, so the page
    /// keeps to a Content-Security-Policy with <c>img-src 'self' data:</c> and no inline script.
    /// </summary>
    public static string QrCodeDataUri(string address)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>A return address on this site only, as sign-in uses it.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
