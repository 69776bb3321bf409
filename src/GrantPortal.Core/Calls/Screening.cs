namespace GrantPortal.Core.Calls;

/// <summary>
/// The verdict on an organization's screening answers: which questions are unanswered (or answered with something the
/// question does not offer), and which answers make it ineligible. It passes only when both are empty.
/// </summary>
public sealed record ScreeningVerdict(IReadOnlyList<ScreeningQuestion> Unanswered, IReadOnlyList<ScreeningQuestion> Failed)
{
    public bool Passed => Unanswered.Count == 0 && Failed.Count == 0;
}

/// <summary>Decides a call's screening questions against the answers given, before any draft exists.</summary>
public static class Screening
{
    public static ScreeningVerdict Decide(EligibilityRules rules, IReadOnlyDictionary<string, string>? answers)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var unanswered = new List<ScreeningQuestion>();
        var failed = new List<ScreeningQuestion>();
        foreach (var question in rules.Questions)
        {
            if (answers is null || !answers.TryGetValue(question.Key, out var answer) || !EligibilityCheck.Answers(question).Contains(answer))
            {
                unanswered.Add(question);
            }
            else if (question.IneligibleAnswers.Contains(answer))
            {
                failed.Add(question);
            }
        }

        return new ScreeningVerdict(unanswered, failed);
    }
}
