namespace GrantPortal.Core.Calls;

/// <summary>How many organizations one screening question kept out; <see cref="Question"/> is null once the question was removed.</summary>
public sealed record ScreenOutCount(string QuestionKey, ScreeningQuestion? Question, int Count)
{
    public string Text(string language) => Question?.Text(language) ?? QuestionKey;
}

/// <summary>
/// Reading a call's eligibility: its rules as anyone may read them before registering or applying, and, for program
/// officers, how many were screened out per question (counts only: nothing about who was kept out is stored).
/// </summary>
public sealed class EligibilityQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>A published call's screening questions and structural rules; null unless the call is published.</summary>
    public async Task<EligibilityRules?> GetPublishedAsync(int callId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.Calls.AsNoTracking()
            .Where(c => c.Id == callId && c.IsPublished)
            .Select(c => c.Eligibility)
            .ToListAsync(ct);
        return rules.SingleOrDefault();
    }

    /// <summary>
    /// Screen-outs of a call per question: every current question (zero when none), then keys of questions removed
    /// since, which keep their counts. Empty for anyone but a program officer.
    /// </summary>
    public async Task<IReadOnlyList<ScreenOutCount>> ScreenOutCountsAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!CallPlanning.IsOfficer(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = (await db.Calls.AsNoTracking().Where(c => c.Id == callId).Select(c => c.Eligibility).ToListAsync(ct)).SingleOrDefault();
        if (rules is null)
        {
            return [];
        }

        var counts = await db.EligibilityScreenOuts.AsNoTracking()
            .Where(s => s.CallId == callId)
            .GroupBy(s => s.QuestionKey)
            .Select(g => new { Key = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var current = rules.Questions.Select(q => new ScreenOutCount(q.Key, q, counts.GetValueOrDefault(q.Key))).ToList();
        var removed = counts.Keys.Where(k => rules.Questions.All(q => q.Key != k)).Order(StringComparer.Ordinal)
            .Select(k => new ScreenOutCount(k, null, counts[k]));
        return [.. current, .. removed];
    }
}
