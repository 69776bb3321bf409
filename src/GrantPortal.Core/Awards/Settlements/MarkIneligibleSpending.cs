namespace GrantPortal.Core.Awards;

/// <summary>
/// At settlement the officer marks part of a line's grant spending as ineligible (불인정), with a reason; it is not
/// counted as spent, so it is returned. Only on a submitted or approved final report of an award not yet settled,
/// never more than the line's grant spending; zero clears the mark. Runs under the award's lock, so it cannot slip in
/// beside a confirmation.
/// </summary>
public sealed class MarkIneligibleSpending(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<MarkIneligibleSpending> logger)
{
    public async Task<Result> MarkAsync(CurrentUser user, int spendingLineId, Krw amount, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SettlementRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (amount.IsNegative)
        {
            return Result.Invalid("Ineligible", localizer["Settlement_IneligibleInvalid"]);
        }

        if (!amount.IsZero && trimmed is null)
        {
            return Result.Invalid("IneligibleReason", localizer["Settlement_IneligibleReasonRequired"]);
        }

        if (trimmed is { Length: > 2000 })
        {
            return Result.Invalid("IneligibleReason", localizer["Reports_TooLong", localizer["Settlement_IneligibleReason"], 2000]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var awardId = await db.Set<SpendingLine>().Where(l => l.Id == spendingLineId)
            .Join(db.ProjectReports, l => l.ProjectReportId, r => r.Id, (l, r) => (int?)r.AwardId).SingleOrDefaultAsync(ct);
        if (awardId is not { } id)
        {
            return Result.NotFound();
        }

        var result = await SettlementRules.UnderAwardLockAsync(db, id, async () =>
        {
            var line = await db.Set<SpendingLine>().SingleAsync(l => l.Id == spendingLineId, ct);
            var report = await db.ProjectReports.AsNoTracking().SingleAsync(r => r.Id == line.ProjectReportId, ct);
            var status = await db.Awards.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(ct);
            if (status != AwardStatus.Active || await db.Settlements.AnyAsync(s => s.AwardId == id, ct))
            {
                return Result.Refused(localizer["Settlement_AwardClosed"]);
            }

            if (report.Kind != ReportKind.Final || report.Status is not (ReportStatus.Submitted or ReportStatus.Approved))
            {
                return Result.Refused(localizer["Settlement_ReportNotReady"]);
            }

            if (amount > line.Spent)
            {
                return Result.Invalid("Ineligible", localizer["Settlement_IneligibleOverSpent", line.Spent.ForReader()]);
            }

            var before = JsonSerializer.Serialize(new { SpendingLineId = line.Id, line.Item, Ineligible = line.IneligibleGrant.Won, Reason = line.IneligibleReason });
            line.IneligibleGrant = amount;
            line.IneligibleReason = amount.IsZero ? null : trimmed;
            db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), AuditActions.SettlementIneligibleMarked, nameof(Award), AwardRules.Id(id),
                before, JsonSerializer.Serialize(new { SpendingLineId = line.Id, line.Item, Ineligible = amount.Won }), line.IneligibleReason));
            await db.SaveChangesAsync(ct);
            return Result.Done();
        }, ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Award {AwardId}: {Amount} won of spending line {LineId} marked ineligible by {UserId}", id, amount.Won, spendingLineId, user.UserId);
        }

        return result;
    }
}
