using GrantPortal.Core.Lists;

namespace GrantPortal.Web.Features.Lists;

/// <summary>
/// The person's saved views, read once per circuit (and once per server render) for the side menu and the page's
/// bar together: the menu is on every page, so it must not cost every page a query of its own. A page that saves or
/// deletes a view says so (<see cref="NotifyChanged"/>): the views are read again and the menu redraws. The reader is
/// a function so that component tests give the menu views without a database.
/// </summary>
public sealed class SavedViewsMenu(Func<CurrentUser, CancellationToken, Task<IReadOnlyList<SavedViewRow>>> load)
{
    private Task<IReadOnlyList<SavedViewRow>>? read;
    private string? readFor;

    public event Action? Changed;

    public Task<IReadOnlyList<SavedViewRow>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (read is null || read.IsFaulted || read.IsCanceled || readFor != user.UserId)
        {
            read = load(user, ct);
            readFor = user.UserId;
        }

        return read;
    }

    public void NotifyChanged()
    {
        read = null;
        Changed?.Invoke();
    }
}
