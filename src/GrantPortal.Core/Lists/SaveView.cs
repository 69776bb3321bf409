namespace GrantPortal.Core.Lists;

/// <summary>
/// Keeps a person's current filters and sort on a list under a name. A name already in use is not overwritten
/// unless the person confirmed the replacement (<c>replace</c>); the answer without it is a conflict that names the
/// view, so the page can ask. Each person keeps at most <see cref="SavedView.PerListMaximum"/> views per list, and
/// only on lists their roles open.
/// </summary>
public sealed class SaveView(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<SaveView> logger)
{
    public async Task<Result<SavedViewRow>> SaveAsync(CurrentUser user, string list, string name, string query, bool replace, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SavedViewLists.MayOpen(user, list))
        {
            return Result.NotFound();
        }

        name = (name ?? "").Trim();
        query = (query ?? "").Trim().TrimStart('?');
        if (name.Length == 0)
        {
            return Result.Invalid(nameof(SavedView.Name), localizer["SavedViews_NameRequired"]);
        }

        if (name.Length > SavedView.NameMaximum)
        {
            return Result.Invalid(nameof(SavedView.Name), localizer["SavedViews_NameTooLong", SavedView.NameMaximum]);
        }

        if (query.Length > SavedView.QueryMaximum)
        {
            return Result.Refused(localizer["SavedViews_QueryTooLong"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.SavedViews.Where(v => v.UserId == user.UserId && v.List == list);
        var view = await mine.SingleOrDefaultAsync(v => v.Name == name, ct);
        if (view is not null && !replace)
        {
            return Result.Conflict(localizer["SavedViews_NameTaken", name]);
        }

        if (view is null)
        {
            if (await mine.CountAsync(ct) >= SavedView.PerListMaximum)
            {
                return Result.Refused(localizer["SavedViews_TooMany", SavedView.PerListMaximum]);
            }

            view = new SavedView { UserId = user.UserId, List = list, Name = name };
            db.SavedViews.Add(view);
        }

        view.Query = query;
        view.CreatedAt = clock.GetCurrentInstant();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (person, list, name) index: the same name was saved a moment ago (another tab, a double click).
            return Result.Conflict(localizer["SavedViews_NameTaken", name]);
        }

        logger.LogInformation("{UserId} saved the view {ViewId} on the {List} list", user.UserId, view.Id, list);
        return Result.Done(new SavedViewRow(view.Id, view.List, view.Name, view.Query));
    }
}
