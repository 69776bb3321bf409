namespace GrantPortal.Core.Recommendations;

/// <summary>Keeps the COI recommendations in the database; safe to run on every start.</summary>
public sealed class RecommendationCatalogue(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Inserts the codes that are missing. Existing rows stay as administrators edited them.</summary>
    public async Task EnsureSeededAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Recommendations.Select(r => r.Code).ToListAsync(ct);
        var missing = CoiRecommendations.All.Where(r => !existing.Contains(r.Code, StringComparer.Ordinal)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.Recommendations.AddRange(missing.Select(r => r.ToEntity()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance may have seeded the same codes between our read and our write; the unique index kept one copy.
            if (!await AllPresentAsync(ct))
            {
                throw;
            }
        }
    }

    private async Task<bool> AllPresentAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var codes = CoiRecommendations.All.Select(r => r.Code).ToList();
        return await db.Recommendations.CountAsync(r => codes.Contains(r.Code), ct) == codes.Count;
    }
}
