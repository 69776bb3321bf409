namespace GrantPortal.Core.Awards;

/// <summary>
/// The grantee sends the completed checklist to the officer. Submitting is a step of its own (not automatic when the
/// last box is ticked) so the grantee can look over what the officer will read; a checklist with a step missing is
/// refused, naming the step.
/// </summary>
public sealed class SubmitAgreement(
    IDbContextFactory<PortalDbContext> dbFactory,
    AgreementRules rules,
    IClock clock,
    IStringLocalizer<Strings> localizer)
{
    public async Task<Result> SubmitAsync(CurrentUser user, int awardId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(RowLock.On<Award>(awardId), async () =>
        {
            var award = await AgreementRules.ReadAsync(db, awardId, ct);
            var agreement = award is null ? null : await db.GrantAgreements.SingleOrDefaultAsync(a => a.AwardId == awardId, ct);
            if (rules.RefuseGranteeStep(user, award, agreement) is { } refusal)
            {
                return refusal;
            }

            var checklist = await AgreementRules.ChecklistAsync(db, agreement, awardId, ct);
            if (Missing(checklist) is { } missing)
            {
                return Result.Refused(localizer["Agreement_Incomplete", localizer["Agreement_Step" + missing]]);
            }

            var now = clock.GetCurrentInstant();
            var before = AgreementRules.Snapshot(agreement!);
            agreement!.Status = AgreementStatus.Submitted;
            agreement.SubmittedAt = now;
            agreement.SubmittedById = user.UserId;
            if (await rules.SaveAsync(db, ct) is { } conflict)
            {
                return conflict;
            }

            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.AgreementSubmitted, nameof(GrantAgreement),
                AgreementRules.Id(agreement.Id), before, AgreementRules.Snapshot(agreement)));
            await rules.TellOfficerAsync(db, award!, "Submitted", now, ct);
            await db.SaveChangesAsync(ct);
            return Result.Done();
        }, ct);
    }

    /// <summary>The first step not done, in checklist order, or null when all are.</summary>
    public static string? Missing(AgreementChecklist checklist)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        return !checklist.ConditionsAccepted ? "Conditions"
            : !checklist.AccountRegistered ? "Account"
            : !checklist.BankBookUploaded ? "BankBook"
            : !checklist.PledgeSigned ? "Pledge"
            : null;
    }
}
