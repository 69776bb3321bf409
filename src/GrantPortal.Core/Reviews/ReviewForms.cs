namespace GrantPortal.Core.Reviews;

/// <summary>One rubric criterion as the reviewer scores it.</summary>
public sealed record CriterionScoreForm
{
    public int CriterionId { get; init; }

    public string NameKorean { get; init; } = "";

    public string NameEnglish { get; init; } = "";

    public decimal Weight { get; init; } = 1m;

    public int ScaleMinimum { get; init; } = 1;

    public int ScaleMaximum { get; init; } = 5;

    public decimal? Score { get; set; }

    public string Comment { get; set; } = "";

    public string Name(string language) => language == "en" ? NameEnglish : NameKorean;

    /// <summary>The criterion as the call's rubric in the database has it, with a score and comment.</summary>
    public static CriterionScoreForm For(RubricCriterion criterion, decimal? score, string comment)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return new CriterionScoreForm
        {
            CriterionId = criterion.Id,
            NameKorean = criterion.NameKorean,
            NameEnglish = criterion.NameEnglish,
            Weight = criterion.Weight,
            ScaleMinimum = criterion.ScaleMinimum,
            ScaleMaximum = criterion.ScaleMaximum,
            Score = score,
            Comment = comment,
        };
    }
}

/// <summary>The scoring form: a score and comment per criterion, an overall comment and a recommendation.</summary>
public sealed record ScoreForm
{
    public const int CommentMaximum = 4000;
    public const int OverallCommentMaximum = 8000;

    public List<CriterionScoreForm> Criteria { get; init; } = [];

    public string OverallComment { get; set; } = "";

    public ReviewRecommendation? Recommendation { get; set; }

    /// <summary>
    /// A draft may be incomplete but never out of scale; a submission needs every score, every comment, the
    /// overall comment and a recommendation.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(IStringLocalizer<Strings> localizer, bool forSubmission)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new List<FieldError>();
        for (var i = 0; i < Criteria.Count; i++)
        {
            var c = Criteria[i];
            if (c.Score is { } score && (score < c.ScaleMinimum || score > c.ScaleMaximum || decimal.Truncate(score) != score))
            {
                errors.Add(new FieldError(ScoreField(i), localizer["Reviews_ScoreOutOfScale", c.ScaleMinimum, c.ScaleMaximum]));
            }
            else if (forSubmission && c.Score is null)
            {
                errors.Add(new FieldError(ScoreField(i), localizer["Reviews_ScoreRequired"]));
            }

            if (c.Comment.Length > CommentMaximum)
            {
                errors.Add(new FieldError(CommentField(i), localizer["Reviews_CommentTooLong", CommentMaximum]));
            }
            else if (forSubmission && string.IsNullOrWhiteSpace(c.Comment))
            {
                errors.Add(new FieldError(CommentField(i), localizer["Reviews_CommentRequired"]));
            }
        }

        if (OverallComment.Length > OverallCommentMaximum)
        {
            errors.Add(new FieldError(nameof(OverallComment), localizer["Reviews_CommentTooLong", OverallCommentMaximum]));
        }
        else if (forSubmission && string.IsNullOrWhiteSpace(OverallComment))
        {
            errors.Add(new FieldError(nameof(OverallComment), localizer["Reviews_OverallCommentRequired"]));
        }

        if (forSubmission && Recommendation is null)
        {
            errors.Add(new FieldError(nameof(Recommendation), localizer["Reviews_RecommendationRequired"]));
        }

        return errors;
    }

    public static string ScoreField(int index) => $"Criteria[{index}].Score";

    public static string CommentField(int index) => $"Criteria[{index}].Comment";
}

public enum ReviewTaskStatus
{
    /// <summary>The reviewer must first declare whether they have a conflict.</summary>
    DeclarationNeeded,
    NotStarted,
    Draft,
    Submitted,
}

/// <summary>One line of a reviewer's worklist. The organization is null in a blind call.</summary>
public sealed record ReviewTask(
    int AssignmentId,
    string CallCode,
    string CallTitleKorean,
    string CallTitleEnglish,
    string ProjectTitle,
    OrganizationName? OrganizationName,
    LocalDate DueOn,
    ReviewTaskStatus Status)
{
    public string CallTitle(string language) => language == "en" ? CallTitleEnglish : CallTitleKorean;
}

/// <summary>One line of the budget the reviewer scores for value for money.</summary>
public sealed record ReviewBudgetLine(BudgetCategory Category, string Item, Krw Amount, string Justification, bool IsOwnContribution = false);

/// <summary>
/// A file of the application as its reviewer sees it. In a blind call <see cref="Name"/> is "Attachment 1 (PDF)",
/// not the name the applicant gave, which often carries the organization's.
/// </summary>
public sealed record ReviewAttachment(int Id, string Name, AttachmentKind Kind, long SizeBytes);

/// <summary>
/// An assignment opened by its reviewer. Before the reviewer declares no conflict only the title (and, unless the
/// call is blind, the organization) is shown, so they can tell whether they are conflicted. Afterwards everything
/// the applicant submitted opens: texts, period, budget lines and attachments; the organization stays hidden in a
/// blind call.
/// </summary>
public sealed record ScoringView(
    int AssignmentId,
    int ApplicationId,
    string CallTitleKorean,
    string CallTitleEnglish,
    bool BlindReview,
    OrganizationName? OrganizationName,
    string ProjectTitle,
    string Summary,
    ProjectCategories Category,
    Krw RequestedTotal,
    LocalDate DueOn,
    ReviewTaskStatus Status,
    int Version,
    Instant? SubmittedAt,
    ScoreForm Form)
{
    public LocalDate? StartDate { get; init; }

    public LocalDate? EndDate { get; init; }

    public IReadOnlyList<ReviewBudgetLine> BudgetLines { get; init; } = [];

    public IReadOnlyList<ReviewAttachment> Attachments { get; init; } = [];

    /// <summary>The questions the application answered (in blind review without those marked identifying) and its answers to them.</summary>
    public FormDefinition Questions { get; init; } = FormDefinition.Empty;

    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();

    public bool NeedsDeclaration => Status == ReviewTaskStatus.DeclarationNeeded;

    public bool CanEdit => Status is ReviewTaskStatus.NotStarted or ReviewTaskStatus.Draft;

    public string CallTitle(string language) => language == "en" ? CallTitleEnglish : CallTitleKorean;
}
