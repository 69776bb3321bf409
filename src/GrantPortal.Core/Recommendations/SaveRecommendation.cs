namespace GrantPortal.Core.Recommendations;

/// <summary>An administrator adds a catalogue entry (<see cref="RecommendationEntry.Id"/> null) or changes one, with an audit event.</summary>
public sealed class SaveRecommendation(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, IStringLocalizer<Strings> localizer)
{
    public async Task<Result> SaveAsync(CurrentUser user, RecommendationEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!RecommendationRules.IsAdministrator(user))
        {
            return Result.NotFound();
        }

        var problems = RecommendationRules.Validate(entry, localizer);
        if (problems.Count > 0)
        {
            // The editor has one message line, not a mark per field: it says every problem at once.
            return Result.Invalid(problems) with { Message = string.Join(' ', problems.Select(p => p.Message)) };
        }

        var code = entry.Code.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async () =>
        {
            if (await db.Recommendations.AnyAsync(r => r.Code == code && r.Id != (entry.Id ?? 0), ct))
            {
                return Result.Refused(localizer["Recommendations_CodeTaken", code]);
            }

            Recommendation recommendation;
            string? before = null;
            if (entry.Id is { } id)
            {
                var existing = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == id, ct);
                if (existing is null)
                {
                    return Result.NotFound();
                }

                recommendation = existing;
                before = JsonSerializer.Serialize(RecommendationRules.ToEntry(existing));
            }
            else
            {
                recommendation = new Recommendation();
                db.Recommendations.Add(recommendation);
            }

            RecommendationRules.Apply(recommendation, entry with { Code = code });

            // The audit event names the entry by its id, which a new entry has only once saved.
            await db.SaveChangesAsync(ct);
            db.AuditEvents.Add(AuditEvent.Record(
                clock.GetCurrentInstant(),
                user.AsActor(),
                before is null ? "recommendation.created" : "recommendation.changed",
                nameof(Recommendation),
                recommendation.Id.ToString(CultureInfo.InvariantCulture),
                before,
                JsonSerializer.Serialize(RecommendationRules.ToEntry(recommendation))));
            await db.SaveChangesAsync(ct);
            return Result.Done();
        }, ct);
    }
}
