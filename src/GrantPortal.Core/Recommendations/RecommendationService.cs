using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.Core.Recommendations;

/// <summary>A catalogue entry as shown and edited.</summary>
public sealed record RecommendationEntry(
    int? Id,
    string Code,
    string SourceDocument,
    string Paragraph,
    string ShortTitleEnglish,
    string ShortTitleKorean,
    string TextEnglish,
    string TextKorean)
{
    public string ShortTitle(string language) => language == "en" ? ShortTitleEnglish : ShortTitleKorean;

    public string Text(string language) => language == "en" ? TextEnglish : TextKorean;
}

/// <summary>One thing wrong with an import file, on the line the person sees in their editor.</summary>
public sealed record ImportError(int Line, string Message);

/// <summary>How an import went: either every row was saved, or none was and <see cref="Errors"/> says why.</summary>
public sealed record ImportResult(int Added, int Updated, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>An award and the codes it serves, for the officer's refinement page.</summary>
public sealed record AwardMapping(int AwardId, int Year, string CallCode, string ProjectTitle, OrganizationName OrganizationName, Money.Krw Amount, IReadOnlyList<string> Codes, IReadOnlyList<string> CallCodes, int Version);

public enum MappingOutcome
{
    Saved,
    NotFound,
    Invalid,
    Stale,
}

/// <summary>
/// The recommendation catalogue (administrators edit and import it; staff read it) and the codes each award
/// serves (program officers refine what awards inherited from their call). Anyone else is told nothing exists.
/// </summary>
public sealed class RecommendationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<RecommendationService> logger)
{
    public const int MaxImportRows = 1000;

