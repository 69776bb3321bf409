using GrantPortal.Core.Documents;

namespace GrantPortal.Core.Reporting;

/// <summary>
/// A submitted project report as a PDF for the organization's own files: the narrative, indicators, spending against
/// the approved budget (and for a final report the interest earned) and the receipts by name, for whoever may read
/// the report (<see cref="ReportQueries.GetAsync"/>); null for one never submitted or anyone else.
/// </summary>
public sealed class PrintedReport(ReportQueries reports, IStringLocalizer<Strings> localizer)
{
    /// <summary>
    /// A report prints as submitted: one submitted or approved. A returned one is being edited again, and its edits
    /// must not print under the earlier submission's date.
    /// </summary>
    public static bool IsPrintable(ReportStatus status) => status is ReportStatus.Submitted or ReportStatus.Approved;

    public async Task<DocumentFile?> PdfAsync(CurrentUser user, int reportId, CancellationToken ct = default)
    {
        var view = await reports.GetAsync(user, reportId, ct);
        if (view is null || !IsPrintable(view.Status))
        {
            return null;
        }

        return DocumentFile.Write(Content(view, Languages.Current), DocumentFileFormat.Pdf, $"report-{view.Id.ToString(CultureInfo.InvariantCulture)}-{view.Kind.ToString().ToLowerInvariant()}");
    }

    internal DocumentContent Content(ReportView view, string language)
    {
        var l = localizer;
        var culture = CultureInfo.GetCultureInfo(language);
        var form = view.Form;
        var blocks = new List<DocumentBlock>
        {
            new DocumentFields(
            [
                new(l["Applications_Organization"], view.OrganizationName.In(language)),
                new(l["Applications_Call"], $"{view.CallCode} ({view.Year.ToString(CultureInfo.InvariantCulture)})"),
                new(l["Reports_DueOn"], AnswerFormat.WriteDate(view.DueOn)),
                new(l["Print_SubmittedAt"], view.SubmittedAt is { } at ? Seoul.Format(at) : ""),
                new(l["Applications_Status"], l["Reports_Status_" + view.Status]),
            ]),
            new DocumentHeading(l["Reports_Activities"]),
            Text(form.ActivitiesCarriedOut),
            new DocumentHeading(l["Reports_Outcomes"]),
            Text(form.Outcomes),
            new DocumentHeading(l["Reports_EventsAndPublications"]),
            Text(form.EventsAndPublications),
            new DocumentHeading(l["Reports_Lessons"]),
            Text(form.Lessons),
        };

        if (form.Indicators.Count > 0)
        {
            blocks.Add(new DocumentHeading(l["Reports_Indicators"]));
            blocks.Add(new DocumentTable(
                [l["Application_Indicator"], l["Application_IndicatorTarget"], l["Reports_Actual"]],
                form.Indicators.Select(i => (IReadOnlyList<string>)
                [
                    i.Indicator.Name(language),
                    i.Target is { } target ? target.ToString("N0", culture) : "",
                    $"{i.Actual.ToString("N0", culture)} {i.Indicator.Unit(language)}".Trim(),
                ]).ToList(),
                Widths: [3, 2, 2],
                RightAligned: new HashSet<int> { 1, 2 }));
        }

        blocks.Add(new DocumentHeading(l["Reports_Spending"]));
        var lines = form.SpendingLines.Select(s => (IReadOnlyList<string>)
            [s.Item, s.Budgeted.ForReader(), s.Spent.ForReader(), s.VarianceExplanation ?? ""]).ToList();
        lines.Add([l["Reports_TotalSpent"], view.TotalBudgeted.ForReader(), view.TotalSpent.ForReader(), ""]);
        blocks.Add(new DocumentTable(
            [l["Reports_Item"], l["Reports_Budgeted"], l["Reports_Spent"], l["Reports_VarianceExplanation"]],
            lines,
            Widths: [3, 2, 2, 3],
            RightAligned: new HashSet<int> { 1, 2 }));
        if (view.HasSettlementSheet)
        {
            blocks.Add(new DocumentFields([new(l["Print_Interest"], form.InterestEarned.ForReader())]));
        }

        blocks.Add(new DocumentHeading(l["Reports_Receipts"]));
        blocks.Add(Text(string.Join(Environment.NewLine, view.Receipts.Select(r => r.DisplayName))));
        return new DocumentContent($"{l["Reports_Kind_" + view.Kind]}: {view.ProjectTitle}", blocks);
    }

    private DocumentParagraph Text(string text) => new(string.IsNullOrWhiteSpace(text) ? localizer["Print_NoAnswer"] : text);
}
