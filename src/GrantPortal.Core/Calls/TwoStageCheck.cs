namespace GrantPortal.Core.Calls;

/// <summary>
/// The concept-note deadline of a two-stage call: after the opening, before the full proposals' deadline, and in the
/// call's budget year like its other moments.
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
}
