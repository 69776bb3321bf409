using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.Core.Recommendations;

/// <summary>A saved narrative as the accountability page shows it.</summary>
public sealed record SavedNarrativeView(string Language, string Heading, string Text, Instant SavedAt, string SavedByName, int Version);

public sealed record NarrativeSaveResult(bool Saved, SavedNarrativeView? Narrative, string? Error);

/// <summary>
/// Keeps the officers' edited accountability narratives. A save carries the version the page loaded; a save based
/// on an older one is refused with who saved in between, so two officers never silently overwrite each other.
/// Program officers and administrators only, like the narrative itself.
/// </summary>
public sealed class NarrativeStore(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<NarrativeStore> logger)
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

    /// <summary>Saves one language's heading and text; <paramref name="expectedVersion"/> is 0 for the first save.</summary>
    public async Task<NarrativeSaveResult> SaveAsync(
        CurrentUser user, string code, int fromYear, int toYear, string language, string heading, string text, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AccountabilityService.CanWrite(user) || language is not (Languages.English or Languages.Korean) || fromYear > toYear)
        {
            return Refused(localizer["Recommendations_NotFound"]);
        }

        heading = (heading ?? "").Trim();
        text = (text ?? "").Trim();
        if (heading.Length == 0 || text.Length == 0)
        {
            return Refused(localizer["Accountability_SaveEmpty"]);
        }

        if (heading.Length > SavedNarrative.HeadingMaximum || text.Length > SavedNarrative.TextMaximum)
        {
            return Refused(localizer["Accountability_SaveTooLong", SavedNarrative.HeadingMaximum, SavedNarrative.TextMaximum]);
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Recommendations.AnyAsync(r => r.Code == code, ct))
        {
            return Refused(localizer["Recommendations_NotFound"]);
        }

        var narrative = await db.SavedNarratives.SingleOrDefaultAsync(
            n => n.Code == code && n.FromYear == fromYear && n.ToYear == toYear && n.Language == language, ct);
        if ((narrative?.Version ?? 0) != expectedVersion)
        {
            return Stale(narrative);
        }

        var before = narrative is null ? null : JsonSerializer.Serialize(new { narrative.Heading, narrative.Text });
        if (narrative is null)
        {
            narrative = new SavedNarrative { Code = code, FromYear = fromYear, ToYear = toYear, Language = language, Version = 1 };
            db.SavedNarratives.Add(narrative);
        }

        narrative.Heading = heading;
        narrative.Text = text;
        narrative.SavedAt = now;
        narrative.SavedById = user.UserId;
        narrative.SavedByName = user.Name;
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "accountability.saved", nameof(SavedNarrative),
            string.Create(CultureInfo.InvariantCulture, $"{code}/{fromYear}-{toYear}/{language}"), before, JsonSerializer.Serialize(new { heading, text })));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another officer saved first (a concurrent update, or the first save of the same text): show theirs.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return Stale(await fresh.SavedNarratives.AsNoTracking().SingleOrDefaultAsync(
                n => n.Code == code && n.FromYear == fromYear && n.ToYear == toYear && n.Language == language, ct));
        }

        logger.LogInformation("{UserId} saved the {Language} accountability narrative for {Code} {From}-{To}", user.UserId, language, code, fromYear, toYear);
        return new NarrativeSaveResult(true, View(narrative), null);
    }

    private NarrativeSaveResult Stale(SavedNarrative? newer) => newer is null
        ? Refused(localizer["Error_Concurrency"])
        : Refused(localizer["Accountability_SaveStale", newer.SavedByName, Seoul.FormatWithSeconds(newer.SavedAt)]);

    private static NarrativeSaveResult Refused(string error) => new(false, null, error);

    private static SavedNarrativeView View(SavedNarrative n) => new(n.Language, n.Heading, n.Text, n.SavedAt, n.SavedByName, n.Version);
}
