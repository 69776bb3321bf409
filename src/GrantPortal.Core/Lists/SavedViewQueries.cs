namespace GrantPortal.Core.Lists;

/// <summary>The person's own saved views, for the side menu and the pages; only on lists their roles still open.</summary>
public sealed class SavedViewQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<SavedViewRow>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lists = SavedViewLists.All.Where(l => SavedViewLists.MayOpen(user, l)).ToList();
        if (lists.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var views = await db.SavedViews.AsNoTracking()
            .Where(v => v.UserId == user.UserId && lists.Contains(v.List))
            .Select(v => new SavedViewRow(v.Id, v.List, v.Name, v.Query))
            .ToListAsync(ct);

        // Ordered here: the database's collation would sort Korean and English names differently per provider.
        return views.OrderBy(v => v.List, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
