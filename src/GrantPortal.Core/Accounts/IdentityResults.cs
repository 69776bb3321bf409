namespace GrantPortal.Core.Accounts;

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
