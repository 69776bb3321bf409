namespace GrantPortal.Core.Applications;

/// <summary>The rules of a two-stage call that its use cases share: receipt numbers, the concept note's checks, invitations.</summary>
public static class TwoStageRules
{
    /// <summary>
    /// Concept notes number apart from full proposals, with a C before the sequence (2026-CULT-C0001), so the two
    /// series never collide and a receipt says which stage it is.
    /// </summary>
    public static string ReceiptPrefix(int year, string callCode) => string.Create(CultureInfo.InvariantCulture, $"{year}-{callCode}-C");

    /// <summary>The receipt after <paramref name="last"/> (the highest of the prefix so far, or null for the first).</summary>
    public static string NextReceipt(string prefix, string? last)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var sequence = last is not null && last.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(last.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{sequence:0000}");
    }

    /// <summary>
    /// Why the organization may not (yet, or any more) start the full proposal of this concept note; null when it may:
    /// the concept note was submitted and invited, and the call still takes full proposals.
    /// </summary>
    public static string? WhyNoFullProposal(FormStage stage, ApplicationStatus status, ShortlistDecision? decision, Call call, Instant now)
    {
        ArgumentNullException.ThrowIfNull(call);
        return stage != FormStage.ConceptNote || status != ApplicationStatus.Submitted ? "TwoStage_NotAConceptNote"
            : decision is null ? "TwoStage_NotDecidedYet"
            : decision != ShortlistDecision.Invited ? "TwoStage_NotInvited"
            : !call.IsOpenAt(now) ? "TwoStage_FullProposalClosed"
            : null;
    }

    /// <summary>
    /// The question keys whose concept-note answers prefill the full proposal: those the full form asks too, as the
    /// same type of question (a number typed for the concept note is no answer to a choice of the full form).
    /// </summary>
    public static IReadOnlySet<string> PrefilledKeys(FormDefinition conceptNoteForm, FormDefinition fullForm)
    {
        ArgumentNullException.ThrowIfNull(conceptNoteForm);
        ArgumentNullException.ThrowIfNull(fullForm);
        return fullForm.Questions
            .Where(q => q.Type != QuestionType.File && conceptNoteForm.Find(q.Key) is { } asked && asked.Type == q.Type)
            .Select(q => q.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// What a concept note must say before it is submitted, in the order the page shows it: the built-in title and
    /// summary, then every shown question of the version it answers, checked as an application's answers are
    /// (<paramref name="fileCounts"/>: files per file question).
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(
        ConceptNoteDraft draft, FormDefinition form, IReadOnlyDictionary<string, int> fileCounts, bool organizationVerified, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.ProjectTitle))
        {
            errors.Add(new FieldError(nameof(draft.ProjectTitle), localizer["Application_TitleRequired"]));
        }

        if (string.IsNullOrWhiteSpace(draft.Summary))
        {
            errors.Add(new FieldError(nameof(draft.Summary), localizer["Application_SummaryRequired"]));
        }

        errors.AddRange(AnswerRules.Validate(form, draft.Answers, fileCounts, Languages.Current, localizer));
        if (!organizationVerified)
        {
            errors.Add(new FieldError("Organization", localizer["Application_OrganizationNotVerified"]));
        }

        return errors;
    }
}
