namespace GrantPortal.Core.Disbursements;

/// <summary>
/// The maker's step of a settlement's receivable: a finance user records that the amount the settlement asks back
/// reached the ministry's account (the day and the bank reference). A different finance user confirms it
/// (<see cref="ConfirmReturnReceived"/>), as with payments. Anyone but finance is told it does not exist.
/// </summary>
public sealed class RecordReturnReceived(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<RecordReturnReceived> logger)
{
    public async Task<Result> RecordAsync(CurrentUser user, int settlementId, int expectedVersion, LocalDate receivedOn, string? reference, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return Result.NotFound();
        }

        var trimmed = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        if (trimmed is { Length: > 100 })
        {
            return Result.Invalid("Reference", localizer["Reports_TooLong", localizer["Finance_BankReference"], 100]);
        }

        if (receivedOn > Seoul.Today(clock))
        {
            return Result.Invalid("ReceivedOn", localizer["Settlement_ReceivedInFuture"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await SettlementRules.OnReceivableAsync(db, settlementId, expectedVersion, localizer, async settlement =>
        {
            if (settlement.ReturnStatus != ReturnStatus.Owed)
            {
                return Result.Refused(localizer["Settlement_ReturnNotOwed"]);
            }

            var now = clock.GetCurrentInstant();
            var before = SettlementRules.Snapshot(settlement);
            settlement.ReturnStatus = ReturnStatus.Recorded;
            settlement.ReturnReceivedOn = receivedOn;
            settlement.ReturnReference = trimmed;
            settlement.ReturnRecordedById = user.UserId;
            settlement.ReturnRecordedAt = now;
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.SettlementReturnRecorded, nameof(Award), AwardRules.Id(settlement.AwardId),
                before, SettlementRules.Snapshot(settlement)));
            return await AwardRules.SaveAsync(db, localizer, ct);
        }, ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Return on settlement {SettlementId} recorded by {UserId}", settlementId, user.UserId);
        }

        return result;
    }
}
