namespace GrantPortal.Core.Applications;

/// <summary>
/// The checks a reopened custom answer must pass before resubmission: required (when shown), text length, number range,
/// a real date, known choices. A question the form no longer has is checked for nothing: its answer stands as written.
/// </summary>
internal static class ReopenedAnswers
{
    public static IEnumerable<FieldError> Check(FormDefinition form, Application application, IEnumerable<string> keys, IStringLocalizer localizer)
    {
        foreach (var key in keys)
        {
            if (form.Find(key) is not { } question || !form.IsShown(question, application.Answers))
            {
                continue;
            }

            var field = $"Answers[{key}]";
            var label = question.Label(Languages.Current);
            var answer = application.Answers.GetValueOrDefault(key, "");
            var empty = question.Type == QuestionType.File
                ? !application.Attachments.Any(f => f.QuestionKey == key)
                : question.Type is QuestionType.MultipleChoice or QuestionType.Table
                    ? AnswerFormat.ReadKeys(answer).Count == 0 && AnswerFormat.ReadRows(answer).Count == 0
                    : string.IsNullOrWhiteSpace(answer);
            if (empty)
            {
                if (question.Required)
                {
                    yield return new FieldError(field, localizer["InformationRequest_AnswerRequired", label]);
                }

                continue;
            }

            if (Problem(question, answer, label, localizer) is { } problem)
            {
                yield return new FieldError(field, problem);
            }
        }
    }

    private static string? Problem(Question question, string answer, string label, IStringLocalizer localizer)
    {
        switch (question.Type)
        {
            case QuestionType.ShortText or QuestionType.LongText:
                var length = answer.Trim().Length;
                return (question.MinLength is { } min && length < min) || (question.MaxLength is { } max && length > max)
                    ? localizer["InformationRequest_AnswerLength", label, question.MinLength ?? 0, question.MaxLength ?? int.MaxValue, length].Value
                    : null;
            case QuestionType.WholeNumber or QuestionType.Amount:
                return AnswerFormat.ReadNumber(answer) is not { } number || (question.Minimum is { } low && number < low) || (question.Maximum is { } high && number > high)
                    ? localizer["InformationRequest_AnswerRange", label, question.Minimum ?? 0, question.Maximum ?? long.MaxValue].Value
                    : null;
            case QuestionType.Date:
                return AnswerFormat.ReadDate(answer) is null ? localizer["InformationRequest_AnswerInvalid", label].Value : null;
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                return AnswerFormat.SelectedKeys(question, answer).All(k => question.Choices.Any(c => c.Key == k)) ? null : localizer["InformationRequest_AnswerInvalid", label].Value;
            case QuestionType.YesNo:
                return answer is AnswerFormat.Yes or AnswerFormat.No ? null : localizer["InformationRequest_AnswerInvalid", label].Value;
            default:
                return null;
        }
    }
}
