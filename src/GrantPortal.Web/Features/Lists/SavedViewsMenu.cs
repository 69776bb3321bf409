using GrantPortal.Core.Lists;

namespace GrantPortal.Web.Features.Lists;

/// <summary>
/// How the side menu learns the person's saved views, one per circuit: a page that saves or deletes a view says so
/// (<see cref="NotifyChanged"/>) and the menu reads them again. The reader is a function so that component tests give
/// the menu views without a database.
/// </summary>
public sealed class SavedViewsMenu(Func<CurrentUser, CancellationToken, Task<IReadOnlyList<SavedViewRow>>> load)
{
    public event Action? Changed;

    public Task<IReadOnlyList<SavedViewRow>> ListAsync(CurrentUser user, CancellationToken ct = default) => load(user, ct);

    public void NotifyChanged() => Changed?.Invoke();
}
