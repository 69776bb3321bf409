namespace GrantPortal.Web.Features.Applications;

/// <summary>
/// "Apply" lands here: a call without screening questions starts (or reopens) the draft at once, as it always has;
/// a call with questions asks them first, and only answers that pass start a draft.
/// </summary>
public sealed partial class NewApplicationPage
{
    private readonly Dictionary<string, string> answers = [];
    private readonly HashSet<string> unansweredKeys = [];
    private IReadOnlyList<ScreeningQuestion>? questions;
    private IReadOnlyList<string> reasons = [];

    [SupplyParameterFromQuery(Name = "call")]
    private int? CallId { get; set; }

    private string Heading => questions is null ? L["Application_Title"] : L["Eligibility_ScreeningTitle"];

    protected override async Task OnInitializedAsync()
    {
        if (User is null || CallId is not { } callId)
        {
            LastResult = Result.NotFound();
            return;
        }

        // Questions only for an organization that may start a new draft now: returning to a draft asks nothing, and
        // anyone who cannot apply (closed call, unverified organization) hears why from StartDraft, not a quiz first.
        var rules = await Eligibility.GetPublishedAsync(callId);
        if (rules is { Questions.Count: > 0 } && await Applications.ApplyStateAsync(User, callId) is { Step: ApplyStep.Apply })
        {
            questions = rules.Questions;
            return;
        }

        await StartAsync(callId, screeningAnswers: null);
    }

    private void Answer(string key, string value)
    {
        answers[key] = value;
        unansweredKeys.Remove(key);
    }

    private Task ContinueAsync() => CallId is { } callId ? StartAsync(callId, answers) : Task.CompletedTask;

    private async Task StartAsync(int callId, IReadOnlyDictionary<string, string>? screeningAnswers)
    {
        var started = await RunAsync(() => Drafts.StartDraftAsync(User!, callId, screeningAnswers));
        if (started is null)
        {
            return;
        }

        if (started.Succeeded)
        {
            Navigation.NavigateTo($"/applications/{started.Value}", replace: true);
            return;
        }

        // A screened-out organization reads one reason per failing question; an unanswered question is marked.
        var screening = questions is not null;
        reasons = screening && started.Outcome == Outcome.Refused && !EligibilityGate.AsksForFoundingDate(started)
            ? started.Errors.Select(e => e.Message).ToList()
            : [];
        unansweredKeys.Clear();
        if (screening && started.Outcome == Outcome.Invalid)
        {
            unansweredKeys.UnionWith(started.Errors.Select(e => e.Field));
        }
    }

    private string AnswerLabel(ScreeningQuestion question, string answer) => question.Type == QuestionType.YesNo
        ? L[answer == AnswerFormat.Yes ? "Common_Yes" : "Common_No"]
        : question.Choices.FirstOrDefault(c => c.Key == answer)?.Label(Language) ?? answer;
}
