namespace GrantPortal.Core.Accounts;

public static class Passwords
{
    /// <summary>NIST SP 800-63B: length, not composition rules.</summary>
    public const int MinimumLength = 12;
}
