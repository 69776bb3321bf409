namespace GrantPortal.Core.Applications;

/// <summary>
/// "Apply" on an open call: a verified organization's applicant starts a draft, or returns to the draft the
/// organization already began for that call. The value is the draft's id.
/// </summary>
public sealed class StartDraft(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<StartDraft> logger)
{
    public async Task<Result<int>> StartDraftAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is not { } organizationId)
        {
            return Result.Refused(localizer["Application_OnlyApplicants"]);
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId && c.IsPublished, ct);
        if (call is null)
        {
            return Result.NotFound();
        }

        // A two-stage call starts with a concept note (StartConceptNote); its full proposals only by invitation (StartFullProposal).
        if (call.IsTwoStage)
        {
            return Result.Refused(localizer["TwoStage_StartWithConceptNote"]);
        }

        if (!call.IsOpenAt(now))
        {
            return Result.Refused(localizer["Application_CallNotOpen", Seoul.Format(call.OpensAt), Seoul.Format(call.ClosesAt)]);
        }

        // The same rule the call pages show: only a verified organization applies.
        var verification = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => (VerificationState?)o.Verification).SingleOrDefaultAsync(ct);
        var step = ApplyState.Decide(now, call.OpensAt, call.ClosesAt, ApplyReader.Applicant, verification, hasDraft: false);
        if (step == ApplyStep.OrganizationPending)
        {
            return Result.Refused(localizer["Apply_BlockedPending"]);
        }

        if (step == ApplyStep.OrganizationRejected)
        {
            return Result.Refused(localizer["Apply_BlockedRejected"]);
        }

        // One draft per organization and call: a second click on "apply", even at the same instant, returns to
        // the draft already begun. The check and the insert run under the call's row lock, so two requests cannot
        // both find nothing and both create.
        var created = false;
        var applicationId = await db.InTransactionAsync(RowLock.On<Call>(callId), async () =>
        {
            created = false;
            var existing = await db.Applications
                .Where(a => a.CallId == callId && a.OrganizationId == organizationId && a.Status == ApplicationStatus.Draft && a.RevisesId == null)
                .OrderBy(a => a.Id)
                .Select(a => (int?)a.Id)
                .FirstOrDefaultAsync(ct);
            if (existing is { } existingId)
            {
                return existingId;
            }

            var application = Application.StartDraft(call, organizationId, user.UserId, now);
            db.Applications.Add(application);
            await db.SaveChangesAsync(ct);
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "application.draft-started", nameof(Application),
                application.Id.ToString(CultureInfo.InvariantCulture), after: JsonSerializer.Serialize(new { callId, organizationId })));
            await db.SaveChangesAsync(ct);
            created = true;
            return application.Id;
        }, ct);

        if (created)
        {
            logger.LogInformation("Organization {OrganizationId} started application {ApplicationId} in call {CallId}", organizationId, applicationId, callId);
        }

        return Result.Done(applicationId);
    }
}
