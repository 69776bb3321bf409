using System.Text.RegularExpressions;

namespace GrantPortal.Core.Forms;

/// <summary>
/// What makes a form definition one an applicant can answer and the portal can store answers for: stable keys
/// (answers are filed under them for good), both languages everywhere, limits that leave some answer possible, and
/// conditions one level deep on an earlier yes/no or choice question. Field names follow the definition's shape,
/// e.g. <c>Sections[0].Questions[2].Choices[1].Key</c>, so the builder marks the very field.
/// </summary>
public static partial class FormDefinitionRules
{
    public const int MaximumSections = 20;
    public const int MaximumQuestions = 150;
    public const int MaximumChoices = 50;
    public const int MaximumColumns = 10;
    public const int MaximumRows = 100;
    public const int MaximumFiles = 10;
    public const int MaximumShortText = 500;
    public const int MaximumLongText = 20_000;
    public const int MaximumLabel = 300;
    public const int MaximumHelp = 2_000;
    public const int MaximumUnit = 20;

    /// <summary>Whole numbers stay well inside what a person types and a <c>long</c> holds.</summary>
    public const long NumberLimit = 1_000_000_000_000;

    [GeneratedRegex("^[a-z][a-z0-9_]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[a-z0-9_]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex OptionKeyPattern();

    public static bool IsKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    public static bool IsOptionKey(string? key) => key is not null && OptionKeyPattern().IsMatch(key);

    /// <summary>Every problem of the definition, each on its field; empty when an applicant can answer it.</summary>
    public static IReadOnlyList<FieldError> Validate(FormDefinition definition, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new List<FieldError>();
        void Fail(string field, string key, params object[] args) => errors.Add(new FieldError(field, localizer[key, args]));

        if (definition.Sections.Count > MaximumSections)
        {
            Fail(nameof(FormDefinition.Sections), "Forms_TooManySections", MaximumSections);
        }

        if (definition.Questions.Count() > MaximumQuestions)
        {
            Fail(nameof(FormDefinition.Sections), "Forms_TooManyQuestions", MaximumQuestions);
        }

        var sectionKeys = new HashSet<string>(StringComparer.Ordinal);
        var questionKeys = new HashSet<string>(StringComparer.Ordinal);

        // The questions before the one being checked, in form order: a condition may only look back.
        var earlier = new Dictionary<string, Question>(StringComparer.Ordinal);
        for (var s = 0; s < definition.Sections.Count; s++)
        {
            var section = definition.Sections[s];
            var sectionField = $"Sections[{s}]";
            CheckKey(section.Key, sectionKeys, $"{sectionField}.Key", "Forms_SectionKeyTaken");
            CheckBoth(section.TitleKorean, section.TitleEnglish, $"{sectionField}.Title", MaximumLabel);
            if (section.Questions.Count == 0)
            {
                Fail($"{sectionField}.Questions", "Forms_SectionEmpty");
            }

            for (var q = 0; q < section.Questions.Count; q++)
            {
                var question = section.Questions[q];
                var field = $"{sectionField}.Questions[{q}]";
                CheckKey(question.Key, questionKeys, $"{field}.Key", "Forms_KeyTaken");
                CheckBoth(question.LabelKorean, question.LabelEnglish, $"{field}.Label", MaximumLabel);
                CheckLength(question.HelpKorean, $"{field}.HelpKorean", MaximumHelp);
                CheckLength(question.HelpEnglish, $"{field}.HelpEnglish", MaximumHelp);
                CheckLimits(question, field);
                CheckCondition(question, field, earlier);
                if (IsKey(question.Key))
                {
                    earlier.TryAdd(question.Key, question);
                }
            }
        }

        return errors;

        void CheckKey(string key, HashSet<string> taken, string field, string takenMessage)
        {
            if (!IsKey(key))
            {
                Fail(field, "Forms_KeyFormat");
            }
            else if (!taken.Add(key))
            {
                Fail(field, takenMessage, key);
            }
        }

        // "Label" names the pair; the fields are LabelKorean and LabelEnglish (TitleKorean, ...).
        void CheckBoth(string korean, string english, string pair, int maximum)
        {
            if (string.IsNullOrWhiteSpace(korean))
            {
                Fail(pair + "Korean", "Forms_KoreanRequired");
            }

            if (string.IsNullOrWhiteSpace(english))
            {
                Fail(pair + "English", "Forms_EnglishRequired");
            }

            CheckLength(korean, pair + "Korean", maximum);
            CheckLength(english, pair + "English", maximum);
        }

        void CheckLength(string? text, string field, int maximum)
        {
            if (text is not null && text.Length > maximum)
            {
                Fail(field, "Forms_TooLong", maximum);
            }
        }

        void CheckLimits(Question question, string field)
        {
            switch (question.Type)
            {
                case QuestionType.ShortText:
                    CheckCharacters(question, field, MaximumShortText);
                    break;
                case QuestionType.LongText:
                    CheckCharacters(question, field, MaximumLongText);
                    break;
                case QuestionType.WholeNumber:
                    CheckRange(question, field, -NumberLimit, NumberLimit);
                    CheckLength(question.UnitKorean, $"{field}.UnitKorean", MaximumUnit);
                    CheckLength(question.UnitEnglish, $"{field}.UnitEnglish", MaximumUnit);
                    if (string.IsNullOrWhiteSpace(question.UnitKorean) != string.IsNullOrWhiteSpace(question.UnitEnglish))
                    {
                        Fail(string.IsNullOrWhiteSpace(question.UnitKorean) ? $"{field}.UnitKorean" : $"{field}.UnitEnglish", "Forms_UnitBothLanguages");
                    }

                    break;
                case QuestionType.Amount:
                    CheckRange(question, field, 0, Krw.Ceiling.Won);
                    break;
                case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                    CheckOptions(question.Choices.Select(c => (c.Key, c.LabelKorean, c.LabelEnglish)).ToList(), $"{field}.Choices", minimum: 2, MaximumChoices, "Forms_ChoicesTooFew", "Forms_ChoicesTooMany");
                    break;
                case QuestionType.Table:
                    CheckOptions(question.Columns.Select(c => (c.Key, c.LabelKorean, c.LabelEnglish)).ToList(), $"{field}.Columns", minimum: 1, MaximumColumns, "Forms_ColumnsTooFew", "Forms_ColumnsTooMany");
                    if (question.MaxRows is < 1 or > MaximumRows)
                    {
                        Fail($"{field}.MaxRows", "Forms_WholeRange", 1, MaximumRows);
                    }

                    break;
                case QuestionType.File:
                    if (question.MaxFiles is < 1 or > MaximumFiles)
                    {
                        Fail($"{field}.MaxFiles", "Forms_WholeRange", 1, MaximumFiles);
                    }

                    if (question.FileKinds.Any(k => !Enum.IsDefined(k)) || question.FileKinds.Distinct().Count() != question.FileKinds.Count)
                    {
                        Fail($"{field}.FileKinds", "Forms_FileKindUnknown");
                    }

                    break;
                default:
                    break;
            }
        }

        void CheckCharacters(Question question, string field, int maximum)
        {
            if (question.MinLength is < 1 || question.MinLength > maximum)
            {
                Fail($"{field}.MinLength", "Forms_WholeRange", 1, maximum);
            }

            if (question.MaxLength is < 1 || question.MaxLength > maximum)
            {
                Fail($"{field}.MaxLength", "Forms_WholeRange", 1, maximum);
            }
            else if (question.MinLength is { } min && question.MaxLength is { } max && min > max)
            {
                Fail($"{field}.MaxLength", "Forms_MinAboveMax");
            }
        }

        void CheckRange(Question question, string field, long lowest, long highest)
        {
            var range = new object[] { lowest.ToString("N0", CultureInfo.InvariantCulture), highest.ToString("N0", CultureInfo.InvariantCulture) };
            if (question.Minimum < lowest || question.Minimum > highest)
            {
                Fail($"{field}.Minimum", "Forms_NumberRange", range);
            }

            if (question.Maximum < lowest || question.Maximum > highest)
            {
                Fail($"{field}.Maximum", "Forms_NumberRange", range);
            }
            else if (question.Minimum is { } min && question.Maximum is { } max && min > max)
            {
                Fail($"{field}.Maximum", "Forms_MinAboveMax");
            }
        }

        void CheckOptions(List<(string Key, string Korean, string English)> options, string field, int minimum, int maximum, string tooFew, string tooMany)
        {
            if (options.Count < minimum)
            {
                Fail(field, tooFew);
            }
            else if (options.Count > maximum)
            {
                Fail(field, tooMany, maximum);
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < options.Count; i++)
            {
                var (key, korean, english) = options[i];
                if (!IsOptionKey(key))
                {
                    Fail($"{field}[{i}].Key", "Forms_OptionKeyFormat");
                }
                else if (!keys.Add(key))
                {
                    Fail($"{field}[{i}].Key", "Forms_OptionKeyTaken", key);
                }

                CheckBoth(korean, english, $"{field}[{i}].Label", MaximumLabel);
            }
        }

        void CheckCondition(Question question, string field, Dictionary<string, Question> before)
        {
            if (question.ShowWhen is not { } condition)
            {
                return;
            }

            var conditionField = $"{field}.ShowWhen";
            if (!before.TryGetValue(condition.QuestionKey, out var source) || !CanBeCondition(source))
            {
                Fail(conditionField, "Forms_ConditionSource");
                return;
            }

            if (source.ShowWhen is not null)
            {
                Fail(conditionField, "Forms_ConditionChained");
                return;
            }

            if (condition.Answers.Count == 0)
            {
                Fail(conditionField, "Forms_ConditionAnswers");
                return;
            }

            var answers = AnswersOf(source);
            foreach (var unknown in condition.Answers.Where(a => !answers.Contains(a)).Distinct())
            {
                Fail(conditionField, "Forms_ConditionAnswerUnknown", unknown);
            }
        }
    }

    /// <summary>Yes/no and choice questions can decide whether a later question shows.</summary>
    public static bool CanBeCondition(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Type is QuestionType.YesNo or QuestionType.SingleChoice or QuestionType.MultipleChoice;
    }

    /// <summary>The answer keys a condition on <paramref name="question"/> can name.</summary>
    public static IReadOnlyList<string> AnswersOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Type == QuestionType.YesNo ? [AnswerFormat.Yes, AnswerFormat.No] : question.Choices.Select(c => c.Key).ToList();
    }
}
