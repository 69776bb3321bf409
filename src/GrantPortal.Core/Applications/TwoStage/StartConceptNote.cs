namespace GrantPortal.Core.Applications;

/// <summary>
/// "Apply" on a two-stage call during its concept-note stage: a verified organization's applicant starts its
/// concept note, or returns to the one it already began. An organization sends one concept note per call. The value
/// is the concept note's id.
/// </summary>
public sealed class StartConceptNote(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<StartConceptNote> logger)
{
    public async Task<Result<int>> StartAsync(CurrentUser user, int callId, CancellationToken ct = default)
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

        if (call.ConceptNoteClosesAt is not { } deadline)
        {
            return Result.Refused(localizer["TwoStage_NotTwoStage"]);
        }

        var verification = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => (VerificationState?)o.Verification).SingleOrDefaultAsync(ct);
        if (verification != VerificationState.Verified)
        {
            return Result.Refused(localizer[verification == VerificationState.Rejected ? "Apply_BlockedRejected" : "Apply_BlockedPending"]);
        }

        var created = false;
        var result = await db.InTransactionAsync<Result<int>>(RowLock.On<Call>(callId), async () =>
        {
            // Under the call's row lock, so two clicks at once find or create the same one.
            created = false;
            var existing = await db.Applications.ConceptNotes()
                .Where(a => a.CallId == callId && a.OrganizationId == organizationId && a.Status != ApplicationStatus.Withdrawn)
                .OrderBy(a => a.Id)
                .Select(a => (int?)a.Id)
                .FirstOrDefaultAsync(ct);
            if (existing is { } existingId)
            {
                return Result.Done(existingId);
            }

            // The officer may have changed the call's stages since it was read; under the lock the answer is final.
            call.ConceptNoteClosesAt = await db.Calls.Where(c => c.Id == callId).Select(c => c.ConceptNoteClosesAt).SingleAsync(ct);
            if (call.ConceptNoteClosesAt is null)
            {
                return Result.Refused(localizer["TwoStage_NotTwoStage"]);
            }

            if (!call.TakesConceptNotesAt(now))
            {
                return Result.Refused(localizer["TwoStage_ConceptStageClosed", Seoul.Format(call.OpensAt), Seoul.Format(call.ConceptNoteClosesAt.Value)]);
            }

            var conceptNote = Application.StartConceptNote(call, organizationId, user.UserId, now);
            conceptNote.FormVersionId = (await FormVersions.CurrentAsync(db, callId, FormStage.ConceptNote, ct)).VersionId;
            db.Applications.Add(conceptNote);
            await db.SaveChangesAsync(ct);
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.ConceptNoteDraftStarted, nameof(Application),
                conceptNote.Id.ToString(CultureInfo.InvariantCulture), after: JsonSerializer.Serialize(new { callId, organizationId })));
            await db.SaveChangesAsync(ct);
            created = true;
            return Result.Done(conceptNote.Id);
        }, ct);

        if (created)
        {
            logger.LogInformation("Organization {OrganizationId} started concept note {ApplicationId} in call {CallId}", organizationId, result.Value, callId);
        }

        return result;
    }
}
