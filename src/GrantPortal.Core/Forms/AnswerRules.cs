namespace GrantPortal.Core.Forms;

/// <summary>
/// What answers to a form must satisfy at submission, question by question and in the order the form shows them;
/// and how answers are cleaned before they are stored. Only shown questions count: a question hidden by its
/// condition is never required and its answer is not submitted. Messages name the question as the reader sees it.
/// </summary>
public static class AnswerRules
{
    /// <summary>Text answers are kept to this length when a question names no maximum: long enough for any honest answer.</summary>
    public const int TextCeiling = 8000;

    /// <summary>A table or a multiple choice is stored as JSON; beyond this it is not an answer anyone typed.</summary>
    public const int StructuredCeiling = 40000;

    /// <summary>The field name an answer's error carries: <c>Answers[safety_plan]</c>.</summary>
    public static string Field(string key) => $"Answers[{key}]";

    /// <summary>
    /// The answers worth storing for a draft: only keys of the form's questions (files have no answer string), text
    /// trimmed and cut to a sane length, empty answers left out.
    /// </summary>
    public static Dictionary<string, string> Clean(FormDefinition form, IReadOnlyDictionary<string, string>? answers)
    {
        ArgumentNullException.ThrowIfNull(form);
        var cleaned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, raw) in answers ?? new Dictionary<string, string>())
        {
            if (form.Find(key) is not { } question || question.Type == QuestionType.File || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var value = raw.Trim();
            var limit = question.Type switch
            {
                QuestionType.ShortText or QuestionType.LongText => Math.Min(question.MaxLength ?? TextCeiling, TextCeiling),
                QuestionType.MultipleChoice or QuestionType.Table => StructuredCeiling,
                _ => 100,
            };
            cleaned[key] = value.Length > limit ? value[..limit] : value;
        }

        return cleaned;
    }

    /// <summary>The answers a submission keeps: those of shown questions only, so a stale answer to a hidden question is dropped.</summary>
    public static Dictionary<string, string> ForSubmission(FormDefinition form, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        return answers
            .Where(a => form.Find(a.Key) is { } question && form.IsShown(question, answers))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Every problem with the answers, in the form's order. <paramref name="fileCounts"/> says how many files each
    /// file question has (by question key).
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(
        FormDefinition form,
        IReadOnlyDictionary<string, string> answers,
        IReadOnlyDictionary<string, int> fileCounts,
        string language,
        IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(fileCounts);
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new List<FieldError>();
        foreach (var question in form.Questions.Where(q => form.IsShown(q, answers)))
        {
            answers.TryGetValue(question.Key, out var answer);
            var files = fileCounts.TryGetValue(question.Key, out var count) ? count : 0;
            if (Check(question, answer, files, language, localizer) is { } message)
            {
                errors.Add(new FieldError(Field(question.Key), message));
            }
        }

        return errors;
    }

    /// <summary>The one problem with one shown question's answer, or null.</summary>
    public static string? Check(Question question, string? answer, int files, string language, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(localizer);
        var label = question.Label(language);
        string Say(string key, params object[] arguments) => localizer[key, [label, .. arguments]];

        if (question.Type == QuestionType.File)
        {
            return files == 0 && question.Required ? Say("Answers_FileRequired")
                : files > question.MaxFiles ? Say("Answers_TooManyFiles", question.MaxFiles)
                : null;
        }

        var rows = question.Type == QuestionType.Table ? FilledRows(answer) : [];
        var keys = question.Type == QuestionType.MultipleChoice ? AnswerFormat.ReadKeys(answer) : [];
        var empty = string.IsNullOrWhiteSpace(answer)
            || (question.Type == QuestionType.Table && rows.Count == 0)
            || (question.Type == QuestionType.MultipleChoice && keys.Count == 0 && answer.Trim() == "[]");
        if (empty)
        {
            return question.Required ? Say("Answers_Required") : null;
        }

        var text = answer!.Trim();
        return question.Type switch
        {
            QuestionType.ShortText or QuestionType.LongText => CheckLength(question, text.Length, Say),
            QuestionType.WholeNumber => AnswerFormat.ReadNumber(text) is not { } number ? Say("Answers_NotANumber")
                : number < question.Minimum ? Say("Answers_BelowMinimum", Number(number: question.Minimum!.Value, question, language))
                : number > question.Maximum ? Say("Answers_AboveMaximum", Number(number: question.Maximum!.Value, question, language))
                : null,
            QuestionType.Amount => AnswerFormat.ReadNumber(text) is not { } won ? Say("Answers_NotAnAmount")
                : won < 0 || won > Krw.Ceiling.Won ? Say("Answers_AmountOutOfRange", Krw.Ceiling.ForReader())
                : won < question.Minimum ? Say("Answers_BelowMinimum", new Krw(question.Minimum!.Value).ForReader())
                : won > question.Maximum ? Say("Answers_AboveMaximum", new Krw(question.Maximum!.Value).ForReader())
                : null,
            QuestionType.Date => AnswerFormat.ReadDate(text) is null ? Say("Answers_InvalidDate") : null,
            QuestionType.SingleChoice => question.Choices.Any(c => c.Key == text) ? null : Say("Answers_UnknownChoice"),
            QuestionType.YesNo => text is AnswerFormat.Yes or AnswerFormat.No ? null : Say("Answers_UnknownChoice"),
            QuestionType.MultipleChoice => keys.Count > 0 && keys.All(k => question.Choices.Any(c => c.Key == k)) ? null : Say("Answers_UnknownChoice"),
            QuestionType.Table => rows.Count > question.MaxRows ? Say("Answers_TooManyRows", question.MaxRows)
                : rows.Any(r => r.Keys.Any(k => question.Columns.All(c => c.Key != k))) ? Say("Answers_UnknownColumn")
                : null,
            _ => null,
        };
    }

    /// <summary>A table's rows that say something: a row added and left blank is not an entry.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> FilledRows(string? answer) =>
        AnswerFormat.ReadRows(answer).Where(r => r.Values.Any(v => !string.IsNullOrWhiteSpace(v))).ToList();

    private static string? CheckLength(Question question, int length, Func<string, object[], string> say) =>
        length < question.MinLength ? say("Answers_TooShort", [question.MinLength!.Value, length])
        : length > question.MaxLength ? say("Answers_TooLong", [question.MaxLength!.Value, length])
        : null;

    private static string Number(long number, Question question, string language) =>
        string.Join(' ', new[] { number.ToString("N0", CultureInfo.GetCultureInfo(language)), question.Unit(language) }.Where(s => s.Length > 0));
}
