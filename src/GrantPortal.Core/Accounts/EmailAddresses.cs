using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace GrantPortal.Core.Accounts;

/// <summary>The test an address passes before an account is made for it and a mail sent to it.</summary>
public static class EmailAddresses
{
    public const int MaximumLength = 256;

    public static bool IsValid(string email) =>
        email.Length is > 0 and <= MaximumLength && new EmailAddressAttribute().IsValid(email) && MailboxAddress.TryParse(email, out _);
}
