using NodaTime;

namespace GrantPortal.Web.Features.Applications;

/// <summary>
/// The applicant's answer to a request for more information: the reopened fields, filled with what the application
/// says now, and "Resubmit". The answer sends only reopened fields; a refusal keeps everything typed on screen.
/// </summary>
public sealed partial class InformationAnswerForm
{
    private readonly Dictionary<string, string> answers = new(StringComparer.Ordinal);
    private List<BudgetLineDraft> lines = [];
    private IReadOnlyList<FieldError> errors = [];
    private string title = "";
    private string summary = "";
    private DateTime? startDate;
    private DateTime? endDate;
    private int? loadedRequest;

    [Inject]
    private AnswerInformationRequest Answering { get; set; } = default!;

    [Parameter, EditorRequired]
    public int ApplicationId { get; set; }

    [Parameter, EditorRequired]
    public InformationRequestView Request { get; set; } = default!;

    [Parameter, EditorRequired]
    public ApplicationSnapshot Current { get; set; } = default!;

    [Parameter]
    public EventCallback OnResubmitted { get; set; }

    protected override void OnParametersSet()
    {
        // Only another request resets the fields; a re-render keeps what the person typed.
        if (loadedRequest == Request.Id)
        {
            return;
        }

        loadedRequest = Request.Id;
        title = Current.ProjectTitle;
        summary = Current.Summary;
        startDate = ToDate(Current.StartDate);
        endDate = ToDate(Current.EndDate);
        lines = Current.BudgetLines.Select(l => new BudgetLineDraft { Category = l.Category, Item = l.Item, Amount = new Krw(l.Won), Justification = l.Justification, IsOwnContribution = l.IsOwnContribution }).ToList();
        answers.Clear();
        // A file question has no answer string; its files change as they are uploaded or removed.
        foreach (var item in Request.Items.Where(i => !i.IsBuiltIn && i.Question is not { Type: QuestionType.File }))
        {
            answers[item.Key] = Current.Answers.GetValueOrDefault(item.Key, "");
        }
    }

    private static DateTime? ToDate(string? iso) => AnswerFormat.ReadDate(iso)?.ToDateTimeUnspecified();

    private static LocalDate? FromDate(DateTime? date) => date is { } d ? LocalDate.FromDateTime(d) : null;

    private bool HasError(string field) => errors.Any(e => e.Field == field);

    private string? ErrorFor(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    private bool Reopens(string key) => Request.Items.Any(i => i.Key == key);

    private async Task ResubmitAsync()
    {
        if (User is null)
        {
            return;
        }

        var answer = new InformationAnswer
        {
            ProjectTitle = Reopens(ReopenableFields.ProjectTitle) ? title : null,
            Summary = Reopens(ReopenableFields.Summary) ? summary : null,
            StartDate = Reopens(ReopenableFields.ProjectDates) ? FromDate(startDate) : null,
            EndDate = Reopens(ReopenableFields.ProjectDates) ? FromDate(endDate) : null,
            BudgetLines = Reopens(ReopenableFields.BudgetLines) ? lines.Select(l => l with { }).ToList() : null,
            Answers = new Dictionary<string, string>(answers, StringComparer.Ordinal),
        };
        var result = await RunAsync(() => Answering.ResubmitAsync(User, ApplicationId, answer));
        if (result is null)
        {
            return;
        }

        errors = result.Errors;
        if (result.Succeeded)
        {
            await OnResubmitted.InvokeAsync();
        }
    }
}
