namespace GrantPortal.Core.Recommendations;

/// <summary>
/// Keeps an officer's edited accountability narrative, one language at a time. A save carries the version the page
/// loaded; a save based on an older one is refused with who saved in between, so two officers never silently
/// overwrite each other. Program officers and administrators only, like the narrative itself.
/// </summary>
public sealed class SaveNarrative(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<SaveNarrative> logger)
{
    /// <summary>Saves one language's heading and text; <paramref name="expectedVersion"/> is 0 for the first save.</summary>
    public async Task<Result<SavedNarrativeView>> SaveAsync(
        CurrentUser user, string code, int fromYear, int toYear, string language, string heading, string text, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AccountabilityService.CanWrite(user) || language is not (Languages.English or Languages.Korean) || fromYear > toYear)
        {
            return Result.NotFound();
        }

        heading = (heading ?? "").Trim();
        text = (text ?? "").Trim();
        if (heading.Length == 0 || text.Length == 0)
        {
            return Invalid(localizer["Accountability_SaveEmpty"]);
        }

        if (heading.Length > SavedNarrative.HeadingMaximum || text.Length > SavedNarrative.TextMaximum)
        {
            return Invalid(localizer["Accountability_SaveTooLong", SavedNarrative.HeadingMaximum, SavedNarrative.TextMaximum]);
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Recommendations.AnyAsync(r => r.Code == code, ct))
        {
            return Result.NotFound();
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
        return Result.Done(SavedNarrativeView.Of(narrative));
    }

    /// <summary>The page shows one sentence under the text it is about, not a mark per field.</summary>
    private static Result Invalid(string message) => Result.Invalid("Text", message);

    private Result Stale(SavedNarrative? newer) => newer is null
        ? Result.Conflict(localizer["Error_Concurrency"])
        : Result.Conflict(localizer["Accountability_SaveStale", newer.SavedByName, Seoul.FormatWithSeconds(newer.SavedAt)]);
}
