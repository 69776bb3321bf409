namespace GrantPortal.Core.Applications;

/// <summary>What the person reading a call can do about applying to it, from where they read it.</summary>
public enum ApplyStep
{
    /// <summary>The call does not take applications yet.</summary>
    NotYetOpen,

    /// <summary>The call no longer takes applications.</summary>
    Closed,

    /// <summary>A visitor who is not signed in: signing in (or registering the organization) comes first.</summary>
    SignIn,

    /// <summary>The organization waits for the ministry's verification, and cannot apply until then.</summary>
    OrganizationPending,

    /// <summary>The ministry could not verify the organization; it corrects its details and asks again first.</summary>
    OrganizationRejected,

    /// <summary>The organization may start an application.</summary>
    Apply,

    /// <summary>The organization has a draft for this call: it continues that one rather than starting a second.</summary>
    Continue,
}

/// <summary>Who is reading: ministry staff are offered nothing about applying.</summary>
public enum ApplyReader
{
    Visitor,
    Applicant,
    Staff,
}

/// <summary>
/// One call's apply state for its reader. <see cref="DraftId"/> is the draft to continue; <see cref="SubmittedId"/>
/// the organization's latest submitted application to the call, which it can open whatever the step (an organization
/// may propose more than one project to a call, so a submission does not stop it from applying again).
/// </summary>
public sealed record ApplyState(int CallId, ApplyStep Step, Instant OpensAt, Instant ClosesAt)
{
    public int? DraftId { get; init; }

    public int? SubmittedId { get; init; }

    /// <summary>The call takes one application per organization: a submitted one is the organization's only one.</summary>
    public bool OneApplicationOnly { get; init; }
    /// <summary>Set for a two-stage call: its concept-note deadline and the organization's concept note.</summary>
    public TwoStageApply? TwoStage { get; init; }

    /// <summary>The one rule, shared by every page that shows a call: the call's time first, then who asks.</summary>
    public static ApplyStep Decide(Instant now, Instant opensAt, Instant closesAt, ApplyReader reader, VerificationState? verification, bool hasDraft)
    {
        if (reader == ApplyReader.Staff)
        {
            throw new ArgumentException("Staff are offered nothing about applying; ask only for visitors and applicants.", nameof(reader));
        }

        if (now < opensAt)
        {
            return ApplyStep.NotYetOpen;
        }

        if (now > closesAt)
        {
            return ApplyStep.Closed;
        }

        if (reader == ApplyReader.Visitor)
        {
            return ApplyStep.SignIn;
        }

        return verification switch
        {
            VerificationState.Verified => hasDraft ? ApplyStep.Continue : ApplyStep.Apply,
            VerificationState.Rejected => ApplyStep.OrganizationRejected,
            _ => ApplyStep.OrganizationPending,
        };
    }

    public static ApplyReader ReaderOf(CurrentUser? user) =>
        user is null ? ApplyReader.Visitor
        : user.IsIn(Roles.Applicant) && user.OrganizationId is not null ? ApplyReader.Applicant
        : ApplyReader.Staff;
}
