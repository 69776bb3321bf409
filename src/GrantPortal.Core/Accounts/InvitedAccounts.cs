namespace GrantPortal.Core.Accounts;

/// <summary>
/// Accounts made by invitation (staff by an administrator, colleagues by a member of their organization): the same
/// checks of name and address, and no password until the person chooses one from the mailed link.
/// </summary>
internal static class InvitedAccounts
{
    public const int NameMaximum = 100;

    /// <summary>Errors on <c>DisplayName</c> and <c>Email</c>; <paramref name="emailInvalidKey"/> gives the example address that fits the audience.</summary>
    public static List<FieldError> Check(string name, string email, string emailInvalidKey, IStringLocalizer<Strings> localizer)
    {
        var errors = new List<FieldError>();
        if (name.Length is 0 or > NameMaximum)
        {
            errors.Add(new FieldError("DisplayName", localizer["Staff_NameRequired", NameMaximum]));
        }

        if (!EmailAddresses.IsValid(email))
        {
            errors.Add(new FieldError("Email", localizer[emailInvalidKey]));
        }

        return errors;
    }

    /// <summary>
    /// Done once the account is made, whether or not the mail went: the account stands and the invitation can be
    /// sent again. When the mail server refused, the done result's notice says so.
    /// </summary>
    public static Result Invited(bool mailSent, string email, IStringLocalizer<Strings> localizer) =>
        mailSent ? Result.Done() : Result.DoneWithNotice(localizer["Staff_InvitationNotSent", email].Value);

    /// <summary>The new account, or null when the address already has one (also when two invitations race: the unique index keeps one).</summary>
    public static async Task<PortalUser?> CreateAsync(UserManager<PortalUser> users, string email, string name, string language, int? organizationId, Instant now)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return null;
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            PreferredLanguage = Languages.Normalize(language),
            OrganizationId = organizationId,
            CreatedAt = now,
        };

        // No password: nobody can sign in as them until they choose one through the invitation.
        return (await users.CreateAsync(user)).Succeeded ? user : null;
    }
}
