namespace GrantPortal.Web.Features.Calls;

/// <summary>One question as the officer edits it. Only the limits of its current type go into the saved question.</summary>
public sealed class QuestionDraft
{
    public string Key { get; set; } = "";

    public QuestionType Type { get; set; }

    /// <summary>Not in the saved form yet: its key may still change (saved answers are filed under a saved key).</summary>
    public bool IsNew { get; init; } = true;

    public string LabelKorean { get; set; } = "";

    public string LabelEnglish { get; set; } = "";

    public string HelpKorean { get; set; } = "";

    public string HelpEnglish { get; set; } = "";

    public bool Required { get; set; }

    public bool Identifying { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public long? Minimum { get; set; }

    public long? Maximum { get; set; }

    public string UnitKorean { get; set; } = "";

    public string UnitEnglish { get; set; } = "";

    public List<OptionDraft> Choices { get; } = [];

    public HashSet<AttachmentKind> FileKinds { get; } = [];

    public int MaxFiles { get; set; } = 1;

    public List<OptionDraft> Columns { get; } = [];

    public int MaxRows { get; set; } = 20;

    /// <summary>The earlier question that decides whether this one shows; null to always show it.</summary>
    public string? ConditionKey { get; set; }

    public HashSet<string> ConditionAnswers { get; } = new(StringComparer.Ordinal);

    public bool IsText => Type is QuestionType.ShortText or QuestionType.LongText;

    public bool IsNumber => Type is QuestionType.WholeNumber or QuestionType.Amount;

    public bool IsChoice => Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;

    public static QuestionDraft From(Question question, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(question);
        var draft = new QuestionDraft
        {
            Key = question.Key,
            Type = question.Type,
            IsNew = isNew,
            LabelKorean = question.LabelKorean,
            LabelEnglish = question.LabelEnglish,
            HelpKorean = question.HelpKorean,
            HelpEnglish = question.HelpEnglish,
            Required = question.Required,
            Identifying = question.Identifying,
            MinLength = question.MinLength,
            MaxLength = question.MaxLength,
            Minimum = question.Minimum,
            Maximum = question.Maximum,
            UnitKorean = question.UnitKorean,
            UnitEnglish = question.UnitEnglish,
            MaxFiles = question.MaxFiles,
            MaxRows = question.MaxRows,
            ConditionKey = question.ShowWhen?.QuestionKey,
        };
        draft.Choices.AddRange(question.Choices.Select(c => new OptionDraft { Key = c.Key, LabelKorean = c.LabelKorean, LabelEnglish = c.LabelEnglish }));
        draft.Columns.AddRange(question.Columns.Select(c => new OptionDraft { Key = c.Key, LabelKorean = c.LabelKorean, LabelEnglish = c.LabelEnglish }));
        draft.FileKinds.UnionWith(question.FileKinds);
        draft.ConditionAnswers.UnionWith(question.ShowWhen?.Answers ?? []);
        return draft;
    }

    public Question ToQuestion() => new()
    {
        Key = Key.Trim(),
        Type = Type,
        LabelKorean = LabelKorean.Trim(),
        LabelEnglish = LabelEnglish.Trim(),
        HelpKorean = HelpKorean.Trim(),
        HelpEnglish = HelpEnglish.Trim(),
        Required = Required,
        Identifying = Identifying,
        MinLength = IsText ? MinLength : null,
        MaxLength = IsText ? MaxLength : null,
        Minimum = IsNumber ? Minimum : null,
        Maximum = IsNumber ? Maximum : null,
        UnitKorean = Type == QuestionType.WholeNumber ? UnitKorean.Trim() : "",
        UnitEnglish = Type == QuestionType.WholeNumber ? UnitEnglish.Trim() : "",
        Choices = IsChoice ? Choices.Select(c => new Choice(c.Key, c.LabelKorean.Trim(), c.LabelEnglish.Trim())).ToList() : [],
        FileKinds = Type == QuestionType.File ? Enum.GetValues<AttachmentKind>().Where(FileKinds.Contains).ToList() : [],
        MaxFiles = Type == QuestionType.File ? MaxFiles : 1,
        Columns = Type == QuestionType.Table ? Columns.Select(c => new TableColumn(c.Key, c.LabelKorean.Trim(), c.LabelEnglish.Trim())).ToList() : [],
        MaxRows = Type == QuestionType.Table ? MaxRows : 20,
        ShowWhen = ConditionKey is { } key ? new ShowWhen(key, ConditionAnswers.Order(StringComparer.Ordinal).ToList()) : null,
    };

    public OptionDraft AddChoice()
    {
        var choice = new OptionDraft { Key = FormDraft.FreeKey("choice", Choices.Select(c => c.Key)) };
        Choices.Add(choice);
        return choice;
    }

    public OptionDraft AddColumn()
    {
        var column = new OptionDraft { Key = FormDraft.FreeKey("column", Columns.Select(c => c.Key)) };
        Columns.Add(column);
        return column;
    }

    /// <summary>The answers a condition on this question can name, with their words in <paramref name="language"/>.</summary>
    public IReadOnlyList<(string Key, string Label)> ConditionOptions(string language, string yes, string no) =>
        Type == QuestionType.YesNo
            ? [(AnswerFormat.Yes, yes), (AnswerFormat.No, no)]
            : Choices.Select(c => (c.Key, language == Languages.English ? c.LabelEnglish : c.LabelKorean)).ToList();
}
