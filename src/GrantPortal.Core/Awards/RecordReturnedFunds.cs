namespace GrantPortal.Core.Awards;

/// <summary>
/// An officer or a finance user records money the grantee gave back (unspent or recovered): never more than was paid
/// and not yet returned. The award's version, as the reader saw it, guards the write.
/// </summary>
public sealed class RecordReturnedFunds(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<RecordReturnedFunds> logger)
{
    public async Task<Result> RecordReturnAsync(CurrentUser user, int awardId, Krw amount, string? reason, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficerOrFinance(user))
        {
            return Result.NotFound();
        }

        if (!AwardRules.IsExplainedAmount(reason, amount, localizer, out var invalid))
        {
            return invalid;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await db.Awards.FindAsync([awardId], ct);
        if (!AwardRules.IsAsRead(award, expectedVersion, localizer, out var refusal))
        {
            return refusal;
        }

        var returnable = await AwardRules.PaidAsync(db, awardId, ct) - award.ReturnedAmount;
        if (amount > returnable)
        {
            return Result.Refused(localizer["Awards_ReturnTooLarge", Krw.Max(returnable, Krw.Zero).ForReader()]);
        }

        var before = JsonSerializer.Serialize(new { ReturnedAmount = award.ReturnedAmount.Won });
        award.ReturnedAmount += amount;
        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), "award.funds-returned", nameof(Award), AwardRules.Id(awardId), before,
            JsonSerializer.Serialize(new { ReturnedAmount = award.ReturnedAmount.Won, Received = amount.Won }), reason.Trim()));
        var saved = await AwardRules.SaveAsync(db, localizer, ct);
        if (saved.Succeeded)
        {
            logger.LogInformation("Award {AwardId}: {Amount} won returned, recorded by {UserId}", awardId, amount.Won, user.UserId);
        }

        return saved;
    }
}
