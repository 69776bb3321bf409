namespace GrantPortal.Core.Reviews;

/// <summary>One row of the ranking table: the statistics plus what the officer needs to decide.</summary>
public sealed record RankingRow(
    RankedApplication Ranking,
    string? ReceiptNumber,
    string ProjectTitle,
    OrganizationName OrganizationName,
    ApplicationStatus Status,
    PanelDecision? Decision,
    string? DecisionNote,
    int Version);

public sealed record RankingTable(
    int CallId,
    string CallCode,
    string TitleKorean,
    string TitleEnglish,
    double ScaleMinimum,
    double ScaleMaximum,
    IReadOnlyList<RankingRow> Rows,
    IReadOnlyDictionary<string, string> ReviewerNames)
{
    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;
}

/// <summary>The officer's ranking of a call's applications from the submitted reviews, raw and calibrated; null for anyone else.</summary>
public sealed class RankingQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<RankingTable?> GetAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = ReviewRules.IsOfficer(user) ? await db.Calls.AsNoTracking().Include(c => c.Criteria).SingleOrDefaultAsync(c => c.Id == callId, ct) : null;
        if (call is null)
        {
            return null;
        }

        var rubric = call.Criteria.OrderBy(c => c.Order).Select(c => new RubricScale(c.Id, c.Weight, c.ScaleMinimum, c.ScaleMaximum)).ToList();
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == callId && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn && a.Status != ApplicationStatus.Submitted)
            .Select(a => new { a.Id, a.ReceiptNumber, a.ProjectTitle, a.Organization!.NameKorean, a.Organization.Name, a.Status, a.PanelDecision, a.PanelNote, a.Version })
            .ToListAsync(ct);
        var assignments = await db.ReviewAssignments.AsNoTracking().Where(a => a.Application!.CallId == callId)
            .GroupBy(a => a.ApplicationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var reviews = await LoadReviewsAsync(db, callId, ct);
        var counts = applications.ToDictionary(a => a.Id, _ => 0);
        foreach (var a in assignments.Where(a => counts.ContainsKey(a.Key)))
        {
            counts[a.Key] = a.Count;
        }

        var ranked = Calibration.Rank(rubric, reviews.Where(r => counts.ContainsKey(r.ApplicationId)).ToList(), counts);
        var details = applications.ToDictionary(a => a.Id);
        var names = await ReviewRules.ReviewerNamesAsync(db, reviews.Select(r => r.ReviewerId).Distinct().ToList(), ct);
        var (minimum, maximum) = Calibration.RangeOf(rubric);
        var rows = ranked.Select(r =>
        {
            var a = details[r.ApplicationId];
            return new RankingRow(r, a.ReceiptNumber, a.ProjectTitle, new OrganizationName(a.NameKorean, a.Name), a.Status, a.PanelDecision, a.PanelNote, a.Version);
        }).ToList();
        return new RankingTable(call.Id, call.Code, call.TitleKorean, call.TitleEnglish, minimum, maximum, rows, names);
    }

    /// <summary>Submitted reviews of a call with their criterion scores, read in two flat queries.</summary>
    private static async Task<List<ScoredReview>> LoadReviewsAsync(PortalDbContext db, int callId, CancellationToken ct)
    {
        var reviews = await db.ReviewAssignments.AsNoTracking()
            .Where(a => a.Application!.CallId == callId && a.Review != null && a.Review.Status == ReviewStatus.Submitted)
            .Select(a => new { ReviewId = a.Review!.Id, a.ApplicationId, a.ReviewerId })
            .ToListAsync(ct);
        var ids = reviews.Select(r => r.ReviewId).ToList();
        var scores = (await db.CriterionScores.AsNoTracking()
                .Where(s => ids.Contains(s.ReviewId))
                .Select(s => new { s.ReviewId, s.CriterionId, s.Score })
                .ToListAsync(ct))
            .ToLookup(s => s.ReviewId);
        return reviews.Select(r => new ScoredReview(r.ApplicationId, r.ReviewerId, scores[r.ReviewId].ToDictionary(s => s.CriterionId, s => s.Score))).ToList();
    }
}
