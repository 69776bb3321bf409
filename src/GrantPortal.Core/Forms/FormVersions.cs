namespace GrantPortal.Core.Forms;

/// <summary>Reading a call's form versions, and moving a draft to the newest one.</summary>
public static class FormVersions
{
    /// <summary>The newest version of the call's full application form, or null while it has none.</summary>
    public static Task<ApplicationFormVersion?> NewestFullAsync(PortalDbContext db, int callId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ApplicationFormVersions.AsNoTracking()
            .Where(v => v.CallId == callId && v.Stage == FormStage.Full)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The call's newest full form, creating version 1 from the default form when the call has none yet (a call made
    /// before forms were configurable, or one whose officer never touched its form). The caller holds the call's lock.
    /// </summary>
    public static async Task<ApplicationFormVersion> NewestFullOrDefaultAsync(PortalDbContext db, int callId, string userId, Instant now, CancellationToken ct)
    {
        if (await NewestFullAsync(db, callId, ct) is { } newest)
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

    /// <summary>The definition an application answers; the default form for one that answers no version.</summary>
    public static async Task<FormDefinition> DefinitionOfAsync(PortalDbContext db, int? formVersionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (formVersionId is not { } id)
        {
            return DefaultForm.Definition;
        }

        return await db.ApplicationFormVersions.AsNoTracking().Where(v => v.Id == id).Select(v => v.Definition).SingleOrDefaultAsync(ct) ?? DefaultForm.Definition;
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
