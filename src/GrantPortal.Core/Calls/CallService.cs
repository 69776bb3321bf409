using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GrantPortal.Core.Calls;

public sealed record PublishedCriterion(string NameKorean, string NameEnglish, decimal Weight, int ScaleMinimum, int ScaleMaximum)
{
    public string Name(string language) => language == "en" ? NameEnglish : NameKorean;
}

/// <summary>A published call as anyone may read it.</summary>
public sealed record PublishedCall(
    int Id,
    int Year,
    string Code,
    string TitleKorean,
    string TitleEnglish,
    string DescriptionKorean,
    string DescriptionEnglish,
    ProjectCategories Categories,
    Krw MinimumRequest,
    Krw MaximumRequest,
    Krw Envelope,
    Instant OpensAt,
    Instant ClosesAt,
    IReadOnlyList<string> CoiCodes,
    IReadOnlyList<PublishedCriterion> Criteria)
{
    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;

    public string Description(string language) => language == "en" ? DescriptionEnglish : DescriptionKorean;

    public bool IsOpenAt(Instant now) => now >= OpensAt && now <= ClosesAt;

    public bool IsUpcomingAt(Instant now) => now < OpensAt;
}

/// <summary>One call in an officer's list of a year.</summary>
public sealed record CallSummary(
    int Id,
    string Code,
    string TitleKorean,
    string TitleEnglish,
    Krw Envelope,
    Instant OpensAt,
    Instant ClosesAt,
    bool IsPublished)
{
    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;
}

/// <summary>A budget year as an officer plans it: how much the calls take and what is left.</summary>
public sealed record CallYear(int Year, Krw Envelope, Krw Allocated, IReadOnlyList<CallSummary> Calls)
{
    public Krw Remaining => Envelope - Allocated;
}

/// <summary>A recommendation an officer can tie a call to.</summary>
public sealed record RecommendationOption(int Id, string Code, string ShortTitleKorean, string ShortTitleEnglish)
{
    public string ShortTitle(string language) => language == "en" ? ShortTitleEnglish : ShortTitleKorean;
}

/// <summary>A call opened for editing.</summary>
public sealed record EditableCall(int Id, bool IsPublished, Instant? PublishedAt, CallForm Form);

public enum CallOutcome
{
    Saved,
    Invalid,
    NotFound,
    Stale,
    OverBudget,

    /// <summary>Nothing saved: the officer must first confirm what <see cref="CallResult.Deadline"/> describes.</summary>
    NeedsConfirmation,
}

public sealed record CallResult(CallOutcome Outcome, int? CallId, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Outcome == CallOutcome.Saved;

    /// <summary>A published call's deadline move: to confirm (<see cref="CallOutcome.NeedsConfirmation"/>), or done and mailed.</summary>
    public DeadlineChange? Deadline { get; init; }

    public static CallResult NotFound { get; } = new(CallOutcome.NotFound, null, []);
}

