namespace GrantPortal.Core.Applications;

/// <summary>What an applicant edits on the form; saved as a whole by autosave.</summary>
public sealed record ApplicationDraft
{
    public string ProjectTitle { get; set; } = "";

    public string Summary { get; set; } = "";

    public LocalDate? StartDate { get; set; }

    public LocalDate? EndDate { get; set; }

    public ProjectCategories Category { get; set; }

    public bool DeclarationAccepted { get; set; }

    public List<BudgetLineDraft> BudgetLines { get; init; } = [];

    /// <summary>Answers to the call's form by question key (see <see cref="AnswerFormat"/>); keys the form does not ask are not stored.</summary>
    public Dictionary<string, string> Answers { get; init; } = [];

    /// <summary>The grant request: lines not marked as own contribution.</summary>
    public Krw RequestedTotal => Krw.Sum(BudgetLines.Where(l => !l.IsOwnContribution).Select(l => l.Amount));

    public Krw OwnContributionTotal => Krw.Sum(BudgetLines.Where(l => l.IsOwnContribution).Select(l => l.Amount));

    /// <summary>Grant request plus own contribution.</summary>
    public Krw ProjectTotal => RequestedTotal + OwnContributionTotal;

    /// <summary>The applicant's target for each of the call's indicators, by indicator id; null while not yet given.</summary>
    public Dictionary<int, long?> IndicatorTargets { get; init; } = [];

    /// <summary>The form as the application holds it now, budget lines in their order.</summary>
    public static ApplicationDraft From(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new()
        {
            ProjectTitle = application.ProjectTitle,
            Summary = application.Summary,
            StartDate = application.StartDate,
            EndDate = application.EndDate,
            Category = application.Category,
            DeclarationAccepted = application.DeclarationAccepted,
            Answers = new Dictionary<string, string>(application.Answers),
            BudgetLines = application.BudgetLines.OrderBy(l => l.Order).Select(l => new BudgetLineDraft
            {
                Category = l.Category,
                Item = l.Item,
                Amount = l.Amount,
                Justification = l.Justification,
                IsOwnContribution = l.IsOwnContribution,
            }).ToList(),
            IndicatorTargets = application.IndicatorTargets.ToDictionary(t => t.CallIndicatorId, t => (long?)t.Target),
        };
    }
}

public sealed record BudgetLineDraft
{
    public BudgetCategory Category { get; set; } = BudgetCategory.Activities;

    public string Item { get; set; } = "";

    public Krw Amount { get; set; }

    public string Justification { get; set; } = "";

    /// <summary>Paid by the organization itself (자부담): part of the project total, not of the grant request.</summary>
    public bool IsOwnContribution { get; set; }
}

public sealed record AttachmentView(int Id, string DisplayName, AttachmentKind Kind, long SizeBytes, string Sha256, Instant UploadedAt)
{
    /// <summary>The file question it answers; null for the general attachments.</summary>
    public string? QuestionKey { get; init; }

    public static AttachmentView From(Attachment file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.Id, file.DisplayName, file.Kind, file.SizeBytes, file.Sha256, file.UploadedAt) { QuestionKey = file.QuestionKey };
    }
}

/// <summary>An application as its reader may see it, with what the form needs from its call.</summary>
public sealed record ApplicationView(
    int Id,
    int CallId,
    string CallCode,
    string CallTitleEnglish,
    string CallTitleKorean,
    Instant CallClosesAt,
    ProjectCategories CallCategories,
    Krw CallMinimumRequest,
    Krw CallMaximumRequest,
    int BudgetYear,
    int OrganizationId,
    OrganizationName OrganizationName,
    ApplicationStatus Status,
    string? ReceiptNumber,
    Instant? SubmittedAt,
    Instant LastSavedAt,
    string? WithdrawalReason,
    int Version,
    ApplicationDraft Form,
    IReadOnlyList<AttachmentView> Attachments,
    bool CanEdit,
    bool CanWithdraw)
{
    public string CallTitle(string language) => language == "en" ? CallTitleEnglish : CallTitleKorean;

    /// <summary>For a revision: the receipt of the submitted application it replaces once submitted.</summary>
    public string? RevisesReceipt { get; init; }

    /// <summary>For a submitted application: the revision draft already begun, if any.</summary>
    public int? RevisionInProgressId { get; init; }

    /// <summary>When the retention period ended and the personal fields were removed (<see cref="Application.RemovePersonalData"/>).</summary>
    public Instant? PersonalDataRemovedAt { get; init; }

    /// <summary>The call's indicators, in order, for which the applicant sets targets.</summary>
    public IReadOnlyList<IndicatorView> Indicators { get; init; } = [];

    /// <summary>A submitted application can be revised, like withdrawn, until the deadline.</summary>
    public bool CanRevise => CanWithdraw;

    /// <summary>The version of the call's form this application answers (a draft: the newest, as of opening it).</summary>
    public FormDefinition FormDefinition { get; init; } = FormDefinition.Empty;

    /// <summary>Its number: 1, 2, ...; 0 when the application answers no version.</summary>
    public int FormVersionNumber { get; init; }

    /// <summary>A draft moved to a newer form on opening: the labels of the required questions that version added.</summary>
    public IReadOnlyList<string> NewRequiredQuestions { get; init; } = [];
    /// <summary>The call's allowed budget categories, caps and minimum own contribution, for the form's live summary.</summary>
    public BudgetRules CallBudgetRules { get; init; } = new();
}

