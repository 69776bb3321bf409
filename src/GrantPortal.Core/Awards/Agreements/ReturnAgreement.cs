namespace GrantPortal.Core.Awards;

/// <summary>The program officer sends a submitted checklist back to the grantee with a reason (a wrong account, an unreadable bank book).</summary>
public sealed class ReturnAgreement(
    IDbContextFactory<PortalDbContext> dbFactory,
    AgreementRules rules,
    IClock clock,
    IStringLocalizer<Strings> localizer)
{
    public async Task<Result> ReturnAsync(CurrentUser user, int awardId, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Result.Invalid("ReturnReason", localizer["Agreement_ReturnReasonRequired"]);
        }

        if (trimmed.Length > GrantAgreement.ReasonLength)
        {
            return Result.Invalid("ReturnReason", localizer["Agreement_TooLong", localizer["Agreement_ReturnReason"], GrantAgreement.ReasonLength]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(RowLock.On<Award>(awardId), async () =>
        {
            if (await AgreementRules.ReadAsync(db, awardId, ct) is not { } award)
            {
                return Result.NotFound();
            }

            var agreement = await db.GrantAgreements.SingleOrDefaultAsync(a => a.AwardId == awardId, ct);
            if (agreement is not { Status: AgreementStatus.Submitted })
            {
                return Result.Refused(agreement is { Status: AgreementStatus.Decided } ? localizer["Agreement_AlreadyDecided"] : localizer["Agreement_NotSubmitted"]);
            }

            var now = clock.GetCurrentInstant();
            var before = AgreementRules.Snapshot(agreement);
            agreement.Status = AgreementStatus.Returned;
            agreement.ReturnedAt = now;
            agreement.ReturnedById = user.UserId;
            agreement.ReturnReason = trimmed;
            if (await rules.SaveAsync(db, ct) is { } conflict)
            {
                return conflict;
            }

            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.AgreementReturned, nameof(GrantAgreement),
                AgreementRules.Id(agreement.Id), before, AgreementRules.Snapshot(agreement), trimmed));
            await rules.TellGranteeAsync(db, award, "Returned", trimmed, ct);
            await db.SaveChangesAsync(ct);
            return Result.Done();
        }, ct);
    }
}
