using Microsoft.JSInterop;

namespace GrantPortal.Web.Features.Lists;

/// <summary>
/// Puts a list's filters and sort into the browser's address, replacing the history entry, without a navigation
/// (<c>list-address.js</c>): the back button leaves the page, a reload or a bookmark shows the same list, and a link the
/// person clicked meanwhile is never overtaken. The server's own idea of the address stays the one the page was opened
/// with, so a page reads its query parameters as "what was asked" only when they change (a saved view opened from the
/// menu), and hands the saved-views bar the query it wrote.
/// </summary>
public static class ListAddress
{
    /// <summary>The query the list was opened with (with its "?"), before it wrote any.</summary>
    public static string Opened(NavigationManager navigation) => new Uri(navigation.Uri).Query;

    /// <returns>The query written (with its "?", or empty), for the saved-views bar.</returns>
    public static async Task<string> WriteAsync(IJSRuntime js, NavigationManager navigation, bool interactive, IReadOnlyDictionary<string, object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        var written = new Uri(navigation.GetUriWithQueryParameters(parameters));
        if (interactive)
        {
            try
            {
                await js.InvokeVoidAsync("grantPortal.replaceListAddress", written.AbsolutePath, written.PathAndQuery);
            }
            catch (JSDisconnectedException)
            {
                // The page is closing: there is no address left to write.
            }
        }

        return written.Query;
    }
}
