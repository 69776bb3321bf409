namespace GrantPortal.Core.Forms;

/// <summary>A call's current application form as the program officer edits it.</summary>
public sealed record CallApplicationForm(
    int CallId,
    int Year,
    string Code,
    string TitleKorean,
    string TitleEnglish,
    bool IsPublished,
    FormEdition Edition,
    FormDefinition Definition,
    IReadOnlyList<FormVersionUse> Versions)
{
    public int Number => Edition.Number;

    /// <summary>Whether saving replaces this version (an unpublished call nobody has answered) rather than adding the next.</summary>
    public bool SavesInPlace =>
        FormVersioning.Decide(Edition, Edition, IsPublished, Versions.Where(v => v.Number == Number).Sum(v => v.Answered)).Kind == FormSaveKind.InPlace;

    public string Title(string language) => language == Languages.English ? TitleEnglish : TitleKorean;

    /// <summary>The form of this stage: the full proposal's, or a two-stage call's concept-note form.</summary>
    public FormStage Stage { get; init; } = FormStage.Full;

    /// <summary>The call takes concept notes first, so the builder offers both of its forms.</summary>
    public bool IsTwoStage { get; init; }
}

/// <summary>An earlier call whose form an officer can copy.</summary>
public sealed record FormSource(int CallId, int Year, string Code, string TitleKorean, string TitleEnglish, int Number, int Questions)
{
    public string Title(string language) => language == Languages.English ? TitleEnglish : TitleKorean;
}

/// <summary>
/// Reading calls' application forms for the program officer's builder. Program officers only: anyone else is told
/// there is nothing there.
/// </summary>
public sealed class ApplicationFormQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The call's newest full-stage form (the default form as version 1 when none is saved); null when not found.</summary>
    public Task<CallApplicationForm?> GetAsync(CurrentUser user, int callId, CancellationToken ct) => GetAsync(user, callId, FormStage.Full, ct);

    /// <summary>
    /// The call's newest form of <paramref name="stage"/> (the stage's default form as version 1 when none is saved);
    /// null when not found, and for the concept-note form of a call that is not two-stage.
    /// </summary>
    public async Task<CallApplicationForm?> GetAsync(CurrentUser user, int callId, FormStage stage, CancellationToken ct)
    {
        if (!CallPlanning.IsOfficer(user) || !Enum.IsDefined(stage))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId)
            .Select(c => new { c.Id, c.BudgetYear!.Year, c.Code, c.TitleKorean, c.TitleEnglish, c.IsPublished, IsTwoStage = c.ConceptNoteClosesAt != null })
            .SingleOrDefaultAsync(ct);
        if (call is null || (stage == FormStage.ConceptNote && !call.IsTwoStage))
        {
            return null;
        }

        var versions = await CallFormVersions.ListAsync(db, callId, stage, ct);
        var (number, definition) = CallFormVersions.Current(versions, stage);
        var uses = await CallFormVersions.UsesAsync(db, callId, stage, versions, ct);
        return new CallApplicationForm(call.Id, call.Year, call.Code, call.TitleKorean, call.TitleEnglish, call.IsPublished,
            FormEdition.Of(number, definition), definition, uses)
        {
            Stage = stage,
            IsTwoStage = call.IsTwoStage,
        };
    }

    /// <summary>Every other call, newest year first, with its current form's size: where an officer copies a form from.</summary>
    public async Task<IReadOnlyList<FormSource>> ListSourcesAsync(CurrentUser user, int callId, CancellationToken ct)
    {
        if (!CallPlanning.IsOfficer(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = await db.Calls.AsNoTracking().Where(c => c.Id != callId)
            .Select(c => new { c.Id, c.BudgetYear!.Year, c.Code, c.TitleKorean, c.TitleEnglish })
            .ToListAsync(ct);
        var newest = await db.ApplicationFormVersions.AsNoTracking()
            .Where(v => v.CallId != callId && v.Stage == FormStage.Full
                && v.Number == db.ApplicationFormVersions.Where(w => w.CallId == v.CallId && w.Stage == FormStage.Full).Max(w => w.Number))
            .ToDictionaryAsync(v => v.CallId, ct);
        return calls
            .Select(c => newest.TryGetValue(c.Id, out var version)
                ? new FormSource(c.Id, c.Year, c.Code, c.TitleKorean, c.TitleEnglish, version.Number, version.Definition.Questions.Count())
                : new FormSource(c.Id, c.Year, c.Code, c.TitleKorean, c.TitleEnglish, 1, DefaultForm.Definition.Questions.Count()))
            .OrderByDescending(s => s.Year).ThenBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
    }
}
