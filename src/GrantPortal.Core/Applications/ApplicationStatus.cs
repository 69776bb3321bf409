namespace GrantPortal.Core.Applications;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    UnderReview,
    Awarded,
    Rejected,
    Withdrawn,
}

/// <summary>The only ways an application's status may change.</summary>
public static class ApplicationStatusMachine
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Allowed = new()
    {
        [ApplicationStatus.Draft] = [ApplicationStatus.Submitted],
        [ApplicationStatus.Submitted] = [ApplicationStatus.UnderReview, ApplicationStatus.Withdrawn, ApplicationStatus.Rejected],
        [ApplicationStatus.UnderReview] = [ApplicationStatus.Awarded, ApplicationStatus.Rejected],
        [ApplicationStatus.Awarded] = [],
        [ApplicationStatus.Rejected] = [],
        [ApplicationStatus.Withdrawn] = [],
    };

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>
    /// A concept note is only drafted, submitted and perhaps withdrawn: it never enters review, award or rejection.
    /// The shortlist decision is its own field, so no list of the grant cycle mistakes it for a full proposal's fate.
    /// </summary>
    public static bool CanMove(FormStage stage, ApplicationStatus from, ApplicationStatus to) =>
        CanMove(from, to) && (stage == FormStage.Full || to is ApplicationStatus.Submitted or ApplicationStatus.Withdrawn);
}

public sealed class InvalidStatusTransitionException(ApplicationStatus from, ApplicationStatus to)
    : InvalidOperationException($"An application cannot move from {from} to {to}.")
{
    public ApplicationStatus From { get; } = from;

    public ApplicationStatus To { get; } = to;
}
