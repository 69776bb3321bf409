namespace GrantPortal.Core.Recommendations;

/// <summary>A program officer sets the codes an award serves, refining what it inherited from its call, with an audit event.</summary>
public sealed class SetAwardCodes(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, IStringLocalizer<Strings> localizer)
{
    public async Task<Result> SetAwardCodesAsync(CurrentUser user, int awardId, int expectedVersion, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (!RecommendationRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await db.Awards.Include(a => a.Recommendations).ThenInclude(r => r.Recommendation).SingleOrDefaultAsync(a => a.Id == awardId, ct);
        if (award is null)
        {
            return Result.NotFound();
        }

        if (award.Version != expectedVersion)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        var wanted = codes.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var catalogue = await db.Recommendations.Where(r => wanted.Contains(r.Code)).ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);
        if (catalogue.Count != wanted.Count)
        {
            var refused = localizer["Recommendations_MappingRefused"];
            return Result.Invalid("Codes", refused) with { Message = refused };
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
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        return Result.Done();
    }
}
