using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Core.Accounts;

public enum AccountOutcome
{
    Done,
    Invalid,
    NotFound,

    /// <summary>The account is saved but the invitation mail could not be sent; it can be sent again.</summary>
    SavedMailNotSent,
}

/// <summary>What inviting, changing or removing an account came to: staff accounts and organizations' members alike.</summary>
public sealed record AccountResult(AccountOutcome Outcome, IReadOnlyList<FieldError> Errors)
{
    public bool Saved => Outcome is AccountOutcome.Done or AccountOutcome.SavedMailNotSent;

    public static AccountResult Done { get; } = new(AccountOutcome.Done, []);

    public static AccountResult NotFound { get; } = new(AccountOutcome.NotFound, []);

    public static AccountResult Invalid(params FieldError[] errors) => new(AccountOutcome.Invalid, errors);
}

internal static class IdentityResults
{
    /// <summary>Identity calls that cannot fail for a valid account; a failure here is a defect, not user input.</summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
