namespace GrantPortal.Core.Applications;

/// <summary>What an applicant edits on the form; saved as a whole by autosave.</summary>
public sealed record ApplicationDraft
{
    public string ProjectTitle { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Objectives { get; set; } = "";

    public string Activities { get; set; } = "";

    public string Beneficiaries { get; set; } = "";

    public LocalDate? StartDate { get; set; }

    public LocalDate? EndDate { get; set; }

    public ProjectCategories Category { get; set; }

    public bool DeclarationAccepted { get; set; }

    public List<BudgetLineDraft> BudgetLines { get; init; } = [];

    public Krw RequestedTotal => Krw.Sum(BudgetLines.Select(l => l.Amount));

    /// <summary>The form as the application holds it now, budget lines in their order.</summary>
    public static ApplicationDraft From(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new()
        {
            ProjectTitle = application.ProjectTitle,
            Summary = application.Summary,
            Objectives = application.Objectives,
            Activities = application.Activities,
            Beneficiaries = application.Beneficiaries,
            StartDate = application.StartDate,
            EndDate = application.EndDate,
            Category = application.Category,
            DeclarationAccepted = application.DeclarationAccepted,
            BudgetLines = application.BudgetLines.OrderBy(l => l.Order).Select(l => new BudgetLineDraft
            {
                Category = l.Category,
                Item = l.Item,
                Amount = l.Amount,
                Justification = l.Justification,
            }).ToList(),
        };
    }
}

public sealed record BudgetLineDraft
{
    public BudgetCategory Category { get; set; } = BudgetCategory.Activities;

    public string Item { get; set; } = "";

    public Krw Amount { get; set; }

    public string Justification { get; set; } = "";
}

public sealed record AttachmentView(int Id, string DisplayName, AttachmentKind Kind, long SizeBytes, string Sha256, Instant UploadedAt)
{
    public static AttachmentView From(Attachment file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.Id, file.DisplayName, file.Kind, file.SizeBytes, file.Sha256, file.UploadedAt);
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

    /// <summary>A submitted application can be revised, like withdrawn, until the deadline.</summary>
    public bool CanRevise => CanWithdraw;
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
    /// <summary>When more information was requested and not yet given: the day it is due.</summary>
    public LocalDate? AwaitingInformationDueOn { get; init; }
}

public sealed record IntakePage(IReadOnlyList<IntakeRow> Rows, int TotalCount, IReadOnlyDictionary<ApplicationStatus, int> CountsByStatus);
