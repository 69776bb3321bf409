namespace GrantPortal.Core.Forms;

/// <summary>The kinds of question a call's application form can ask.</summary>
public enum QuestionType
{
    ShortText,
    LongText,
    WholeNumber,
    Amount,
    Date,
    SingleChoice,
    MultipleChoice,
    YesNo,
    File,
    Table,
}

/// <summary>Which form of a call: the full proposal, or the short concept note of a two-stage call.</summary>
public enum FormStage
{
    Full,
    ConceptNote,
}

/// <summary>
/// What a call's application form asks beyond the built-in fields (title, summary, dates, category, budget,
/// declaration): sections of questions, each with a stable key that answers are stored under. A definition is a
/// value: a saved version never changes, so an application always knows exactly what it answered.
/// </summary>
public sealed record FormDefinition
{
    public static FormDefinition Empty { get; } = new();

    public IReadOnlyList<FormSection> Sections { get; init; } = [];

    /// <summary>Every question in the order the form shows them.</summary>
    public IEnumerable<Question> Questions => Sections.SelectMany(s => s.Questions);

    public Question? Find(string key) => Questions.FirstOrDefault(q => q.Key == key);

    /// <summary>
    /// Whether the question is shown, given the answers so far. A question shows only when its condition's question
    /// has one of the named answers (one level: conditions are not chained). A hidden question is never required and
    /// its answer is not submitted.
    /// </summary>
    public bool IsShown(Question question, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answers);
        if (question.ShowWhen is not { } condition)
        {
            return true;
        }

        if (!answers.TryGetValue(condition.QuestionKey, out var answer) || Find(condition.QuestionKey) is not { } source)
        {
            return false;
        }

        return AnswerFormat.SelectedKeys(source, answer).Any(condition.Answers.Contains);
    }
}

public sealed record FormSection
{
    public string Key { get; init; } = "";

    public string TitleKorean { get; init; } = "";

    public string TitleEnglish { get; init; } = "";

    public IReadOnlyList<Question> Questions { get; init; } = [];

    public string Title(string language) => language == Languages.English ? TitleEnglish : TitleKorean;
}

/// <summary>One question of a form. Which of the limits apply depends on <see cref="Type"/>.</summary>
public sealed record Question
{
    /// <summary>Stable across versions: answers are stored, carried over and exported under it.</summary>
    public string Key { get; init; } = "";

    public QuestionType Type { get; init; }

    public string LabelKorean { get; init; } = "";

    public string LabelEnglish { get; init; } = "";

    public string HelpKorean { get; init; } = "";

    public string HelpEnglish { get; init; } = "";

    public bool Required { get; init; }

    /// <summary>Would tell a reviewer who applied; hidden in blind review.</summary>
    public bool Identifying { get; init; }

    /// <summary>Long and short text: character limits.</summary>
    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Whole number and amount: the allowed range.</summary>
    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    /// <summary>Whole number: the unit shown beside it (명, 회, people, events).</summary>
    public string UnitKorean { get; init; } = "";

    public string UnitEnglish { get; init; } = "";

    /// <summary>Single and multiple choice.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>File: the accepted kinds (a subset of the portal's allowed list; empty means all of it) and how many files.</summary>
    public IReadOnlyList<AttachmentKind> FileKinds { get; init; } = [];

    public int MaxFiles { get; init; } = 1;

    /// <summary>Table: the columns the officer defined, and at most how many rows.</summary>
    public IReadOnlyList<TableColumn> Columns { get; init; } = [];

    public int MaxRows { get; init; } = 20;

    public ShowWhen? ShowWhen { get; init; }

    public string Label(string language) => language == Languages.English ? LabelEnglish : LabelKorean;

    public string Help(string language) => language == Languages.English ? HelpEnglish : HelpKorean;

    public string Unit(string language) => language == Languages.English ? UnitEnglish : UnitKorean;
}

public sealed record Choice(string Key, string LabelKorean, string LabelEnglish)
{
    public string Label(string language) => language == Languages.English ? LabelEnglish : LabelKorean;
}

public sealed record TableColumn(string Key, string LabelKorean, string LabelEnglish)
{
    public string Label(string language) => language == Languages.English ? LabelEnglish : LabelKorean;
}

/// <summary>Show a question only when the question <see cref="QuestionKey"/> has one of <see cref="Answers"/> (choice keys, or "yes"/"no").</summary>
public sealed record ShowWhen(string QuestionKey, IReadOnlyList<string> Answers);
