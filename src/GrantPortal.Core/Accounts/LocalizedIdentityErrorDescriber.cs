namespace GrantPortal.Core.Accounts;

/// <summary>Identity's messages in the person's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<Strings> localizer) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = localizer["Password_TooShort", length] };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = localizer["Registration_DuplicateEmail"] };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = localizer["Registration_DuplicateEmail"] };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = localizer["Registration_EmailInvalid"] };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = localizer["Registration_EmailInvalid"] };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = localizer["Profile_CurrentPasswordWrong"] };

    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = localizer["Error_Concurrency"] };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = localizer["Error_Unexpected"] };
}
