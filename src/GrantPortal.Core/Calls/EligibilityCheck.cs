namespace GrantPortal.Core.Calls;

/// <summary>
/// What a call's eligibility rules must satisfy before the call is saved: at most ten screening questions, each with a
/// unique key, its text and reason in both languages, and at least one ineligible answer that the question offers
/// (but not every answer: someone must be able to pass); structural limits within sane ranges. Field names follow the
/// form (<c>Eligibility.Questions[0].ReasonEnglish</c>).
/// </summary>
public static class EligibilityCheck
{
    public const int MaximumTextLength = 500;
    public const int MaximumReasonLength = 1000;
    public const int MaximumKeyLength = 64;

    /// <summary>More would be a rule no organization in the field meets; the ministry's own rules stay far below.</summary>
    public const int MaximumYears = 100;

    public const int MaximumAwards = 20;

    public static IReadOnlyList<FieldError> Validate(EligibilityRules rules, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new List<FieldError>();
        void Add(string field, string key, params object[] arguments) => errors.Add(new FieldError(field, localizer[key, arguments]));

        const string prefix = nameof(CallForm.Eligibility) + ".";
        if (rules.Questions.Count > EligibilityRules.MaximumQuestions)
        {
            Add(prefix + nameof(EligibilityRules.Questions), "Eligibility_TooManyQuestions", EligibilityRules.MaximumQuestions);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Questions.Count; i++)
        {
            var question = rules.Questions[i];
            var field = $"{prefix}{nameof(EligibilityRules.Questions)}[{i}].";
            var number = i + 1;
            var key = question.Key.Trim();
            if (!IsKey(key))
            {
                Add(field + nameof(ScreeningQuestion.Key), "Eligibility_KeyFormat", number, MaximumKeyLength);
            }
            else if (!keys.Add(key))
            {
                Add(field + nameof(ScreeningQuestion.Key), "Eligibility_KeyTaken", number, key);
            }

            CheckText(question.TextKorean, field + nameof(ScreeningQuestion.TextKorean), "Eligibility_TextKoreanRequired", number, MaximumTextLength);
            CheckText(question.TextEnglish, field + nameof(ScreeningQuestion.TextEnglish), "Eligibility_TextEnglishRequired", number, MaximumTextLength);
            CheckText(question.ReasonKorean, field + nameof(ScreeningQuestion.ReasonKorean), "Eligibility_ReasonKoreanRequired", number, MaximumReasonLength);
            CheckText(question.ReasonEnglish, field + nameof(ScreeningQuestion.ReasonEnglish), "Eligibility_ReasonEnglishRequired", number, MaximumReasonLength);

            if (question.Type is not (QuestionType.YesNo or QuestionType.SingleChoice))
            {
                Add(field + nameof(ScreeningQuestion.Type), "Eligibility_TypeInvalid", number);
                continue;
            }

            if (question.Type == QuestionType.SingleChoice)
            {
                var choiceKeys = question.Choices.Select(c => c.Key.Trim()).ToList();
                if (question.Choices.Count < 2)
                {
                    Add(field + nameof(ScreeningQuestion.Choices), "Eligibility_ChoicesRequired", number);
                }
                else if (choiceKeys.Any(k => !IsKey(k)) || choiceKeys.Distinct(StringComparer.Ordinal).Count() != choiceKeys.Count
                    || question.Choices.Any(c => string.IsNullOrWhiteSpace(c.LabelKorean) || string.IsNullOrWhiteSpace(c.LabelEnglish)))
                {
                    Add(field + nameof(ScreeningQuestion.Choices), "Eligibility_ChoicesInvalid", number);
                }
            }

            var offered = Answers(question);
            if (question.IneligibleAnswers.Count == 0 || question.IneligibleAnswers.Any(a => !offered.Contains(a)))
            {
                Add(field + nameof(ScreeningQuestion.IneligibleAnswers), "Eligibility_IneligibleAnswerRequired", number);
            }
            else if (offered.All(question.IneligibleAnswers.Contains))
            {
                Add(field + nameof(ScreeningQuestion.IneligibleAnswers), "Eligibility_EveryAnswerIneligible", number);
            }
        }

        if (rules.MaximumAwardsPerYear is < 1 or > MaximumAwards)
        {
            Add(prefix + nameof(EligibilityRules.MaximumAwardsPerYear), "Eligibility_AwardsRange", MaximumAwards);
        }

        if (rules.MinimumYearsSinceFounding is < 1 or > MaximumYears)
        {
            Add(prefix + nameof(EligibilityRules.MinimumYearsSinceFounding), "Eligibility_YearsRange", MaximumYears);
        }

        return errors;

        void CheckText(string text, string field, string key, int number, int maximum)
        {
            if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > maximum)
            {
                Add(field, key, number, maximum);
            }
        }
    }

    /// <summary>The answers a question offers: "yes" and "no", or its choices' keys.</summary>
    public static IReadOnlyList<string> Answers(ScreeningQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Type == QuestionType.YesNo
            ? [AnswerFormat.Yes, AnswerFormat.No]
            : question.Choices.Select(c => c.Key).ToList();
    }

    /// <summary>The rules as saved: texts and keys trimmed, so what applicants read is what the officer meant.</summary>
    public static EligibilityRules Normalized(EligibilityRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules with
        {
            Questions = rules.Questions.Select(q => q with
            {
                Key = q.Key.Trim(),
                TextKorean = q.TextKorean.Trim(),
                TextEnglish = q.TextEnglish.Trim(),
                ReasonKorean = q.ReasonKorean.Trim(),
                ReasonEnglish = q.ReasonEnglish.Trim(),
                Choices = q.Type == QuestionType.SingleChoice
                    ? q.Choices.Select(c => new Choice(c.Key.Trim(), c.LabelKorean.Trim(), c.LabelEnglish.Trim())).ToList()
                    : [],
            }).ToList(),
        };
    }

    /// <summary>Keys are stored with each screen-out and must survive exports: ASCII letters, digits, '-' and '_'.</summary>
    private static bool IsKey(string key) =>
        key.Length is > 0 and <= MaximumKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
