namespace GrantPortal.Core.Awards;

/// <summary>
/// The program officer confirms the settlement (정산) of an award from its approved final report: the figures are
/// kept, the award is closed (no more payments or changes), and what the sheet asks back becomes a receivable on the
/// finance worklist. Refused while a payment is on its way, and, for an award of the call's verification amount or
/// more, until the verifier's report is attached. Runs under the award's row lock and a settlement is unique per
/// award: two officers confirming at once close it once; the second is told it is already settled.
/// </summary>
public sealed class ConfirmSettlement(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationMail mail,
    PortalLinks links,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<ConfirmSettlement> logger)
{
    public async Task<Result> ConfirmAsync(CurrentUser user, int awardId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SettlementRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Awards.AnyAsync(a => a.Id == awardId, ct))
        {
            return Result.NotFound();
        }

        Result result;
        try
        {
            result = await SettlementRules.UnderAwardLockAsync(db, awardId, () => ConfirmUnderAwardLockAsync(db, user, awardId, ct), ct);
        }
        catch (DbUpdateException)
        {
            // A writer that did not take the lock lost on the unique index: the award was settled once, by the other.
            if (!await AlreadySettledAsync(awardId, ct))
            {
                throw;
            }

            result = Result.Refused(localizer["Settlement_AlreadyConfirmed"]);
        }

        if (result.Succeeded)
        {
            logger.LogInformation("Settlement of award {AwardId} confirmed by {UserId}", awardId, user.UserId);
        }

        return result;
    }

    private async Task<Result> ConfirmUnderAwardLockAsync(PortalDbContext db, CurrentUser user, int awardId, CancellationToken ct)
    {
        if (await db.Settlements.AnyAsync(s => s.AwardId == awardId, ct))
        {
            return Result.Refused(localizer["Settlement_AlreadyConfirmed"]);
        }

        var inputs = (await SettlementRules.ReadAsync(db, awardId, null, ct))!;
        if (inputs.Status != AwardStatus.Active)
        {
            return Result.Refused(localizer["Settlement_AwardClosed"]);
        }

        if (inputs.FinalReport is not { Status: ReportStatus.Approved } report)
        {
            return Result.Refused(localizer["Settlement_ReportNotApproved"]);
        }

        if (await db.Payments.AnyAsync(p => p.AwardId == awardId && (p.Status == PaymentStatus.AwaitingApproval || p.Status == PaymentStatus.Approved), ct))
        {
            return Result.Refused(localizer["Settlement_PaymentsPending"]);
        }

        if (inputs.VerificationRequired && !await db.Attachments.AnyAsync(a => a.VerificationAwardId == awardId, ct))
        {
            return Result.Refused(localizer["Settlement_VerificationRequired", inputs.Rules.VerificationThreshold.ForReader()]);
        }

        var now = clock.GetCurrentInstant();
        var settlement = Settlement.Confirm(awardId, report.Id, inputs.Sheet, inputs.VerificationRequired, now, user.UserId);
        db.Settlements.Add(settlement);
        var award = await db.Awards.SingleAsync(a => a.Id == awardId, ct);
        var before = JsonSerializer.Serialize(new { Status = award.Status.ToString() });
        award.Status = AwardStatus.Completed;
        award.ClosedOn = Seoul.Today(clock);
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.SettlementConfirmed, nameof(Award), AwardRules.Id(awardId),
            before, SettlementRules.Snapshot(settlement)));
        await TellGranteeAsync(db, inputs, settlement, ct);
        return await AwardRules.SaveAsync(db, localizer, ct) is { Succeeded: false } conflict
            ? conflict
            : Result.DoneWithNotice(localizer["Settlement_Confirmed", settlement.AmountToReturn.ForReader()]);
    }

    private async Task<bool> AlreadySettledAsync(int awardId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Settlements.AnyAsync(s => s.AwardId == awardId, ct);
    }

    /// <summary>The grantee's people hear, in their language, that the award is settled and what (if anything) to return.</summary>
    private Task<int> TellGranteeAsync(PortalDbContext db, SettlementInputs inputs, Settlement settlement, CancellationToken ct) =>
        mail.QueueAsync(db, inputs.OrganizationId, MailPurposes.SettlementConfirmed, member => (
            localizer["Settlement_MailSubject", inputs.ProjectTitle].Value,
            localizer[settlement.AmountToReturn.IsZero ? "Settlement_MailBodyNothing" : "Settlement_MailBody",
                member.DisplayName, inputs.ProjectTitle, settlement.EligibleGrantSpent.ForReader(), settlement.Interest.ForReader(),
                settlement.AmountToReturn.ForReader(), links.To(PortalPaths.Award(inputs.AwardId))].Value), ct);
}
