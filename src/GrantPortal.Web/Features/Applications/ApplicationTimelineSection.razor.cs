using NodaTime;

namespace GrantPortal.Web.Features.Applications;

public sealed partial class ApplicationTimelineSection
{
    private ApplicationTimeline? timeline;

    [Parameter, EditorRequired]
    public int ApplicationId { get; set; }

    protected override async Task OnParametersSetAsync() =>
        timeline = User is null ? null : await Timelines.GetAsync(User, ApplicationId);

    /// <summary>A stored moment as the portal shows moments (Seoul time); a bare day as the portal shows days.</summary>
    private static string When(TimelineEvent entry) => entry.At is { } at ? Seoul.Format(at) : AnswerFormat.WriteDate(entry.On);

    private string What(TimelineEvent entry) => entry.Kind switch
    {
        TimelineEventKind.InformationRequested => L["Timeline_Event_InformationRequested", Day(entry.DueOn)],
        TimelineEventKind.Awarded => L["Timeline_Event_Awarded", Amount(entry.Amount)],
        TimelineEventKind.TranchePaid or TimelineEventKind.TranchePlanned => L["Timeline_Event_" + entry.Kind, entry.Sequence ?? 0, Amount(entry.Amount)],
        TimelineEventKind.ReportDue or TimelineEventKind.ReportSubmitted when entry.Report == ReportKind.Final => L[$"Timeline_Event_{entry.Kind}Final"],
        TimelineEventKind.ReportDue or TimelineEventKind.ReportSubmitted or TimelineEventKind.ReportReturned or TimelineEventKind.ReportApproved =>
            L["Timeline_Event_" + entry.Kind, ReportName(entry.Report)],
        TimelineEventKind.SettlementConfirmed when entry.Amount is { IsZero: false } owed => L["Timeline_Event_SettlementConfirmedOwed", owed.ForReader()],
        _ => L["Timeline_Event_" + entry.Kind],
    };

    private string NextText(NextStep next) => next.Kind switch
    {
        NextStepKind.SubmitApplication => L["Timeline_Next_SubmitApplication", next.DueAt is { } at ? Seoul.Format(at) : ""],
        NextStepKind.AnswerInformationRequest => L["Timeline_Next_AnswerInformationRequest", Day(next.DueOn)],
        NextStepKind.SubmitReport when next.Report == ReportKind.Final => L["Timeline_Next_SubmitReportFinal", Day(next.DueOn)],
        NextStepKind.SubmitReport or NextStepKind.ResubmitReport => L["Timeline_Next_" + next.Kind, ReportName(next.Report), Day(next.DueOn)],
        NextStepKind.ReturnFunds => L["Timeline_Next_ReturnFunds", Amount(next.Amount)],
        _ => L["Timeline_Next_" + next.Kind],
    };

    private string ReportName(ReportKind? kind) => kind is { } k ? L["Awards_Report" + k] : "";

    private static string Day(LocalDate? day) => day is { } d ? AnswerFormat.WriteDate(d) : "";

    private static string Amount(Krw? amount) => amount?.ForReader() ?? "";
}
