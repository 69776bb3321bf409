namespace GrantPortal.Web.Features.Calls;

public sealed partial class CallEligibilitySection
{
    private const string Prefix = nameof(CallForm.Eligibility) + ".";

    [Parameter, EditorRequired]
    public CallForm Form { get; set; } = default!;

    /// <summary>The editor's message for a field (null when none), so Core's field names mark the inputs here.</summary>
    [Parameter, EditorRequired]
    public Func<string, string?> ErrorOf { get; set; } = _ => null;

    private EligibilityRules Rules => Form.Eligibility;

    private bool Has(string field) => ErrorOf(field) is not null;

    private string AnswerLabel(ScreeningQuestion question, string answer) => question.Type == QuestionType.YesNo
        ? L[answer == AnswerFormat.Yes ? "Common_Yes" : "Common_No"]
        : question.Choices.FirstOrDefault(c => c.Key == answer) is { } choice && choice.Label(Languages.Current) is { Length: > 0 } label ? label : answer;

    private void Set(EligibilityRules rules) => Form.Eligibility = rules;

    private void Update(int index, Func<ScreeningQuestion, ScreeningQuestion> change)
    {
        var questions = Rules.Questions.ToList();
        questions[index] = change(questions[index]);
        Set(Rules with { Questions = questions });
    }

    /// <summary>A new question starts as the common case: a yes/no question that "no" fails, under a key not yet used.</summary>
    private void AddQuestion()
    {
        if (Rules.Questions.Count >= EligibilityRules.MaximumQuestions)
        {
            return;
        }

        var number = Rules.Questions.Count + 1;
        while (Rules.Questions.Any(q => q.Key == Key(number)))
        {
            number++;
        }

        Set(Rules with
        {
            Questions = [.. Rules.Questions, new ScreeningQuestion { Key = Key(number), Type = QuestionType.YesNo, IneligibleAnswers = [AnswerFormat.No] }],
        });

        static string Key(int n) => string.Create(CultureInfo.InvariantCulture, $"q{n}");
    }

    private void RemoveQuestion(int index)
    {
        var questions = Rules.Questions.ToList();
        questions.RemoveAt(index);
        Set(Rules with { Questions = questions });
    }

    private void ChangeKey(int index, string key) => Update(index, q => q with { Key = key });

    /// <summary>The ineligible answers belong to one type's answers: switching starts them again (two empty choices for a choice question).</summary>
    private void ChangeType(int index, QuestionType type) => Update(index, q => q.Type == type ? q : q with
    {
        Type = type,
        Choices = type == QuestionType.SingleChoice ? [new Choice("choice-1", "", ""), new Choice("choice-2", "", "")] : [],
        IneligibleAnswers = type == QuestionType.YesNo ? [AnswerFormat.No] : [],
    });

    private void ToggleIneligible(int index, string answer, bool on) => Update(index, q => q with
    {
        IneligibleAnswers = on ? [.. q.IneligibleAnswers.Where(a => a != answer), answer] : q.IneligibleAnswers.Where(a => a != answer).ToList(),
    });

    private void AddChoice(int index) => Update(index, q =>
    {
        var number = q.Choices.Count + 1;
        while (q.Choices.Any(c => c.Key == ChoiceKey(number)))
        {
            number++;
        }

        return q with { Choices = [.. q.Choices, new Choice(ChoiceKey(number), "", "")] };

        static string ChoiceKey(int n) => string.Create(CultureInfo.InvariantCulture, $"choice-{n}");
    });

    private void UpdateChoice(int index, int choiceIndex, Func<Choice, Choice> change) => Update(index, q =>
    {
        var choices = q.Choices.ToList();
        choices[choiceIndex] = change(choices[choiceIndex]);
        return q with { Choices = choices };
    });

    /// <summary>A renamed choice stays ineligible if it was: the ineligible answers name choices by key.</summary>
    private void ChangeChoiceKey(int index, int choiceIndex, string key) => Update(index, q =>
    {
        var old = q.Choices[choiceIndex].Key;
        var choices = q.Choices.ToList();
        choices[choiceIndex] = choices[choiceIndex] with { Key = key };
        return q with { Choices = choices, IneligibleAnswers = q.IneligibleAnswers.Select(a => a == old ? key : a).ToList() };
    });

    private void RemoveChoice(int index, int choiceIndex) => Update(index, q =>
    {
        var removed = q.Choices[choiceIndex].Key;
        var choices = q.Choices.ToList();
        choices.RemoveAt(choiceIndex);
        return q with { Choices = choices, IneligibleAnswers = q.IneligibleAnswers.Where(a => a != removed).ToList() };
    });
}
