namespace GrantPortal.Core.Forms;

/// <summary>Reading a call's form versions of either stage, and moving a draft to the newest one.</summary>
public static class FormVersions
{
    /// <summary>The form a stage asks when the call saved none: the default application form, or the default concept note.</summary>
    public static FormDefinition DefaultFor(FormStage stage) => stage == FormStage.ConceptNote ? ConceptNoteForm.Definition : DefaultForm.Definition;

    /// <summary>The newest saved version of the call's form for <paramref name="stage"/>, or null while it has none.</summary>
    public static Task<ApplicationFormVersion?> NewestAsync(PortalDbContext db, int callId, FormStage stage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ApplicationFormVersions.AsNoTracking()
            .Where(v => v.CallId == callId && v.Stage == stage)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>What a new draft of <paramref name="stage"/> answers: the newest saved version, else the stage's default.</summary>
    public static async Task<(int? VersionId, FormDefinition Definition)> CurrentAsync(PortalDbContext db, int callId, FormStage stage, CancellationToken ct)
    {
        var version = await NewestAsync(db, callId, stage, ct);
        return version is null ? (null, DefaultFor(stage)) : (version.Id, version.Definition);
    }

    /// <summary>
    /// The call's newest full form, creating version 1 from the default form when the call has none yet (a call made
    /// before forms were configurable, or one whose officer never touched its form). The caller holds the call's lock.
    /// </summary>
    public static async Task<ApplicationFormVersion> NewestFullOrDefaultAsync(PortalDbContext db, int callId, string userId, Instant now, CancellationToken ct)
    {
        if (await NewestAsync(db, callId, FormStage.Full, ct) is { } newest)
        {
            return newest;
        }

        var first = new ApplicationFormVersion
        {
            CallId = callId,
            Stage = FormStage.Full,
            Number = 1,
            Definition = DefaultForm.Definition,
            SavedAt = now,
            SavedById = userId,
        };
        db.ApplicationFormVersions.Add(first);
        await db.SaveChangesAsync(ct);
        return first;
    }

    /// <summary>The definition a full proposal answers; the default form for one that answers no version.</summary>
    public static Task<FormDefinition> DefinitionOfAsync(PortalDbContext db, int? formVersionId, CancellationToken ct) =>
        DefinitionOfAsync(db, formVersionId, FormStage.Full, ct);

    /// <summary>The definition an application of <paramref name="stage"/> answers; the stage's default for one that answers no version.</summary>
    public static async Task<FormDefinition> DefinitionOfAsync(PortalDbContext db, int? formVersionId, FormStage stage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return formVersionId is { } id
            ? await db.ApplicationFormVersions.AsNoTracking().Where(v => v.Id == id).Select(v => v.Definition).SingleOrDefaultAsync(ct) ?? DefaultFor(stage)
            : DefaultFor(stage);
    }

    /// <summary>
    /// Moves a tracked draft answering an older version of its stage's form to the newest: answers carried over by
    /// question key (<see cref="Carry"/>). The value is the required questions the newer version added, for a notice.
    /// A save elsewhere at the same moment wins (the draft's version is the concurrency check); the draft then moves
    /// on its next opening. The caller has checked that the reader owns the draft.
    /// </summary>
    public static async Task<IReadOnlyList<Question>> MoveDraftToNewestAsync(PortalDbContext db, Application draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Status != ApplicationStatus.Draft
            || await NewestAsync(db, draft.CallId, draft.Stage, ct) is not { } newest || newest.Id == draft.FormVersionId)
        {
            return [];
        }

        var from = await DefinitionOfAsync(db, draft.FormVersionId, draft.Stage, ct);
        var (answers, newRequired) = Carry(from, newest.Definition, draft.Answers);
        draft.Answers = answers;
        draft.FormVersionId = newest.Id;
        try
        {
            await db.SaveChangesAsync(ct);
            return newRequired;
        }
        catch (DbUpdateConcurrencyException)
        {
            return [];
        }
    }

    /// <summary>
    /// A draft's answers on a newer form: carried over by question key, answers to questions the newer form no longer
    /// asks are left behind (drafts only: a submitted application never moves). The value is the required questions
    /// the newer form adds, which the applicant is told about.
    /// </summary>
    public static (Dictionary<string, string> Answers, IReadOnlyList<Question> NewRequired) Carry(
        FormDefinition from, FormDefinition to, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(answers);
        var carried = AnswerRules.Clean(to, answers);
        var newRequired = to.Questions.Where(q => q.Required && from.Find(q.Key) is not { Required: true }).ToList();
        return (carried, newRequired);
    }
}
