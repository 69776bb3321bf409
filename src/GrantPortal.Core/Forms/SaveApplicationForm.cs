namespace GrantPortal.Core.Forms;

/// <summary>What saving a call's form did: the version now in force, and whether it is a new one.</summary>
public sealed record SavedForm(FormEdition Edition, bool AddedVersion, bool IsPublished)
{
    public int Number => Edition.Number;
}

/// <summary>
/// A program officer saves a call's application form, or the concept-note form of a two-stage call. While the call
/// is unpublished and nobody has answered the newest version, that version is replaced; otherwise the form becomes
/// the next version, so every application keeps the exact questions it answered (drafts move to the newest when next
/// opened). A save based on an edition that is no longer the newest is refused as a conflict. The two stages keep their versions apart, under the same
/// rules. Audited with the stage and the form before and after.
/// </summary>
public sealed class SaveApplicationForm(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<SaveApplicationForm> logger)
{
    /// <summary>
    /// Saves <paramref name="definition"/> over the edition the officer loaded (<paramref name="expected"/>).
    /// <paramref name="copiedFrom"/> names the call the officer copied the form from, for the audit trail.
    /// </summary>
    public Task<Result<SavedForm>> SaveAsync(
        CurrentUser user, int callId, FormDefinition definition, FormEdition expected, int? copiedFrom, CancellationToken ct) =>
        SaveAsync(user, callId, FormStage.Full, definition, expected, copiedFrom, ct);

    /// <summary>Saves the form of <paramref name="stage"/>; a concept-note form only on a two-stage call.</summary>
    public async Task<Result<SavedForm>> SaveAsync(
        CurrentUser user, int callId, FormStage stage, FormDefinition definition, FormEdition expected, int? copiedFrom, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(expected);
        if (!CallPlanning.IsOfficer(user) || !Enum.IsDefined(stage))
        {
            return Result.NotFound();
        }

        var errors = FormDefinitionRules.Validate(definition, localizer);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // One save at a time per call, and never between a draft's start and the version it is given.
        return await db.InTransactionAsync(RowLock.On<Call>(callId), () => SaveUnderCallLockAsync(db, user, callId, stage, definition, expected, copiedFrom, ct), ct);
    }

    private async Task<Result<SavedForm>> SaveUnderCallLockAsync(
        PortalDbContext db, CurrentUser user, int callId, FormStage stage, FormDefinition definition, FormEdition expected, int? copiedFrom, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId).Select(c => new { c.IsPublished, c.ConceptNoteClosesAt }).SingleOrDefaultAsync(ct);
        if (call is null)
        {
            return Result.NotFound();
        }

        // Checked under the call's lock: the call editor may have just made the call single-stage.
        if (stage == FormStage.ConceptNote && call.ConceptNoteClosesAt is null)
        {
            return Result.Refused(localizer["Forms_ConceptNoteNotTwoStage"]);
        }

        var versions = await CallFormVersions.ListAsync(db, callId, stage, ct);
        var (number, current) = CallFormVersions.Current(versions, stage);
        var answered = (await CallFormVersions.UsesAsync(db, callId, stage, versions, ct))[^1].Answered;
        var (kind, saved) = FormVersioning.Decide(FormEdition.Of(number, current), expected, call.IsPublished, answered);
        if (kind == FormSaveKind.Stale)
        {
            return Result.Conflict(localizer["Forms_Stale"]);
        }

        if (answered > 0 && RetypedKeys(current, definition) is { Count: > 0 } retyped)
        {
            // Answers move to the next version by key: a key that changed type would carry text into a table.
            return Result.Invalid(retyped.Select(field => new FieldError(field.Field, localizer["Forms_KeyRetyped", field.Key])).ToList());
        }

        var now = clock.GetCurrentInstant();
        var inPlace = kind == FormSaveKind.InPlace;
        if (versions.Count == 0 && !inPlace)
        {
            // The default form was in force without being stored; it becomes version 1 so its answers keep their questions.
            db.ApplicationFormVersions.Add(NewVersion(callId, stage, 1, FormVersions.DefaultFor(stage), now, user));
        }

        if (inPlace && versions.Count > 0)
        {
            versions[^1].Definition = definition;
            versions[^1].SavedAt = now;
            versions[^1].SavedById = user.UserId;
        }
        else
        {
            db.ApplicationFormVersions.Add(NewVersion(callId, stage, saved, definition, now, user));
        }

        var source = copiedFrom is { } sourceId
            ? await db.Calls.AsNoTracking().Where(c => c.Id == sourceId).Select(c => new { c.Id, c.BudgetYear!.Year, c.Code }).SingleOrDefaultAsync(ct)
            : null;
        db.AuditEvents.Add(AuditEvent.Record(
            now,
            user.AsActor(),
            source is null ? AuditActions.FormSaved : AuditActions.FormCopied,
            nameof(Call),
            callId.ToString(CultureInfo.InvariantCulture),
            JsonColumns.Write(new { Stage = stage.ToString(), Number = number, Definition = current }),
            JsonColumns.Write(new { Stage = stage.ToString(), Number = saved, Definition = definition, CopiedFrom = source })));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (call, stage, number) index: another writer added this number first.
            return Result.Conflict(localizer["Forms_Stale"]);
        }

        logger.LogInformation("{Stage} form of call {CallId} saved as version {Number} by {UserId}", stage, callId, saved, user.UserId);
        return Result.Done(new SavedForm(FormEdition.Of(saved, definition), !inPlace, call.IsPublished));
    }

    private static ApplicationFormVersion NewVersion(int callId, FormStage stage, int number, FormDefinition definition, Instant now, CurrentUser user) => new()
    {
        CallId = callId,
        Stage = stage,
        Number = number,
        Definition = definition,
        SavedAt = now,
        SavedById = user.UserId,
    };

    /// <summary>Questions of <paramref name="next"/> that keep a key of <paramref name="current"/> with another type, with their field names.</summary>
    private static List<(string Field, string Key)> RetypedKeys(FormDefinition current, FormDefinition next)
    {
        var retyped = new List<(string Field, string Key)>();
        for (var s = 0; s < next.Sections.Count; s++)
        {
            for (var q = 0; q < next.Sections[s].Questions.Count; q++)
            {
                var question = next.Sections[s].Questions[q];
                if (current.Find(question.Key) is { } before && before.Type != question.Type)
                {
                    retyped.Add(($"Sections[{s}].Questions[{q}].Type", question.Key));
                }
            }
        }

        return retyped;
    }
}
