namespace GrantPortal.Core.Calls;

/// <summary>
/// Reading calls: the public list and details, and what a program officer plans with (years, a year's calls, the
/// recommendation catalogue, a call or a budget year to edit). Officer reads answer only program officers; anyone
/// else is told there is nothing there.
/// </summary>
public sealed class CallQueries(IDbContextFactory<PortalDbContext> dbFactory, IClock clock)
{
    /// <summary>How long a closed call stays on the public list, so applicants can still find it.</summary>
    public static readonly Duration RecentlyClosed = Duration.FromDays(30);

    /// <summary>Published calls: open ones first by closing moment, then upcoming by opening, then recently closed.</summary>
    public async Task<IReadOnlyList<PublishedCall>> ListPublishedAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var closedSince = now - RecentlyClosed;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = await PublishedQuery(db).Where(c => c.ClosesAt >= closedSince).ToListAsync(ct);
        return calls.Select(ToPublished)
            .OrderBy(c => c.IsOpenAt(now) ? 0 : c.IsUpcomingAt(now) ? 1 : 2)
            .ThenBy(c => c.IsOpenAt(now) ? c.ClosesAt.ToUnixTimeTicks()
                : c.IsUpcomingAt(now) ? c.OpensAt.ToUnixTimeTicks()
                : -c.ClosesAt.ToUnixTimeTicks())
            .ToList();
    }

    /// <summary>
    /// The published calls open now, soonest deadline first, in one query: their criteria and recommendations are left
    /// out (empty), for lists that show a call's title, deadline and what the reader can do about it.
    /// </summary>
    public async Task<IReadOnlyList<PublishedCall>> ListOpenAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = await db.Calls.AsNoTracking()
            .OpenAt(now)
            .Include(c => c.BudgetYear)
            .ToListAsync(ct);
        return calls.Select(ToPublished).OrderBy(c => c.ClosesAt.ToUnixTimeTicks()).ToList();
    }

    /// <summary>A call's public details; null unless it is published.</summary>
    public async Task<PublishedCall?> GetPublishedAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await PublishedQuery(db).SingleOrDefaultAsync(c => c.Id == id, ct);
        return call is null ? null : ToPublished(call);
    }

    /// <summary>The years an officer can plan calls in, newest first.</summary>
    public async Task<IReadOnlyList<int>> ListYearsAsync(CurrentUser user, CancellationToken ct)
    {
        if (!CallPlanning.IsOfficer(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BudgetYears.OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(ct);
    }

    /// <summary>Every call of a year, published or not, with the year's envelope; null for non-officers or an unknown year.</summary>
    public async Task<CallYear?> ListForYearAsync(CurrentUser user, int year, CancellationToken ct)
    {
        if (!CallPlanning.IsOfficer(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var budget = await db.BudgetYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct);
        if (budget is null)
        {
            return null;
        }

        var calls = await db.Calls.AsNoTracking().Where(c => c.BudgetYearId == budget.Id).ToListAsync(ct);
        var summaries = calls.OrderBy(c => c.OpensAt).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new CallSummary(c.Id, c.Code, c.TitleKorean, c.TitleEnglish, c.Envelope, c.OpensAt, c.ClosesAt, c.IsPublished))
            .ToList();
        return new CallYear(budget.Year, budget.Envelope, Krw.Sum(summaries.Select(c => c.Envelope)), summaries);
    }

    /// <summary>A budget year ready to edit, or null for non-officers and unknown years.</summary>
    public async Task<BudgetYearForm?> GetBudgetYearAsync(CurrentUser user, int year, CancellationToken ct = default)
    {
        if (!CallPlanning.IsOfficer(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BudgetYears.AsNoTracking()
            .Where(y => y.Year == year)
            .Select(y => new BudgetYearForm { Year = y.Year, Envelope = y.Envelope, Note = y.Note, Version = y.Version })
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The catalogue of recommendations a call can serve, by code; empty for non-officers.</summary>
    public async Task<IReadOnlyList<RecommendationOption>> ListRecommendationsAsync(CurrentUser user, CancellationToken ct)
    {
        if (!CallPlanning.IsOfficer(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var options = await db.Recommendations.AsNoTracking()
            .Select(r => new RecommendationOption(r.Id, r.Code, r.ShortTitleKorean, r.ShortTitleEnglish))
            .ToListAsync(ct);
        return options.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<EditableCall?> GetForEditAsync(CurrentUser user, int id, CancellationToken ct)
    {
        if (!CallPlanning.IsOfficer(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Calls.AsNoTracking()
            .Include(c => c.BudgetYear)
            .Include(c => c.Criteria)
            .Include(c => c.Indicators)
            .Include(c => c.Recommendations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        return call is null ? null : new EditableCall(call.Id, call.IsPublished, call.PublishedAt, ToForm(call));
    }

    private static IQueryable<Call> PublishedQuery(PortalDbContext db) =>
        db.Calls.AsNoTracking()
            .Where(c => c.IsPublished)
            .Include(c => c.BudgetYear)
            .Include(c => c.Criteria)
            .Include(c => c.Recommendations).ThenInclude(r => r.Recommendation)
            .AsSplitQuery();

    private static PublishedCall ToPublished(Call c) => new(
        c.Id,
        c.BudgetYear!.Year,
        c.Code,
        c.TitleKorean,
        c.TitleEnglish,
        c.DescriptionKorean,
        c.DescriptionEnglish,
        c.Categories,
        c.MinimumRequest,
        c.MaximumRequest,
        c.Envelope,
        c.OpensAt,
        c.ClosesAt,
        c.Recommendations.Select(r => r.Recommendation!.Code).Order(StringComparer.Ordinal).ToList(),
        c.Criteria.OrderBy(r => r.Order).Select(r => new PublishedCriterion(r.NameKorean, r.NameEnglish, r.Weight, r.ScaleMinimum, r.ScaleMaximum)).ToList())
    {
        BudgetRules = c.BudgetRules,
        ConceptNoteClosesAt = c.ConceptNoteClosesAt,
    };

    private static CallForm ToForm(Call c)
    {
        var form = new CallForm
        {
            Id = c.Id,
            Version = c.Version,
            Year = c.BudgetYear!.Year,
            Code = c.Code,
            TitleKorean = c.TitleKorean,
            TitleEnglish = c.TitleEnglish,
            DescriptionKorean = c.DescriptionKorean,
            DescriptionEnglish = c.DescriptionEnglish,
            Categories = c.Categories,
            Opens = Seoul.ToLocal(c.OpensAt),
            Closes = Seoul.ToLocal(c.ClosesAt),
            ConceptNoteCloses = c.ConceptNoteClosesAt is { } conceptNoteCloses ? Seoul.ToLocal(conceptNoteCloses) : null,
            MinimumRequest = c.MinimumRequest,
            MaximumRequest = c.MaximumRequest,
            Envelope = c.Envelope,
            ReviewersPerApplication = c.ReviewersPerApplication,
            ReviewDueOn = c.ReviewDueOn,
            BlindReview = c.BlindReview,
            ReceiptsRequired = c.ReceiptsRequired,
            AwardConditionsKorean = c.AwardConditionsKorean,
            AwardConditionsEnglish = c.AwardConditionsEnglish,
            Eligibility = c.Eligibility,
            BudgetRules = c.BudgetRules,
        };
        foreach (var criterion in c.Criteria.OrderBy(r => r.Order))
        {
            form.Criteria.Add(new CriterionForm
            {
                Id = criterion.Id,
                NameKorean = criterion.NameKorean,
                NameEnglish = criterion.NameEnglish,
                Weight = criterion.Weight,
                ScaleMinimum = criterion.ScaleMinimum,
                ScaleMaximum = criterion.ScaleMaximum,
            });
        }

        foreach (var indicator in c.Indicators.OrderBy(i => i.Order))
        {
            form.Indicators.Add(new IndicatorForm
            {
                Id = indicator.Id,
                Key = indicator.Key,
                Kind = indicator.Kind,
                NameKorean = indicator.NameKorean,
                NameEnglish = indicator.NameEnglish,
                UnitKorean = indicator.UnitKorean,
                UnitEnglish = indicator.UnitEnglish,
            });
        }

        foreach (var recommendation in c.Recommendations)
        {
            form.RecommendationIds.Add(recommendation.RecommendationId);
        }

        return form;
    }
}
