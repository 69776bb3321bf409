namespace GrantPortal.Web.Components.Shared;

/// <summary>
/// A section of a page (the award's agreement, changes and settlement; the application's requests for more information)
/// shows what its page read for it together with everything else, so a page costs one read, not one per section. The
/// section reads for itself after its own steps, and when no page gives it anything.
/// </summary>
public sealed class GivenByPage<T>
    where T : class
{
    private T? shown;

    /// <summary>
    /// True when <paramref name="given"/> is a read the section has not shown yet: the page read again (after the
    /// section's own steps or another section's), which is newer than what the section holds.
    /// </summary>
    public bool IsNew(T given)
    {
        if (ReferenceEquals(given, shown))
        {
            return false;
        }

        shown = given;
        return true;
    }
}
