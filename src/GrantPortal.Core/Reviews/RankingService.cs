using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

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

public sealed record DecisionResult(bool Succeeded, string? Error, int Version)
{
    /// <summary>Set when nothing was recorded because the officer must first confirm what this says ("3 of 4 reviews are missing").</summary>
    public string? Warning { get; init; }

    public bool NeedsConfirmation => Warning is not null;
}

/// <summary>The officer's ranking of a call's applications and the panel decision on each.</summary>
public sealed class RankingService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<RankingService> logger)
{
    public async Task<RankingTable?> GetAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        if (!IsOfficer(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Calls.AsNoTracking().Include(c => c.Criteria).SingleOrDefaultAsync(c => c.Id == callId, ct);
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
        var names = await AssignmentService.NamesAsync(db, reviews.Select(r => r.ReviewerId).Distinct().ToList(), ct);
        var (minimum, maximum) = Calibration.RangeOf(rubric);
        var rows = ranked.Select(r =>
        {
            var a = details[r.ApplicationId];
            return new RankingRow(r, a.ReceiptNumber, a.ProjectTitle, new OrganizationName(a.NameKorean, a.Name), a.Status, a.PanelDecision, a.PanelNote, a.Version);
        }).ToList();
        return new RankingTable(call.Id, call.Code, call.TitleKorean, call.TitleEnglish, minimum, maximum, rows, names);
    }

    /// <summary>Submitted reviews of a call with their criterion scores, read in two flat queries.</summary>
    internal static async Task<List<ScoredReview>> LoadReviewsAsync(PortalDbContext db, int callId, CancellationToken ct)
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

    /// <summary>
    /// Records the panel's decision on an application under review; awards are made from these. While reviews are
    /// missing (fewer submitted than assigned, or than the call asks for) nothing is recorded until the officer
    /// confirms, so a decision on one review of four is never taken by accident, whichever screen sends it.
    /// </summary>
    public async Task<DecisionResult> DecideAsync(
        CurrentUser user,
        int applicationId,
        PanelDecision decision,
        string? note,
        int expectedVersion,
        bool confirmMissingReviews = false,
        CancellationToken ct = default)
    {
        if (!IsOfficer(user))
        {
            return new DecisionResult(false, localizer["Reviews_NotFound"], expectedVersion);
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null)
        {
            return new DecisionResult(false, localizer["Reviews_NotFound"], expectedVersion);
        }

        if (application.Status != ApplicationStatus.UnderReview)
        {
            return new DecisionResult(false, localizer["Ranking_NotUnderReview"], application.Version);
        }

        if (application.Version != expectedVersion)
        {
            return new DecisionResult(false, localizer["Error_Concurrency"], application.Version);
        }

        var (expected, missing) = await MissingReviewsAsync(db, application, ct);
        if (missing > 0 && !confirmMissingReviews)
        {
            return new DecisionResult(false, null, application.Version) { Warning = localizer["Ranking_MissingReviewsConfirm", missing, expected, application.ProjectTitle] };
        }

        var before = JsonSerializer.Serialize(new { Decision = application.PanelDecision?.ToString(), Note = application.PanelNote });
        db.Entry(application).Property(a => a.Version).OriginalValue = expectedVersion;
        application.RecordPanelDecision(decision, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "application.panel-decision", nameof(Application), applicationId.ToString(CultureInfo.InvariantCulture),
            before, JsonSerializer.Serialize(new { Decision = decision.ToString(), Note = application.PanelNote, MissingReviews = missing, ExpectedReviews = expected })));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new DecisionResult(false, localizer["Error_Concurrency"], expectedVersion);
        }

        logger.LogInformation("Officer {UserId} recorded {Decision} on application {ApplicationId}", user.UserId, decision, applicationId);
        return new DecisionResult(true, null, application.Version);
    }

    /// <summary>
    /// The reviews an application should have (its assigned reviewers, and never fewer than the call asks for) and
    /// how many of those are not submitted.
    /// </summary>
    private static async Task<(int Expected, int Missing)> MissingReviewsAsync(PortalDbContext db, Application application, CancellationToken ct)
    {
        var perApplication = await db.Calls.Where(c => c.Id == application.CallId).Select(c => c.ReviewersPerApplication).SingleAsync(ct);
        var assignments = db.ReviewAssignments.Where(a => a.ApplicationId == application.Id);
        var assigned = await assignments.CountAsync(ct);
        var submitted = await assignments.CountAsync(a => a.Review != null && a.Review.Status == ReviewStatus.Submitted, ct);
        var expected = Math.Max(perApplication, assigned);
        return (expected, expected - submitted);
    }

    private static bool IsOfficer(CurrentUser? user) => user is not null && user.IsIn(Roles.ProgramOfficer);
}
