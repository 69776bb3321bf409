using GrantPortal.Core.Documents;

namespace GrantPortal.Core.Applications;

/// <summary>
/// A submitted application as a PDF for the organization's own files: what the application page's summary shows (the
/// answers to the form version it answered, the budget lines with their totals, the attachments by name), for whoever
/// may read the application (<see cref="ApplicationQueries.GetAsync"/>); null for a draft or anyone else.
/// </summary>
public sealed class PrintedApplication(ApplicationQueries applications, IStringLocalizer<Strings> localizer)
{
    public async Task<DocumentFile?> PdfAsync(CurrentUser user, int applicationId, CancellationToken ct = default)
    {
        var view = await applications.GetAsync(user, applicationId, ct);
        if (view?.SubmittedAt is null)
        {
            return null;
        }

        return DocumentFile.Write(Content(view, Languages.Current), DocumentFileFormat.Pdf, $"application-{view.ReceiptNumber ?? AwardRules.Id(view.Id)}");
    }

    internal DocumentContent Content(ApplicationView view, string language)
    {
        var l = localizer;
        var form = view.Form;
        var blocks = new List<DocumentBlock>
        {
            new DocumentFields(
            [
                new(l["Applications_Organization"], view.OrganizationName.In(language)),
                new(l["Applications_Call"], $"{view.CallCode} · {view.CallTitle(language)}"),
                new(l["Print_ReceiptNumber"], view.ReceiptNumber ?? ""),
                new(l["Print_SubmittedAt"], view.SubmittedAt is { } at ? Seoul.Format(at) : ""),
                new(l["Applications_Status"], l["ApplicationStatus_" + view.Status]),
                new(l["Application_Period"], $"{Day(form.StartDate)} – {Day(form.EndDate)}"),
                new(l["Application_Category"], l["ApplicationCategory_" + form.Category]),
            ]),
            new DocumentHeading(l["Application_Summary"]),
            Text(form.Summary),
        };

        foreach (var section in view.FormDefinition.Sections)
        {
            var questions = section.Questions.Where(q => view.FormDefinition.IsShown(q, form.Answers)).ToList();
            if (questions.Count == 0)
            {
                continue;
            }

            blocks.Add(new DocumentHeading(section.Title(language)));
            foreach (var question in questions)
            {
                blocks.Add(new DocumentParagraph(question.Label(language), Bold: true));
                blocks.Add(Text(Answer(view, question, language)));
            }
        }

        if (view.Indicators.Count > 0)
        {
            blocks.Add(new DocumentHeading(l["Application_IndicatorTargets"]));
            blocks.Add(new DocumentTable(
                [l["Application_Indicator"], l["Application_IndicatorTarget"]],
                view.Indicators.Select(i => (IReadOnlyList<string>)
                [
                    i.Name(language),
                    form.IndicatorTargets.GetValueOrDefault(i.Id) is { } target ? $"{target.ToString("N0", CultureInfo.GetCultureInfo(language))} {i.Unit(language)}".Trim() : "",
                ]).ToList(),
                Widths: [3, 2],
                RightAligned: new HashSet<int> { 1 }));
        }

        blocks.Add(new DocumentHeading(l["Application_Budget"]));
        var lines = form.BudgetLines.Select(b => (IReadOnlyList<string>)
        [
            l["BudgetCategory_" + b.Category],
            b.IsOwnContribution ? $"{b.Item} ({l["Application_OwnContributionMark"]})" : b.Item,
            b.Amount.ForReader(),
            b.Justification,
        ]).ToList();
        lines.Add([l["Application_RequestedTotal"], "", form.RequestedTotal.ForReader(), ""]);
        lines.Add([l["Application_OwnContributionTotal"], "", form.OwnContributionTotal.ForReader(), ""]);
        lines.Add([l["Application_ProjectTotal"], "", form.ProjectTotal.ForReader(), ""]);
        blocks.Add(new DocumentTable(
            [l["Application_BudgetCategory"], l["Application_BudgetItem"], l["Application_BudgetAmount"], l["Application_BudgetJustification"]],
            lines,
            Widths: [2, 3, 2, 4],
            RightAligned: new HashSet<int> { 2 }));

        blocks.Add(new DocumentHeading(l["Application_Attachments"]));
        blocks.Add(Text(string.Join(Environment.NewLine, view.Attachments.Where(f => f.QuestionKey is null).Select(f => f.DisplayName))));
        var title = string.IsNullOrWhiteSpace(form.ProjectTitle) ? l["Application_Untitled"].Value : form.ProjectTitle;
        return new DocumentContent(title, blocks);
    }

    /// <summary>An answer as a reader sees it; a file question as its files' names.</summary>
    private string Answer(ApplicationView view, Question question, string language) => question.Type == QuestionType.File
        ? string.Join(Environment.NewLine, view.Attachments.Where(f => f.QuestionKey == question.Key).Select(f => f.DisplayName))
        : AnswerFormat.Display(question, view.Form.Answers.GetValueOrDefault(question.Key), language, localizer);

    private DocumentParagraph Text(string text) => new(string.IsNullOrWhiteSpace(text) ? localizer["Print_NoAnswer"] : text);

    private static string Day(LocalDate? day) => day is { } d ? AnswerFormat.WriteDate(d) : "";
}