/// <summary>
/// Calls for proposals: the public list and details, and the program officer's planning, editing and
/// publishing. Officer methods answer only program officers; anyone else is told the call does not exist.
/// </summary>
public sealed partial class CallService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    OrganizationMail mail,
    PortalLinks links,
    ILogger<CallService> logger)
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
        if (!IsOfficer(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BudgetYears.OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(ct);
    }

    /// <summary>Every call of a year, published or not, with the year's envelope; null for non-officers or an unknown year.</summary>
    public async Task<CallYear?> ListForYearAsync(CurrentUser user, int year, CancellationToken ct)
    {
        if (!IsOfficer(user))
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

    /// <summary>The catalogue of recommendations a call can serve, by code; empty for non-officers.</summary>
    public async Task<IReadOnlyList<RecommendationOption>> ListRecommendationsAsync(CurrentUser user, CancellationToken ct)
    {
        if (!IsOfficer(user))
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
        if (!IsOfficer(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Calls.AsNoTracking()
            .Include(c => c.BudgetYear)
            .Include(c => c.Criteria)
            .Include(c => c.Recommendations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        return call is null ? null : new EditableCall(call.Id, call.IsPublished, call.PublishedAt, ToForm(call));
    }

    /// <summary>
    /// Creates (<see cref="CallForm.Id"/> null) or edits a call. The sum of the year's call envelopes never
    /// exceeds the year's envelope, even when officers save at the same moment: the year's row is locked first.
    /// </summary>
    public Task<CallResult> SaveAsync(CurrentUser user, CallForm form, CancellationToken ct) =>
        SaveAsync(user, form, confirmDeadlineChange: false, ct);

    /// <summary>
    /// As <see cref="SaveAsync(CurrentUser, CallForm, CancellationToken)"/>; moving a published call's deadline
    /// answers <see cref="CallOutcome.NeedsConfirmation"/> until <paramref name="confirmDeadlineChange"/> is set,
    /// then saves, audits and mails the organizations holding drafts.
    /// </summary>
    public async Task<CallResult> SaveAsync(CurrentUser user, CallForm form, bool confirmDeadlineChange, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!IsOfficer(user))
        {
            return CallResult.NotFound;
        }

        var errors = form.Validate(localizer);
        if (errors.Count > 0)
        {
            return new CallResult(CallOutcome.Invalid, form.Id, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var budgetId = await db.BudgetYears.Where(y => y.Year == form.Year).Select(y => (int?)y.Id).SingleOrDefaultAsync(ct);
        if (budgetId is not { } yearId)
        {
            return new CallResult(CallOutcome.Invalid, form.Id, [new FieldError(nameof(CallForm.Year), localizer["CallForm_NoBudgetYear", form.Year])]);
        }

        var code = form.Code.Trim().ToUpperInvariant();
        // SQL Server retries transient failures; a user-started transaction must run inside that strategy.
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(() => SaveInTransactionAsync(db, user, form, yearId, code, confirmDeadlineChange, ct));
        if (result is { Succeeded: true, CallId: { } savedId, Deadline: { } moved })
        {
            await NotifyDraftHoldersAsync(savedId, moved, ct);
        }

        return result;
    }

    private async Task<CallResult> SaveInTransactionAsync(PortalDbContext db, CurrentUser user, CallForm form, int yearId, string code, bool confirmDeadlineChange, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetCurrentInstant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // A write that changes nothing is the lock: SQLite takes its database write lock, PostgreSQL and SQL Server
        // a row lock held until commit. Every other save in this year waits here, so the sum below stays true.
        // The version keeps its value, so nobody editing the year itself is told their copy went stale.
        await db.BudgetYears.Where(y => y.Id == yearId).ExecuteUpdateAsync(s => s.SetProperty(y => y.Version, y => y.Version), ct);
        var budget = await db.BudgetYears.AsNoTracking().SingleAsync(y => y.Id == yearId, ct);

        Call call;
        string? before = null;
        if (form.Id is { } id)
        {
            var existing = await db.Calls.Include(c => c.Criteria).Include(c => c.Recommendations).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
            if (existing is null)
            {
                return CallResult.NotFound;
            }

            if (existing.Version != form.Version)
            {
                return Stale(id);
            }

            call = existing;
            before = Snapshot(call);
            db.Entry(call).Property(c => c.Version).OriginalValue = form.Version;
        }
        else
        {
            call = new Call();
            db.Calls.Add(call);
        }

        if (await db.Calls.AnyAsync(c => c.BudgetYearId == yearId && c.Code == code && c.Id != (form.Id ?? 0), ct))
        {
            return new CallResult(CallOutcome.Invalid, form.Id, [new FieldError(nameof(CallForm.Code), localizer["CallForm_CodeTaken", code, form.Year])]);
        }

        var others = new Krw(await db.Calls.Where(c => c.BudgetYearId == yearId && c.Id != (form.Id ?? 0)).SumAsync(c => (long)c.Envelope, ct));
        var remaining = budget.Envelope - others;
        if (form.Envelope > remaining)
        {
            var shown = Krw.Max(remaining, Krw.Zero);
            logger.LogInformation("Call envelope {Envelope} refused in {Year}: {Remaining} remains", form.Envelope.Won, budget.Year, shown.Won);
            return new CallResult(
                CallOutcome.OverBudget,
                form.Id,
                [new FieldError(nameof(CallForm.Envelope), localizer["Calls_OverBudget", budget.Year, shown.ForReader()])]);
        }

        if (form.Id is { } callId)
        {
            var committed = new Krw(await db.Awards.Where(a => a.CallId == callId && a.Status != AwardStatus.Cancelled).SumAsync(a => (long)a.Amount, ct));
            if (form.Envelope < committed)
            {
                return new CallResult(
                    CallOutcome.Invalid,
                    form.Id,
                    [new FieldError(nameof(CallForm.Envelope), localizer["Calls_BelowAwards", committed.ForReader()])]);
            }
        }

        if (form.Id is { } reviewedCallId && before is not null && ChangesScoredRubric(call, form)
            && await db.ReviewAssignments.AnyAsync(a => a.Application!.CallId == reviewedCallId && a.Review != null, ct))
        {
            // Scores already given refer to these criteria and were given on these scales.
            return new CallResult(CallOutcome.Invalid, form.Id, [new FieldError(nameof(CallForm.Criteria), localizer["Reviews_RubricLocked"])]);
        }

        DeadlineChange? moved = null;
        if (form.Id is not null)
        {
            var (refusal, move) = await CheckDeadlineAsync(db, user, call, form, now, confirmDeadlineChange, ct);
            if (refusal is not null)
            {
                return refusal;
            }

            moved = move;
        }

        Apply(call, form, yearId, code);
        try
        {
            await db.SaveChangesAsync(ct);
            db.AuditEvents.Add(AuditEvent.Record(
                now,
                user.AsActor(),
                before is null ? "call.created" : "call.changed",
                nameof(Call),
                call.Id.ToString(CultureInfo.InvariantCulture),
                before,
                Snapshot(call)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(call.Id);
        }

        logger.LogInformation("Call {CallId} saved by {UserId}", call.Id, user.UserId);
        return new CallResult(CallOutcome.Saved, call.Id, []) { Deadline = moved };
    }

    public Task<CallResult> PublishAsync(CurrentUser user, int id, int expectedVersion, CancellationToken ct) =>
        ChangePublicationAsync(user, id, expectedVersion, publish: true, ct);

    public Task<CallResult> UnpublishAsync(CurrentUser user, int id, int expectedVersion, CancellationToken ct) =>
        ChangePublicationAsync(user, id, expectedVersion, publish: false, ct);

    private async Task<CallResult> ChangePublicationAsync(CurrentUser user, int id, int expectedVersion, bool publish, CancellationToken ct)
    {
        if (!IsOfficer(user))
        {
            return CallResult.NotFound;
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return CallResult.NotFound;
        }

        if (call.Version != expectedVersion)
        {
            return Stale(id);
        }

        var before = JsonSerializer.Serialize(new { call.IsPublished, call.PublishedAt });
        if (publish)
        {
            call.Publish(now);
        }
        else
        {
            call.Unpublish();
        }

        db.AuditEvents.Add(AuditEvent.Record(
            now,
            user.AsActor(),
            publish ? "call.published" : "call.unpublished",
            nameof(Call),
            id.ToString(CultureInfo.InvariantCulture),
            before,
            JsonSerializer.Serialize(new { call.IsPublished, call.PublishedAt })));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(id);
        }

        logger.LogInformation("Call {CallId} {Action} by {UserId}", id, publish ? "published" : "unpublished", user.UserId);
        return new CallResult(CallOutcome.Saved, id, []);
    }

    private CallResult Stale(int id) => new(CallOutcome.Stale, id, [new FieldError("", localizer["Error_Concurrency"])]);

    private static bool IsOfficer(CurrentUser? user) => user is not null && user.IsIn(Roles.ProgramOfficer);

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
        c.Criteria.OrderBy(r => r.Order).Select(r => new PublishedCriterion(r.NameKorean, r.NameEnglish, r.Weight, r.ScaleMinimum, r.ScaleMaximum)).ToList());

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
            MinimumRequest = c.MinimumRequest,
            MaximumRequest = c.MaximumRequest,
            Envelope = c.Envelope,
            ReviewersPerApplication = c.ReviewersPerApplication,
            ReviewDueOn = c.ReviewDueOn,
            BlindReview = c.BlindReview,
            ReceiptsRequired = c.ReceiptsRequired,
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

        foreach (var recommendation in c.Recommendations)
        {
            form.RecommendationIds.Add(recommendation.RecommendationId);
        }

        return form;
    }

    private static void Apply(Call call, CallForm form, int yearId, string code)
    {
        call.BudgetYearId = yearId;
        call.Code = code;
        call.TitleKorean = form.TitleKorean.Trim();
        call.TitleEnglish = form.TitleEnglish.Trim();
        call.DescriptionKorean = form.DescriptionKorean.Trim();
        call.DescriptionEnglish = form.DescriptionEnglish.Trim();
        call.Categories = form.Categories & ProjectCategories.All;
        call.OpensAt = Seoul.ToInstant(form.Opens);
        call.ClosesAt = Seoul.ToInstant(form.Closes);
        call.MinimumRequest = form.MinimumRequest;
        call.MaximumRequest = form.MaximumRequest;
        call.Envelope = form.Envelope;
        call.ReviewersPerApplication = form.ReviewersPerApplication;
        call.ReviewDueOn = form.ReviewDueOn;
        call.BlindReview = form.BlindReview;
        call.ReceiptsRequired = Enum.IsDefined(form.ReceiptsRequired) ? form.ReceiptsRequired : ReceiptRequirement.FinalReport;

        // Criteria keep their ids where the officer kept the row, so scores already given stay attached.
        var kept = form.Criteria.Where(f => f.Id is not null).Select(f => f.Id!.Value).ToHashSet();
        call.Criteria.RemoveAll(r => !kept.Contains(r.Id));
        for (var i = 0; i < form.Criteria.Count; i++)
        {
            var input = form.Criteria[i];
            var criterion = call.Criteria.FirstOrDefault(r => input.Id is { } id && r.Id == id);
            if (criterion is null)
            {
                criterion = new RubricCriterion();
                call.Criteria.Add(criterion);
            }

            criterion.Order = i + 1;
            criterion.NameKorean = input.NameKorean.Trim();
            criterion.NameEnglish = input.NameEnglish.Trim();
            criterion.Weight = input.Weight;
            criterion.ScaleMinimum = input.ScaleMinimum;
            criterion.ScaleMaximum = input.ScaleMaximum;
        }

        call.Recommendations.RemoveAll(r => !form.RecommendationIds.Contains(r.RecommendationId));
        foreach (var recommendationId in form.RecommendationIds.Where(id => call.Recommendations.All(r => r.RecommendationId != id)))
        {
            call.Recommendations.Add(new CallRecommendation { RecommendationId = recommendationId });
        }
    }

    /// <summary>True when the form removes a criterion or changes a kept criterion's scale.</summary>
    private static bool ChangesScoredRubric(Call call, CallForm form) =>
        call.Criteria.Any(existing =>
            form.Criteria.FirstOrDefault(f => f.Id == existing.Id) is not { } kept
            || kept.ScaleMinimum != existing.ScaleMinimum
            || kept.ScaleMaximum != existing.ScaleMaximum);

    private static string Snapshot(Call c) => JsonSerializer.Serialize(new
    {
        c.Code,
        c.TitleKorean,
        c.TitleEnglish,
        Categories = c.Categories.ToString(),
        Envelope = c.Envelope.Won,
        MinimumRequest = c.MinimumRequest.Won,
        MaximumRequest = c.MaximumRequest.Won,
        OpensAt = c.OpensAt.ToString(),
        ClosesAt = c.ClosesAt.ToString(),
        c.ReviewersPerApplication,
        ReviewDueOn = c.ReviewDueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        c.BlindReview,
        ReceiptsRequired = c.ReceiptsRequired.ToString(),
        Criteria = c.Criteria.OrderBy(r => r.Order).Select(r => new { r.NameEnglish, r.Weight, r.ScaleMinimum, r.ScaleMaximum }),
        Recommendations = c.Recommendations.Select(r => r.RecommendationId).Order(),
    });
}
