namespace GrantPortal.Core.Lists;

/// <summary>Removes one of the person's own saved views; anyone else's reads as not found.</summary>
public sealed class DeleteView(IDbContextFactory<PortalDbContext> dbFactory, ILogger<DeleteView> logger)
{
    public async Task<Result> DeleteAsync(CurrentUser user, int viewId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var removed = await db.SavedViews.Where(v => v.Id == viewId && v.UserId == user.UserId).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return Result.NotFound();
        }

        logger.LogInformation("{UserId} deleted the saved view {ViewId}", user.UserId, viewId);
        return Result.Done();
    }
}
