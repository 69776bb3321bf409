namespace GrantPortal.Core.Disbursements;

/// <summary>
/// The checker's step of a settlement's receivable: a second finance user confirms the return the first recorded;
/// the amount is added to the award's returned money. Refused to the finance user who recorded it.
/// </summary>
public sealed class ConfirmReturnReceived(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<ConfirmReturnReceived> logger)
{
    public async Task<Result> ConfirmAsync(CurrentUser user, int settlementId, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await SettlementRules.OnReceivableAsync(db, settlementId, expectedVersion, localizer, async settlement =>
        {
            if (settlement.ReturnStatus != ReturnStatus.Recorded)
            {
                return Result.Refused(localizer["Settlement_ReturnNotRecorded"]);
            }

            if (settlement.ReturnRecordedById == user.UserId)
            {
                return Result.Refused(localizer["Settlement_SelfConfirmation"]);
            }

            var now = clock.GetCurrentInstant();
            var before = SettlementRules.Snapshot(settlement);
            var award = await db.Awards.SingleAsync(a => a.Id == settlement.AwardId, ct);
            var returnedBefore = award.ReturnedAmount;
            settlement.ReturnStatus = ReturnStatus.Received;
            settlement.ReturnConfirmedById = user.UserId;
            settlement.ReturnConfirmedAt = now;
            award.ReturnedAmount += settlement.AmountToReturn;
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.SettlementReturnConfirmed, nameof(Award), AwardRules.Id(award.Id),
                JsonSerializer.Serialize(new { Settlement = JsonDocument.Parse(before).RootElement, ReturnedAmount = returnedBefore.Won }),
                JsonSerializer.Serialize(new { Settlement = JsonDocument.Parse(SettlementRules.Snapshot(settlement)).RootElement, ReturnedAmount = award.ReturnedAmount.Won })));
            return await AwardRules.SaveAsync(db, localizer, ct);
        }, ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Return on settlement {SettlementId} confirmed by {UserId}", settlementId, user.UserId);
        }

        return result;
    }
}
