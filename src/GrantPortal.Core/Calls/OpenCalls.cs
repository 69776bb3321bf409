namespace GrantPortal.Core.Calls;

/// <summary>The query form of <see cref="Call.IsOpenAt"/>, so every list that counts or shows open calls reads one rule.</summary>
public static class OpenCalls
{
    public static IQueryable<Call> OpenAt(this IQueryable<Call> calls, Instant now) =>
        calls.Where(c => c.IsPublished && c.OpensAt <= now && c.ClosesAt >= now);
}
