using GrantPortal.Core.Applications;
using GrantPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Reviews;

/// <summary>The calls with applications in review, for the officer's entry to assignments and ranking (page is officer-only).</summary>
internal static class ReviewCalls
{
    public static async Task<List<(int Id, string Code, string TitleKorean, string TitleEnglish, int Count)>> ListAsync(IDbContextFactory<PortalDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview)
            .GroupBy(a => new { a.CallId, a.Call!.Code, a.Call.TitleKorean, a.Call.TitleEnglish })
            .Select(g => new { g.Key.CallId, g.Key.Code, g.Key.TitleKorean, g.Key.TitleEnglish, Count = g.Count() })
            .ToListAsync();
        return rows.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => (r.CallId, r.Code, r.TitleKorean, r.TitleEnglish, r.Count)).ToList();
    }
}
