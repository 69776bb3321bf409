namespace GrantPortal.Core.Awards;

/// <summary>The grantee signs the pledge (서약서): who signs, in what position, and when (the portal's clock).</summary>
public sealed class SignPledge(
    IDbContextFactory<PortalDbContext> dbFactory,
    AgreementRules rules,
    IClock clock,
    IStringLocalizer<Strings> localizer)
{
    public async Task<Result> SignAsync(CurrentUser user, int awardId, string? signerName, string? position, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = signerName?.Trim() ?? "";
        var title = position?.Trim() ?? "";
        var errors = new List<FieldError>();
        if (name.Length == 0)
        {
            errors.Add(new FieldError("SignerName", localizer["Agreement_SignerNameRequired"]));
        }
        else if (name.Length > GrantAgreement.NameLength)
        {
            errors.Add(new FieldError("SignerName", localizer["Agreement_TooLong", localizer["Agreement_SignerName"], GrantAgreement.NameLength]));
        }

        if (title.Length == 0)
        {
            errors.Add(new FieldError("SignerPosition", localizer["Agreement_SignerPositionRequired"]));
        }
        else if (title.Length > GrantAgreement.NameLength)
        {
            errors.Add(new FieldError("SignerPosition", localizer["Agreement_TooLong", localizer["Agreement_SignerPosition"], GrantAgreement.NameLength]));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(RowLock.On<Award>(awardId), async () =>
        {
            var award = await AgreementRules.ReadAsync(db, awardId, ct);
            var agreement = award is null ? null : await db.GrantAgreements.SingleOrDefaultAsync(a => a.AwardId == awardId, ct);
            if (rules.RefuseGranteeStep(user, award, agreement) is { } refusal)
            {
                return refusal;
            }

            agreement ??= await AgreementRules.OpenAsync(db, awardId, ct);
            var now = clock.GetCurrentInstant();
            var before = AgreementRules.Snapshot(agreement);
            agreement.PledgeSignerName = name;
            agreement.PledgeSignerPosition = title;
            agreement.PledgeSignedAt = now;
            agreement.PledgeSignedById = user.UserId;
            if (await rules.SaveAsync(db, ct) is { } conflict)
            {
                return conflict;
            }

            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.AgreementPledgeSigned, nameof(GrantAgreement),
                AgreementRules.Id(agreement.Id), before, AgreementRules.Snapshot(agreement)));
            await db.SaveChangesAsync(ct);
            return Result.Done();
        }, ct);
    }
}
