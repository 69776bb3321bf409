namespace GrantPortal.Core.Recommendations;

/// <summary>
/// Reading the recommendation catalogue (staff) and the codes each award serves (program officers). Anyone else is
/// told nothing exists.
/// </summary>
public sealed class RecommendationQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<RecommendationEntry>> ListAsync(CurrentUser user, CancellationToken ct)
    {
        if (!CanRead(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.Recommendations.AsNoTracking().ToListAsync(ct);
        return entries.OrderBy(r => r.Code, StringComparer.Ordinal).Select(RecommendationRules.ToEntry).ToList();
    }

    /// <summary>Awards of a budget year with their codes; empty for anyone but program officers.</summary>
    public async Task<IReadOnlyList<AwardMapping>> ListAwardsAsync(CurrentUser user, int year, CancellationToken ct)
    {
        if (!RecommendationRules.IsOfficer(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Awards.AsNoTracking()
            .Where(a => a.Status != AwardStatus.Cancelled && db.Calls.Any(c => c.Id == a.CallId && c.BudgetYear!.Year == year))
            .Select(a => new
            {
                a.Id,
                a.CallId,
                a.Application!.ProjectTitle,
                a.Application.Organization!.NameKorean,
                a.Application.Organization.Name,
                a.Amount,
                a.Version,
                Codes = a.Recommendations.Select(r => r.Recommendation!.Code).ToList(),
            })
            .ToListAsync(ct);
        var calls = (await db.Calls.AsNoTracking()
                .Where(c => c.BudgetYear!.Year == year)
                .Select(c => new { c.Id, c.Code, Codes = c.Recommendations.Select(r => r.Recommendation!.Code).ToList() })
                .ToListAsync(ct))
            .ToDictionary(c => c.Id);
        return rows
            .Select(a => new AwardMapping(
                a.Id,
                year,
                calls[a.CallId].Code,
                a.ProjectTitle,
                new OrganizationName(a.NameKorean, a.Name),
                a.Amount,
                a.Codes.Order(StringComparer.Ordinal).ToList(),
                calls[a.CallId].Codes.Order(StringComparer.Ordinal).ToList(),
                a.Version))
            .OrderBy(a => a.CallCode, StringComparer.Ordinal)
            .ThenBy(a => a.ProjectTitle, StringComparer.CurrentCulture)
            .ToList();
    }

    private static bool CanRead(CurrentUser? user) =>
        user is not null && (user.IsIn(Roles.ProgramOfficer) || user.IsIn(Roles.Administrator) || user.IsIn(Roles.Finance));
}
