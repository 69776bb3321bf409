namespace GrantPortal.Core.Applications;

/// <summary>What the applicant edits in a concept note: the built-in title and summary, and the form's answers by key.</summary>
public sealed record ConceptNoteDraft
{
    public string ProjectTitle { get; set; } = "";

    public string Summary { get; set; } = "";

    public Dictionary<string, string> Answers { get; init; } = [];
}

/// <summary>One concept note as its organization or a program officer reads it.</summary>
public sealed record ConceptNoteView(
    int Id,
    int CallId,
    string CallCode,
    string CallTitleKorean,
    string CallTitleEnglish,
    Instant ConceptNoteClosesAt,
    Instant ClosesAt,
    OrganizationName Organization,
    ApplicationStatus Status,
    string? ReceiptNumber,
    Instant? SubmittedAt,
    int Version,
    ConceptNoteDraft Draft,
    FormDefinition Form,
    ShortlistDecision? Decision,
    string? DecisionReason,
    bool CanEdit)
{
    public string CallTitle(string language) => language == Languages.English ? CallTitleEnglish : CallTitleKorean;

    /// <summary>The organization's full proposal following this concept note, draft or submitted.</summary>
    public int? FullProposalId { get; init; }

    /// <summary>The invited organization's applicant may write the full proposal now.</summary>
    public bool CanStartFullProposal { get; init; }

    /// <summary>The files answering the concept note's file questions.</summary>
    public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];

    /// <summary>Required questions the concept-note form added since the draft last opened, by label, for a notice.</summary>
    public IReadOnlyList<string> NewRequiredQuestions { get; init; } = [];
}

/// <summary>One submitted concept note on the officer's shortlist.</summary>
public sealed record ShortlistRow(
    int Id,
    string? ReceiptNumber,
    string ProjectTitle,
    OrganizationName Organization,
    Instant? SubmittedAt,
    string? EstimatedRequest,
    ShortlistDecision? Decision,
    string? Reason,
    Instant? DecidedAt);

/// <summary>A two-stage call's shortlist: its submitted concept notes, the first undecided first.</summary>
public sealed record Shortlist(
    int CallId,
    string CallCode,
    string CallTitleKorean,
    string CallTitleEnglish,
    Instant ConceptNoteClosesAt,
    Instant ClosesAt,
    IReadOnlyList<ShortlistRow> Rows)
{
    public string CallTitle(string language) => language == Languages.English ? CallTitleEnglish : CallTitleKorean;
}

/// <summary>One of an organization's concept notes on its dashboard, with the decision once it is made.</summary>
public sealed record OrganizationConceptNoteRow(
    int Id,
    string ProjectTitle,
    string CallTitleKorean,
    string CallTitleEnglish,
    ApplicationStatus Status,
    string? ReceiptNumber,
    ShortlistDecision? Decision,
    string? DecisionReason,
    Instant ClosesAt)
{
    public string CallTitle(string language) => language == Languages.English ? CallTitleEnglish : CallTitleKorean;

    public int? FullProposalId { get; init; }
}
