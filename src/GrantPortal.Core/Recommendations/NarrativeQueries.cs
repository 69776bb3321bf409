namespace GrantPortal.Core.Recommendations;

/// <summary>A saved narrative as the accountability page shows it.</summary>
public sealed record SavedNarrativeView(string Language, string Heading, string Text, Instant SavedAt, string SavedByName, int Version)
{
    internal static SavedNarrativeView Of(SavedNarrative n) => new(n.Language, n.Heading, n.Text, n.SavedAt, n.SavedByName, n.Version);
}

/// <summary>The narratives the officers saved for a recommendation and years, one per language; program officers and administrators only.</summary>
public sealed class NarrativeQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<SavedNarrativeView>> FindAsync(CurrentUser user, string code, int fromYear, int toYear, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AccountabilityService.CanWrite(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SavedNarratives.AsNoTracking()
            .Where(n => n.Code == code && n.FromYear == fromYear && n.ToYear == toYear)
            .OrderBy(n => n.Language)
            .Select(n => new SavedNarrativeView(n.Language, n.Heading, n.Text, n.SavedAt, n.SavedByName, n.Version))
            .ToListAsync(ct);
    }
}