/// <summary>A saved draft: the version the next save must name, and when it was saved.</summary>
public sealed record DraftSaved(int Version, Instant SavedAt);

/// <summary>A submission's receipt; <see cref="AlreadySubmitted"/> when an earlier request for the same draft gave it.</summary>
public sealed record SubmissionReceipt(string ReceiptNumber, bool AlreadySubmitted);

/// <summary>One line of an applicant's own list.</summary>
public sealed record OrganizationApplicationRow(
    int Id,
    string ProjectTitle,
    string CallTitleEnglish,
    string CallTitleKorean,
    ApplicationStatus Status,
    string? ReceiptNumber,
    Instant CallClosesAt,
    Instant LastSavedAt,
    Instant? SubmittedAt,
    Krw RequestedTotal)
{
    public string CallTitle(string language) => language == "en" ? CallTitleEnglish : CallTitleKorean;

    /// <summary>For an awarded application: its award (not a cancelled one), where the grantee follows payments and reports.</summary>
    public int? AwardId { get; init; }

    /// <summary>Grant request plus own contribution (자부담).</summary>
    public Krw ProjectTotal { get; init; } = RequestedTotal;
}

public enum ApplicationSort
{
    SubmittedAt,
    Title,
    Organization,
    RequestedTotal,
    Status,
}

/// <summary>The officer's intake filters; everything optional.</summary>
public sealed record ApplicationQuery
{
    public int? CallId { get; init; }

    public ApplicationStatus? Status { get; init; }

    public ProjectCategories? Category { get; init; }

    public int? OrganizationId { get; init; }

    public string? TitleSearch { get; init; }

    /// <summary>Only applications with a request for more information not answered yet.</summary>
    public bool AwaitingInformation { get; init; }

    public ApplicationSort Sort { get; init; } = ApplicationSort.SubmittedAt;

    public bool Descending { get; init; } = true;

    public int Page { get; init; }

    public int PageSize { get; init; } = 25;
}

public sealed record IntakeRow(
    int Id,
    string ProjectTitle,
    OrganizationName OrganizationName,
    string CallCode,
    ProjectCategories Category,
    ApplicationStatus Status,
    string? ReceiptNumber,
    Instant? SubmittedAt,
    Krw RequestedTotal)
{
    /// <summary>Grant request plus own contribution (자부담).</summary>
    public Krw ProjectTotal { get; init; } = RequestedTotal;

    /// <summary>When more information was requested and not yet given: the day it is due.</summary>
    public LocalDate? AwaitingInformationDueOn { get; init; }
}

public sealed record IntakePage(IReadOnlyList<IntakeRow> Rows, int TotalCount, IReadOnlyDictionary<ApplicationStatus, int> CountsByStatus);

/// <summary>One of a call's indicators as forms and reports show it.</summary>
public sealed record IndicatorView(int Id, string Key, IndicatorKind Kind, string NameKorean, string NameEnglish, string UnitKorean, string UnitEnglish)
{
    public string Name(string language) => language == Languages.English ? NameEnglish : NameKorean;

    public string Unit(string language) => language == Languages.English ? UnitEnglish : UnitKorean;

    public static IndicatorView From(CallIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new(indicator.Id, indicator.Key, indicator.Kind, indicator.NameKorean, indicator.NameEnglish, indicator.UnitKorean, indicator.UnitEnglish);
    }
}
