namespace GrantPortal.Core.Calls;

/// <summary>
/// The concept-note deadline of a two-stage call: after the opening, before the full proposals' deadline, and in the
/// call's budget year like its other moments. A call changes its stages only while nobody has applied in the stage it
/// leaves behind.
/// </summary>
public static class TwoStageCheck
{
    public static IEnumerable<FieldError> Validate(CallForm form, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(localizer);
        if (form.ConceptNoteCloses is not { } deadline)
        {
            yield break;
        }

        const string field = nameof(CallForm.ConceptNoteCloses);
        if (deadline.Year != form.Year)
        {
            yield return new FieldError(field, localizer["CallForm_OutsideYear", form.Year]);
        }
        else if (deadline <= form.Opens)
        {
            yield return new FieldError(field, localizer["TwoStage_DeadlineBeforeOpens"]);
        }
        else if (deadline >= form.Closes)
        {
            yield return new FieldError(field, localizer["TwoStage_DeadlineAfterCloses"]);
        }
    }

    /// <summary>
    /// Refuses to make a call two-stage once organizations have full proposals in it (they applied without a concept
    /// note), and to make a two-stage call single-stage once it has concept notes (their organizations would lose the
    /// way to a full proposal). Withdrawn ones hold nothing. Counted under the call's row lock, which every start of a
    /// draft or concept note holds while it checks the call's stages, so none slips in between. Null when allowed.
    /// </summary>
    public static async Task<Result?> RefuseSwitchAsync(PortalDbContext db, Call call, CallForm form, IStringLocalizer localizer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(localizer);
        var toTwoStage = form.ConceptNoteCloses is not null;
        if (call.IsTwoStage == toTwoStage)
        {
            return null;
        }

        await db.LockRowAsync<Call>(call.Id, ct);
        var stage = toTwoStage ? FormStage.Full : FormStage.ConceptNote;
        var held = await db.Applications.Where(a => a.CallId == call.Id && a.Stage == stage && a.Status != ApplicationStatus.Withdrawn).CountAsync(ct);
        if (held == 0)
        {
            return null;
        }

        var message = localizer[toTwoStage ? "TwoStage_SwitchOnRefused" : "TwoStage_SwitchOffRefused", held].Value;
        return Result.Refused(message) with { Errors = [new FieldError(nameof(CallForm.ConceptNoteCloses), message)] };
    }
}
