namespace GrantPortal.Core.Reviews;

public sealed record BoardAssignment(int Id, string ReviewerId, string ReviewerName, ReviewTaskStatus Status);

public sealed record BoardConflict(string ReviewerId, string ReviewerName, ConflictSource Source, bool IsPinned, string? Reason);

public sealed record BoardApplication(
    int Id,
    string? ReceiptNumber,
    string ProjectTitle,
    OrganizationName OrganizationName,
    ProjectCategories Category,
    IReadOnlyList<BoardAssignment> Assignments,
    IReadOnlyList<BoardConflict> Conflicts);

public sealed record BoardReviewer(string Id, string Name, ProjectCategories Expertise, int Load);

/// <summary>A call's applications under review with their reviewers and conflicts, and the reviewer pool.</summary>
public sealed record AssignmentBoard(
    int CallId,
    string CallCode,
    string TitleKorean,
    string TitleEnglish,
    int ReviewersPerApplication,
    LocalDate DueOn,
    IReadOnlyList<BoardApplication> Applications,
    IReadOnlyList<BoardReviewer> Reviewers)
{
    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;

    public string ReviewerName(string id) => Reviewers.FirstOrDefault(r => r.Id == id)?.Name ?? id;
}

/// <summary>A dry run: what automatic assignment would add, the loads it would leave, and what it cannot cover.</summary>
public sealed record AssignmentPreview(AssignmentPlan Plan, IReadOnlyDictionary<string, string> ReviewerNames, IReadOnlyDictionary<int, string> ApplicationTitles);

/// <summary>A call with applications submitted or in review, and how many.</summary>
public sealed record CallInReview(int Id, string Code, string TitleKorean, string TitleEnglish, int Count)
{
    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;
}
