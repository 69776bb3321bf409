using Microsoft.JSInterop;

namespace GrantPortal.Web.Features.Lists;

/// <summary>
/// A list page's address: it puts the list's filters and sort into the browser's address, replacing the history entry,
/// without a navigation (<c>list-address.js</c>), so the back button leaves the page, a reload or a bookmark shows the
/// same list, and a link the person clicked meanwhile is never overtaken. The server's idea of the address therefore
/// stays the one the page was opened with: <see cref="AsksAnew"/> tells a page when a navigation brought a different
/// one (a saved view opened from the menu), and <see cref="Query"/> is what the address holds now, for the saved-views bar.
/// </summary>
public sealed class ListAddress(IJSRuntime js, NavigationManager navigation)
{
    private bool read;
    private object? asked;

    /// <summary>The query the address holds now (with its "?", or empty).</summary>
    public string Query { get; private set; } = "";

    /// <summary>
    /// True the first time, and whenever the address asks for something other than it asked before (what
    /// <paramref name="asking"/> says the page's query parameters ask for, compared by value); false after the page's own writes.
    /// </summary>
    public bool AsksAnew(object? asking)
    {
        if (read && Equals(asked, asking))
        {
            return false;
        }

        (read, asked) = (true, asking);
        Query = new Uri(navigation.Uri).Query;
        return true;
    }

    /// <summary>Writes the list as shown; only while the page is interactive (a server render has no browser to write to).</summary>
    public async Task WriteAsync(bool interactive, IReadOnlyDictionary<string, object?> parameters)
    {
        var written = new Uri(navigation.GetUriWithQueryParameters(parameters));
        Query = written.Query;
        if (!interactive)
        {
            return;
        }

        try
        {
            await js.InvokeVoidAsync("grantPortal.replaceListAddress", written.AbsolutePath, written.PathAndQuery);
        }
        catch (JSDisconnectedException)
        {
            // The page is closing: there is no address left to write.
        }
    }
}

/// <summary>The lists' search box: words of any of a row's texts, in the reader's culture, ignoring case.</summary>
public static class ListSearch
{
    /// <summary>True when there is no search, or one of <paramref name="texts"/> contains it.</summary>
    public static bool Matches(string? search, params string?[] texts) =>
        string.IsNullOrWhiteSpace(search) || texts.Any(t => t?.Contains(search.Trim(), StringComparison.CurrentCultureIgnoreCase) == true);
}
