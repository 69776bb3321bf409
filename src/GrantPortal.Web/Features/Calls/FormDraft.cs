namespace GrantPortal.Web.Features.Calls;

/// <summary>
/// The application form as the officer edits it in the builder: mutable sections and questions that become an
/// immutable <see cref="FormDefinition"/> to preview and save. Questions are kept in the order the applicant sees.
/// </summary>
public sealed class FormDraft
{
    public List<SectionDraft> Sections { get; } = [];

    public IEnumerable<QuestionDraft> Questions => Sections.SelectMany(s => s.Questions);

    /// <summary>The draft of a definition; <paramref name="isNew"/> says which questions' keys may still change (none by default: they are saved).</summary>
    public static FormDraft From(FormDefinition definition, Func<Question, bool>? isNew = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var draft = new FormDraft();
        foreach (var section in definition.Sections)
        {
            var copy = new SectionDraft { Key = section.Key, TitleKorean = section.TitleKorean, TitleEnglish = section.TitleEnglish, IsNew = false };
            copy.Questions.AddRange(section.Questions.Select(q => QuestionDraft.From(q, isNew?.Invoke(q) ?? false)));
            draft.Sections.Add(copy);
        }

        return draft;
    }

    public FormDefinition ToDefinition() => new()
    {
        Sections = Sections.Select(s => new FormSection
        {
            Key = s.Key.Trim(),
            TitleKorean = s.TitleKorean.Trim(),
            TitleEnglish = s.TitleEnglish.Trim(),
            Questions = s.Questions.Select(q => q.ToQuestion()).ToList(),
        }).ToList(),
    };

    public SectionDraft AddSection()
    {
        var section = new SectionDraft { Key = FreeKey("section", Sections.Select(s => s.Key)) };
        Sections.Add(section);
        return section;
    }

    public QuestionDraft AddQuestion(SectionDraft section, QuestionType type)
    {
        ArgumentNullException.ThrowIfNull(section);
        var question = new QuestionDraft { Key = FreeKey("question", Questions.Select(q => q.Key)), Type = type };
        if (type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            question.AddChoice();
            question.AddChoice();
        }
        else if (type == QuestionType.Table)
        {
            question.AddColumn();
        }

        section.Questions.Add(question);
        return question;
    }

    public bool CanMoveUp(QuestionDraft question) => Questions.FirstOrDefault() != question;

    public bool CanMoveDown(QuestionDraft question) => Questions.LastOrDefault() != question;

    /// <summary>Moves the question one place earlier; at the top of a section, to the end of the section before.</summary>
    public void MoveUp(QuestionDraft question) => Move(question, -1);

    /// <summary>Moves the question one place later; at the end of a section, to the top of the section after.</summary>
    public void MoveDown(QuestionDraft question) => Move(question, +1);

    public void Remove(QuestionDraft question)
    {
        foreach (var section in Sections)
        {
            section.Questions.Remove(question);
        }

        // A condition on a removed question could never be met: the questions it guarded show again.
        foreach (var dependent in Questions.Where(q => q.ConditionKey == question.Key))
        {
            dependent.ConditionKey = null;
            dependent.ConditionAnswers.Clear();
        }
    }

    /// <summary>The questions before <paramref name="question"/> that can decide whether it shows (yes/no and choice, themselves unconditional).</summary>
    public IReadOnlyList<QuestionDraft> ConditionSourcesFor(QuestionDraft question) =>
        Questions.TakeWhile(q => q != question)
            .Where(q => q.Type is QuestionType.YesNo or QuestionType.SingleChoice or QuestionType.MultipleChoice && q.ConditionKey is null)
            .ToList();

    public QuestionDraft? Find(string? key) => key is null ? null : Questions.FirstOrDefault(q => q.Key == key);

    /// <summary>"Sections[1].Questions[0]": the question's field prefix in Core's field errors.</summary>
    public string FieldOf(QuestionDraft question)
    {
        for (var s = 0; s < Sections.Count; s++)
        {
            var index = Sections[s].Questions.IndexOf(question);
            if (index >= 0)
            {
                return $"Sections[{s}].Questions[{index}]";
            }
        }

        return "";
    }

    private void Move(QuestionDraft question, int step)
    {
        var s = Sections.FindIndex(x => x.Questions.Contains(question));
        if (s < 0)
        {
            return;
        }

        var questions = Sections[s].Questions;
        var index = questions.IndexOf(question);
        var target = index + step;
        if (target >= 0 && target < questions.Count)
        {
            (questions[index], questions[target]) = (questions[target], questions[index]);
            return;
        }

        var next = s + step;
        if (next < 0 || next >= Sections.Count)
        {
            return;
        }

        questions.RemoveAt(index);
        if (step < 0)
        {
            Sections[next].Questions.Add(question);
        }
        else
        {
            Sections[next].Questions.Insert(0, question);
        }
    }

    /// <summary>The first of prefix_1, prefix_2, ... that nothing uses yet.</summary>
    internal static string FreeKey(string prefix, IEnumerable<string> used)
    {
        var taken = used.ToHashSet(StringComparer.Ordinal);
        var n = 1;
        while (taken.Contains($"{prefix}_{n}"))
        {
            n++;
        }

        return $"{prefix}_{n}";
    }
}

public sealed class SectionDraft
{
    public string Key { get; set; } = "";

    public string TitleKorean { get; set; } = "";

    public string TitleEnglish { get; set; } = "";

    /// <summary>Not in the saved form yet, so its key may still change.</summary>
    public bool IsNew { get; init; } = true;

    public List<QuestionDraft> Questions { get; } = [];
}

/// <summary>A choice of a choice question, or a column of a table: a key and labels in both languages.</summary>
public sealed class OptionDraft
{
    public string Key { get; set; } = "";

    public string LabelKorean { get; set; } = "";

    public string LabelEnglish { get; set; } = "";
}
