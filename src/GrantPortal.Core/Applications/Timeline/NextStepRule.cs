namespace GrantPortal.Core.Applications;

/// <summary>What the organization has to do next; each kind has words in both languages (<c>Timeline_Next_{kind}</c>).</summary>
public enum NextStepKind
{
    SubmitApplication,
    AnswerInformationRequest,
    SignAgreement,
    CorrectAgreement,
    SubmitReport,
    ResubmitReport,
    ReturnFunds,
}

/// <summary>
/// The one thing the organization has to do next and by when: a Seoul moment (<see cref="DueAt"/>, the call's deadline)
/// or a Seoul day (<see cref="DueOn"/>, by its end). <see cref="Overdue"/> once that has passed.
/// </summary>
public sealed record NextStep(NextStepKind Kind)
{
    public Instant? DueAt { get; init; }

    public LocalDate? DueOn { get; init; }

    public bool Overdue { get; init; }

    public ReportKind? Report { get; init; }

    public int? ReportId { get; init; }

    public Krw? Amount { get; init; }
}

/// <summary>
/// The next step of an application's grant cycle, in the cycle's order: submit the draft before the call closes;
/// answer an open request for more information; complete the grant agreement (and correct it when it was returned);
/// submit the earliest report still open (the final one carries the settlement sheet), again when it was returned;
/// return what the confirmed settlement asks back. Null when the organization waits on the ministry (a submitted
/// application, an agreement or report under review) or nothing is left to do.
/// </summary>
public static class NextStepRule
{
    public static NextStep? For(TimelineFacts facts, Instant now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var today = Seoul.ToLocal(now).Date;
        if (facts.Status == ApplicationStatus.Draft)
        {
            return now < facts.CallClosesAt ? new NextStep(NextStepKind.SubmitApplication) { DueAt = facts.CallClosesAt } : null;
        }

        if (facts.Status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview)
        {
            return facts.InformationRequests.Where(r => r.AnsweredAt is null).OrderBy(r => r.DueOn).FirstOrDefault() is { } open
                ? new NextStep(NextStepKind.AnswerInformationRequest) { DueOn = open.DueOn, Overdue = today > open.DueOn }
                : null;
        }

        if (facts.Status != ApplicationStatus.Awarded || facts.Award is not { } award || award.Status == AwardStatus.Cancelled)
        {
            return null;
        }

        if (facts.Settlement is { ReturnStatus: ReturnStatus.Owed } settlement)
        {
            return new NextStep(NextStepKind.ReturnFunds) { Amount = settlement.AmountToReturn };
        }

        if (award.Status != AwardStatus.Active)
        {
            return null;
        }

        switch (facts.Agreement?.Status)
        {
            case null or AgreementStatus.Draft:
                return new NextStep(NextStepKind.SignAgreement);
            case AgreementStatus.Returned:
                return new NextStep(NextStepKind.CorrectAgreement);
            case AgreementStatus.Submitted:
                return null;
        }

        return facts.Reports
            .Where(r => r.Status is ReportStatus.Due or ReportStatus.Draft or ReportStatus.Returned)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Kind)
            .FirstOrDefault() is { } report
            ? new NextStep(report.Status == ReportStatus.Returned ? NextStepKind.ResubmitReport : NextStepKind.SubmitReport)
            {
                DueOn = report.DueOn,
                Overdue = today > report.DueOn,
                Report = report.Kind,
                ReportId = report.Id,
            }
            : null;
    }
}
