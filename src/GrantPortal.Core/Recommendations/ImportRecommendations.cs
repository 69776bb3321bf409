namespace GrantPortal.Core.Recommendations;

/// <summary>
/// An administrator adds or updates catalogue entries from CSV with the <see cref="RecommendationCsv.Columns"/>
/// header. Every row is checked first; one bad row and nothing is saved, and every error is listed with its line.
/// </summary>
public sealed class ImportRecommendations(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<ImportRecommendations> logger)
{
    public const int MaxImportRows = 1000;

    public async Task<Result<CatalogueImport>> ImportCsvAsync(CurrentUser user, Stream csv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (!RecommendationRules.IsAdministrator(user))
        {
            return Result.NotFound();
        }

        var (entries, errors) = await ReadAsync(csv, ct);
        if (errors.Count > 0)
        {
            logger.LogInformation("Recommendation import by {UserId} refused with {Errors} errors", user.UserId, errors.Count);
            return NothingImported(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async () =>
        {
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

                RecommendationRules.Apply(recommendation, entry);
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
            logger.LogInformation("Recommendation import by {UserId}: {Added} added, {Updated} updated", user.UserId, added, updated);
            return Result.Done(new CatalogueImport(added, updated, []));
        }, ct);
    }

    /// <summary>The file's entries, or every problem with it: the header, the row count, and each row's cells.</summary>
    private async Task<(List<RecommendationEntry> Entries, List<ImportError> Errors)> ReadAsync(Stream csv, CancellationToken ct)
    {
        // Upload streams read only asynchronously; the file is small (the page caps it), so read it whole first.
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        IReadOnlyList<(int Line, IReadOnlyList<string> Cells)> rows;
        using (var reader = new StreamReader(buffer, leaveOpen: true))
        {
            rows = RecommendationCsv.Read(reader);
        }

        var entries = new List<RecommendationEntry>();
        if (rows.Count == 0 || !rows[0].Cells.Select(c => c.Trim().ToLowerInvariant()).SequenceEqual(RecommendationCsv.Columns))
        {
            return (entries, [new ImportError(1, localizer["Recommendations_ImportHeader", string.Join(",", RecommendationCsv.Columns)])]);
        }

        if (rows.Count - 1 > MaxImportRows)
        {
            return (entries, [new ImportError(0, localizer["Recommendations_ImportTooMany", MaxImportRows])]);
        }

        var errors = new List<ImportError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cells) in rows.Skip(1))
        {
            if (cells.Count != RecommendationCsv.Columns.Count)
            {
                errors.Add(new ImportError(line, localizer["Recommendations_ImportColumns", RecommendationCsv.Columns.Count, cells.Count]));
                continue;
            }

            var entry = new RecommendationEntry(null, cells[0].Trim(), cells[1].Trim(), cells[2].Trim(), cells[3].Trim(), cells[4].Trim(), cells[5].Trim(), cells[6].Trim());
            errors.AddRange(RecommendationRules.Validate(entry, localizer).Select(problem => new ImportError(line, problem.Message)));
            if (entry.Code.Length > 0 && !seen.TryAdd(entry.Code, line))
            {
                errors.Add(new ImportError(line, localizer["Recommendations_ImportDuplicate", entry.Code, seen[entry.Code]]));
            }

            entries.Add(entry);
        }

        return (entries, errors);
    }

    /// <summary>Nothing imported: the rows' problems travel in the value, for the page to list line by line.</summary>
    private Result<CatalogueImport> NothingImported(IReadOnlyList<ImportError> errors) =>
        (Result.Invalid([]) with { Message = localizer["Recommendations_ImportRefused"] }).With(new CatalogueImport(0, 0, errors));
}
