using System.Text.RegularExpressions;
using MimeKit;

namespace GrantPortal.IntegrationTests.Infrastructure;

/// <summary>The set-password link in an invitation or reset mail, read as the set-password page reads it.</summary>
public static partial class SetPasswordLink
{
    /// <summary>The whole link as it appears in the mail's text.</summary>
    public static string Url(MimeMessage mail) => Pattern().Match(mail.TextBody ?? "").Value;

    /// <summary>The user id and token the link carries.</summary>
    public static (string User, string Code) Read(MimeMessage mail)
    {
        var match = Pattern().Match(mail.TextBody ?? "");
        Assert.True(match.Success, mail.TextBody);
        return (Uri.UnescapeDataString(match.Groups["user"].Value), Uri.UnescapeDataString(match.Groups["code"].Value));
    }

    [GeneratedRegex(@"http\S*/Account/SetPassword\?user=(?<user>[^&\s]+)&code=(?<code>\S+)")]
    private static partial Regex Pattern();
}
