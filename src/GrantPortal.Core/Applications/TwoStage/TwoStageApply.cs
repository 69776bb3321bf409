namespace GrantPortal.Core.Applications;

/// <summary>
/// What a two-stage call's apply state adds: the concept-note deadline and the organization's concept note, with the
/// officer's decision once made. The step itself stays an <see cref="ApplyStep"/>; <see cref="Decide"/> says which.
/// </summary>
public sealed record TwoStageApply(Instant ConceptNoteClosesAt)
{
    public int? ConceptNoteId { get; init; }

    public ApplicationStatus? ConceptNoteStatus { get; init; }

    public ShortlistDecision? Decision { get; init; }

    public string? DecisionReason { get; init; }

    /// <summary>
    /// The step of a two-stage call: as for any call (its opening and final deadline, then who asks), except that an
    /// organization without a concept note finds the call closed once the concept-note deadline has passed. With
    /// <see cref="ApplyStep.Apply"/> the concept note decides what applying means: start or continue it, wait for the
    /// decision, write the full proposal, or read why not.
    /// </summary>
    public static ApplyStep Decide(Instant now, Instant opensAt, Instant conceptNoteClosesAt, Instant closesAt, ApplyReader reader,
        VerificationState? verification, bool hasFullDraft, bool hasConceptNote)
    {
        var step = ApplyState.Decide(now, opensAt, closesAt, reader, verification, hasFullDraft);
        var stageOver = now > conceptNoteClosesAt;
        return step switch
        {
            ApplyStep.SignIn when stageOver => ApplyStep.Closed,
            ApplyStep.Apply when stageOver && !hasConceptNote => ApplyStep.Closed,
            _ => step,
        };
    }
}
