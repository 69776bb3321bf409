namespace GrantPortal.Core.Accounts;

/// <summary>
/// How a member their organization removed is told apart from a lockout after failed sign-ins: the lockout ends
/// on a date nobody reaches. A whole second that every provider stores exactly (DateTimeOffset.MaxValue has
/// ticks PostgreSQL would round).
/// </summary>
public static class RemovedAccounts
{
    public static readonly DateTimeOffset LockedUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsRemoved(DateTimeOffset? lockoutEnd) => lockoutEnd >= LockedUntil;
}
