namespace GrantPortal.Core.Applications;

/// <summary>
/// "Apply" on an open call: a verified organization's applicant starts a draft, or returns to the draft the
/// organization already began for that call. A call's screening questions are answered first: an ineligible answer
/// starts nothing, tells the reasons and is counted per question with nothing about who answered. The call's
/// structural rules (one application per organization, awards per year, years since founding) apply too. The value is
/// the draft's id.
/// </summary>
public sealed class StartDraft(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<StartDraft> logger)
{
    /// <summary>Starts (or returns to) a draft in a call that asks no screening questions.</summary>
    public Task<Result<int>> StartDraftAsync(CurrentUser user, int callId, CancellationToken ct = default) =>
        StartDraftAsync(user, callId, screeningAnswers: null, ct);

    /// <param name="screeningAnswers">The answer to each of the call's screening questions, by key ("yes"/"no" or a choice key).</param>
    public async Task<Result<int>> StartDraftAsync(CurrentUser user, int callId, IReadOnlyDictionary<string, string>? screeningAnswers, CancellationToken ct = default)
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

        // Returning to the draft already begun asks nothing again: it was screened when it was started.
        if (await ExistingDraftAsync(db, callId, organizationId, ct) is { } draftId)
        {
            return Result.Done(draftId);
        }

        if (await EligibilityGate.CheckAsync(db, call, organizationId, applicationId: null, revisesId: null, localizer, ct) is { } refused)
        {
            return refused;
        }

        if (await ScreenAsync(db, call, screeningAnswers, now, ct) is { } screenedOut)
        {
            return screenedOut;
        }

        // One draft per organization and call: a second click on "apply", even at the same instant, returns to
        // the draft already begun. The check and the insert run under the call's row lock, so two requests cannot
        // both find nothing and both create; the one-application rule is decided under the same lock.
        var created = false;
        var result = await db.InTransactionAsync(RowLock.On<Call>(callId), async () =>
        {
            created = false;
            if (await ExistingDraftAsync(db, callId, organizationId, ct) is { } existingId)
            {
                return Result.Done(existingId);
            }

            if (await EligibilityGate.CheckAsync(db, call, organizationId, applicationId: null, revisesId: null, localizer, ct) is { } refusedUnderLock)
            {
                return (Result<int>)refusedUnderLock;
            }

            // The officer may have made the call two-stage since it was read; under the lock the answer is final.
            if (await db.Calls.Where(c => c.Id == callId).Select(c => c.ConceptNoteClosesAt).SingleAsync(ct) is not null)
            {
                return Result.Refused(localizer["TwoStage_StartWithConceptNote"]);
            }

            // A new draft answers the call's newest full form (version 1, the default form, if the call has none yet).
            var form = await FormVersions.NewestFullOrDefaultAsync(db, callId, user.UserId, now, ct);
            var application = Application.StartDraft(call, organizationId, user.UserId, now, form.Id);
            db.Applications.Add(application);
            await db.SaveChangesAsync(ct);
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "application.draft-started", nameof(Application),
                application.Id.ToString(CultureInfo.InvariantCulture), after: JsonSerializer.Serialize(new { callId, organizationId })));
            await db.SaveChangesAsync(ct);
            created = true;
            return Result.Done(application.Id);
        }, ct);

        if (created)
        {
            logger.LogInformation("Organization {OrganizationId} started application {ApplicationId} in call {CallId}", organizationId, result.Value, callId);
        }

        return result;
    }

    private static Task<int?> ExistingDraftAsync(PortalDbContext db, int callId, int organizationId, CancellationToken ct) =>
        db.Applications
            .Where(a => a.CallId == callId && a.OrganizationId == organizationId && a.Status == ApplicationStatus.Draft && a.RevisesId == null)
            .OrderBy(a => a.Id)
            .Select(a => (int?)a.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// Null when the call asks nothing or every answer passes. An unanswered question is a field to fill in; an
    /// ineligible answer is refused with its reason (one error per question, named by its key) and counted once per
    /// question, with the call, the key and the moment only.
    /// </summary>
    private async Task<Result?> ScreenAsync(PortalDbContext db, Call call, IReadOnlyDictionary<string, string>? answers, Instant now, CancellationToken ct)
    {
        var verdict = Screening.Decide(call.Eligibility, answers);
        if (verdict.Unanswered.Count > 0)
        {
            return Result.Invalid(verdict.Unanswered.Select(q => new FieldError(q.Key, localizer["Eligibility_AnswerRequired"])).ToList());
        }

        if (verdict.Failed.Count == 0)
        {
            return null;
        }

        foreach (var question in verdict.Failed)
        {
            db.EligibilityScreenOuts.Add(new EligibilityScreenOut { CallId = call.Id, QuestionKey = question.Key, At = now });
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("An organization was screened out of call {CallId} by {Count} question(s)", call.Id, verdict.Failed.Count);
        var language = Languages.Current;
        return new Result(
            Outcome.Refused,
            localizer["Eligibility_ScreenedOut"],
            verdict.Failed.Select(q => new FieldError(q.Key, q.Reason(language))).ToList());
    }
}