    public async Task<IReadOnlyList<RecommendationEntry>> ListAsync(CurrentUser user, CancellationToken ct)
    {
        if (!CanRead(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.Recommendations.AsNoTracking().ToListAsync(ct);
        return entries.OrderBy(r => r.Code, StringComparer.Ordinal).Select(ToEntry).ToList();
    }

    /// <summary>Adds (<see cref="RecommendationEntry.Id"/> null) or changes one entry; null on success, otherwise the reason.</summary>
    public async Task<string?> SaveAsync(CurrentUser user, RecommendationEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!IsAdministrator(user))
        {
            return localizer["Recommendations_NotFound"];
        }

        var problems = Validate(entry);
        if (problems.Count > 0)
        {
            return string.Join(' ', problems);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = entry.Code.Trim();
        if (await db.Recommendations.AnyAsync(r => r.Code == code && r.Id != (entry.Id ?? 0), ct))
        {
            return localizer["Recommendations_CodeTaken", code];
        }

        Recommendation recommendation;
        string? before = null;
        if (entry.Id is { } id)
        {
            var existing = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == id, ct);
            if (existing is null)
            {
                return localizer["Recommendations_NotFound"];
            }

            recommendation = existing;
            before = JsonSerializer.Serialize(ToEntry(existing));
        }
        else
        {
            recommendation = new Recommendation();
            db.Recommendations.Add(recommendation);
        }

        Apply(recommendation, entry with { Code = code });
        await db.SaveChangesAsync(ct);
        db.AuditEvents.Add(AuditEvent.Record(
            clock.GetCurrentInstant(),
            user.AsActor(),
            before is null ? "recommendation.created" : "recommendation.changed",
            nameof(Recommendation),
            recommendation.Id.ToString(CultureInfo.InvariantCulture),
            before,
            JsonSerializer.Serialize(ToEntry(recommendation))));
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Adds or updates catalogue entries from CSV with the <see cref="RecommendationCsv.Columns"/> header. Every row
    /// is checked first; one bad row and nothing is saved, and every error is listed with its line.
    /// </summary>
    public async Task<ImportResult> ImportCsvAsync(CurrentUser user, Stream csv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (!IsAdministrator(user))
        {
            return new ImportResult(0, 0, [new ImportError(0, localizer["Recommendations_NotFound"])]);
        }

        // Upload streams read only asynchronously; the file is small (the page caps it), so read it whole first.
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        IReadOnlyList<(int Line, IReadOnlyList<string> Cells)> rows;
        using (var reader = new StreamReader(buffer, leaveOpen: true))
        {
            rows = RecommendationCsv.Read(reader);
        }

        var errors = new List<ImportError>();
        if (rows.Count == 0 || !rows[0].Cells.Select(c => c.Trim().ToLowerInvariant()).SequenceEqual(RecommendationCsv.Columns))
        {
            return new ImportResult(0, 0, [new ImportError(1, localizer["Recommendations_ImportHeader", string.Join(",", RecommendationCsv.Columns)])]);
        }

        if (rows.Count - 1 > MaxImportRows)
        {
            return new ImportResult(0, 0, [new ImportError(0, localizer["Recommendations_ImportTooMany", MaxImportRows])]);
        }

        var entries = new List<RecommendationEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cells) in rows.Skip(1))
        {
            if (cells.Count != RecommendationCsv.Columns.Count)
            {
                errors.Add(new ImportError(line, localizer["Recommendations_ImportColumns", RecommendationCsv.Columns.Count, cells.Count]));
                continue;
            }

            var entry = new RecommendationEntry(null, cells[0].Trim(), cells[1].Trim(), cells[2].Trim(), cells[3].Trim(), cells[4].Trim(), cells[5].Trim(), cells[6].Trim());
            errors.AddRange(Validate(entry).Select(message => new ImportError(line, message)));
            if (entry.Code.Length > 0 && !seen.TryAdd(entry.Code, line))
            {
                errors.Add(new ImportError(line, localizer["Recommendations_ImportDuplicate", entry.Code, seen[entry.Code]]));
            }

            entries.Add(entry);
        }

        if (errors.Count > 0)
        {
            logger.LogInformation("Recommendation import by {UserId} refused with {Errors} errors", user.UserId, errors.Count);
            return new ImportResult(0, 0, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var existing = await db.Recommendations.ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);
            var added = 0;
            var updated = 0;
            foreach (var entry in entries)
            {
                if (existing.TryGetValue(entry.Code, out var recommendation))
                {
                    updated++;
                }
                else
                {
                    recommendation = new Recommendation();
                    db.Recommendations.Add(recommendation);
                    added++;
                }

                Apply(recommendation, entry);
            }

            await db.SaveChangesAsync(ct);
            db.AuditEvents.Add(AuditEvent.Record(
                clock.GetCurrentInstant(),
                user.AsActor(),
                "recommendation.imported",
                nameof(Recommendation),
                "catalogue",
                after: JsonSerializer.Serialize(new { added, updated, codes = entries.Select(e => e.Code) })));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Recommendation import by {UserId}: {Added} added, {Updated} updated", user.UserId, added, updated);
            return new ImportResult(added, updated, []);
        });
    }

    /// <summary>Awards of a budget year with their codes; empty for anyone but program officers.</summary>
    public async Task<IReadOnlyList<AwardMapping>> ListAwardsAsync(CurrentUser user, int year, CancellationToken ct)
    {
        if (!IsOfficer(user))
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

    /// <summary>Sets the codes an award serves (refining what it inherited from its call), with an audit event.</summary>
    public async Task<MappingOutcome> SetAwardCodesAsync(CurrentUser user, int awardId, int expectedVersion, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (!IsOfficer(user))
        {
            return MappingOutcome.NotFound;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await db.Awards.Include(a => a.Recommendations).ThenInclude(r => r.Recommendation).SingleOrDefaultAsync(a => a.Id == awardId, ct);
        if (award is null)
        {
            return MappingOutcome.NotFound;
        }

        if (award.Version != expectedVersion)
        {
            return MappingOutcome.Stale;
        }

        var wanted = codes.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var catalogue = await db.Recommendations.Where(r => wanted.Contains(r.Code)).ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);
        if (catalogue.Count != wanted.Count)
        {
            return MappingOutcome.Invalid;
        }

        var before = award.Recommendations.Select(r => r.Recommendation!.Code).Order(StringComparer.Ordinal).ToList();
        award.Recommendations.RemoveAll(r => !wanted.Contains(r.Recommendation!.Code, StringComparer.Ordinal));
        foreach (var code in wanted.Where(c => !before.Contains(c, StringComparer.Ordinal)))
        {
            award.Recommendations.Add(new AwardRecommendation { AwardId = award.Id, RecommendationId = catalogue[code].Id });
        }

        // The codes live in their own table; touching the award bumps its version so a second officer's stale page is refused.
        db.Entry(award).Property(a => a.Version).IsModified = true;
        db.AuditEvents.Add(AuditEvent.Record(
            clock.GetCurrentInstant(),
            user.AsActor(),
            "award.recommendations_changed",
            nameof(Award),
            award.Id.ToString(CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(before),
            JsonSerializer.Serialize(wanted.Order(StringComparer.Ordinal))));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MappingOutcome.Stale;
        }

        return MappingOutcome.Saved;
    }

    public static bool CanRead(CurrentUser? user) =>
        user is not null && (user.IsIn(Roles.ProgramOfficer) || user.IsIn(Roles.Administrator) || user.IsIn(Roles.Finance));

    private static bool IsAdministrator(CurrentUser? user) => user is not null && user.IsIn(Roles.Administrator);

    private static bool IsOfficer(CurrentUser? user) => user is not null && user.IsIn(Roles.ProgramOfficer);

    private List<string> Validate(RecommendationEntry entry)
    {
        var problems = new List<string>();
        Require(entry.Code, 32, "Recommendations_Code");
        Require(entry.SourceDocument, 200, "Recommendations_SourceDocument");
        Require(entry.Paragraph, 64, "Recommendations_Paragraph");
        Require(entry.ShortTitleEnglish, 300, "Recommendations_ShortTitleEnglish");
        Require(entry.ShortTitleKorean, 300, "Recommendations_ShortTitleKorean");
        Require(entry.TextEnglish, 8000, "Recommendations_TextEnglish");
        Require(entry.TextKorean, 8000, "Recommendations_TextKorean");
        return problems;

        void Require(string value, int maximum, string fieldKey)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(localizer["Recommendations_Required", localizer[fieldKey]]);
            }
            else if (value.Trim().Length > maximum)
            {
                problems.Add(localizer["Recommendations_TooLong", localizer[fieldKey], maximum]);
            }
        }
    }

    private static void Apply(Recommendation target, RecommendationEntry entry)
    {
        target.Code = entry.Code.Trim();
        target.SourceDocument = entry.SourceDocument.Trim();
        target.Paragraph = entry.Paragraph.Trim();
        target.ShortTitleEnglish = entry.ShortTitleEnglish.Trim();
        target.ShortTitleKorean = entry.ShortTitleKorean.Trim();
        target.TextEnglish = entry.TextEnglish.Trim();
        target.TextKorean = entry.TextKorean.Trim();
    }

    private static RecommendationEntry ToEntry(Recommendation r) =>
        new(r.Id, r.Code, r.SourceDocument, r.Paragraph, r.ShortTitleEnglish, r.ShortTitleKorean, r.TextEnglish, r.TextKorean);
}
