namespace GrantPortal.Core.Applications;

/// <summary>
/// A program officer's request for more information (보완 요청) on a submitted application: a message, the questions
/// that reopen (custom answer keys, or the built-in fields of <see cref="ReopenableFields"/>), and a due date. The
/// applicant changes only those and resubmits under the same receipt number. The request keeps what the application
/// said before and after, so both versions can be read side by side long after later requests.
/// </summary>
/// <remarks>
/// An open request is this row with no <see cref="AnsweredAt"/>, not an application status. 보완 요청 pauses intake
/// without moving the application through the grant cycle: the application stays Submitted (or UnderReview) while it
/// waits, so the status machine, the intake's counts by status, review assignment, awards and every dashboard and list
/// that filters by status keep working unchanged, and nothing has to remember which status to return to afterwards.
/// </remarks>
public sealed class InformationRequest
{
    public const int MessageMaxLength = 4000;

    public int Id { get; private set; }

    public int ApplicationId { get; private set; }

    public Application? Application { get; private set; }

    public string Message { get; private set; } = "";

    /// <summary>What reopens: question keys of the application's answers and built-in field names, in the order asked.</summary>
    public List<string> QuestionKeys { get; private set; } = [];

    /// <summary>The Seoul day by whose end the applicant answers.</summary>
    public LocalDate DueOn { get; private set; }

    public Instant RequestedAt { get; private set; }

    public string RequestedById { get; private set; } = "";

    public string RequestedByName { get; private set; } = "";

    public Instant? AnsweredAt { get; private set; }

    public string? AnsweredById { get; private set; }

    /// <summary>The application as it was when the request was made.</summary>
    public ApplicationSnapshot Before { get; private set; } = new();

    /// <summary>The application as it was resubmitted; empty while the request is open.</summary>
    public ApplicationSnapshot After { get; private set; } = new();

    public bool IsOpen => AnsweredAt is null;

    private InformationRequest()
    {
    }

    public static InformationRequest Open(Application application, string message, IEnumerable<string> questionKeys, LocalDate dueOn, CurrentUser officer, Instant now)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(officer);
        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.UnderReview))
        {
            throw new InvalidOperationException($"More information is asked only of a submitted application, not one in status {application.Status}.");
        }

        return new InformationRequest
        {
            ApplicationId = application.Id,
            Message = message.Trim(),
            QuestionKeys = questionKeys.Distinct(StringComparer.Ordinal).ToList(),
            DueOn = dueOn,
            RequestedAt = now,
            RequestedById = officer.UserId,
            RequestedByName = officer.Name,
            Before = ApplicationSnapshot.Of(application),
        };
    }

    /// <summary>The application's retention period ended: the snapshots of what it said go with its personal fields.</summary>
    public void RemovePersonalData()
    {
        Before = new ApplicationSnapshot();
        After = new ApplicationSnapshot();
    }

    public bool Reopens(string key) => QuestionKeys.Contains(key, StringComparer.Ordinal);

    /// <summary>Closes the request with the application as resubmitted.</summary>
    public void Answer(Application application, string userId, Instant now)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (!IsOpen)
        {
            throw new InvalidOperationException("The request was already answered.");
        }

        After = ApplicationSnapshot.Of(application);
        AnsweredAt = now;
        AnsweredById = userId;
    }
}

/// <summary>The built-in fields an officer may reopen, beside the custom questions' keys.</summary>
public static class ReopenableFields
{
    public const string ProjectTitle = "ProjectTitle";
    public const string Summary = "Summary";
    public const string ProjectDates = "ProjectDates";
    public const string BudgetLines = "BudgetLines";
    public const string Attachments = "Attachments";

    public static IReadOnlyList<string> All { get; } = [ProjectTitle, Summary, ProjectDates, BudgetLines, Attachments];

    public static bool IsBuiltIn(string key) => All.Contains(key, StringComparer.Ordinal);

    /// <summary>The reopenable field a validation error's field name belongs to (StartDate → ProjectDates, BudgetLines[2].Item → BudgetLines).</summary>
    public static string? Of(string errorField) => errorField switch
    {
        nameof(Application.ProjectTitle) => ProjectTitle,
        nameof(Application.Summary) => Summary,
        nameof(Application.StartDate) or nameof(Application.EndDate) => ProjectDates,
        _ when errorField.StartsWith(BudgetLines, StringComparison.Ordinal) => BudgetLines,
        _ => null,
    };
}

/// <summary>What an application said at one moment: the reopenable built-in fields and every custom answer.</summary>
public sealed record ApplicationSnapshot
{
    public string ProjectTitle { get; init; } = "";

    public string Summary { get; init; } = "";

    /// <summary>ISO dates (2026-04-01), so the snapshot reads the same in any JSON reader.</summary>
    public string? StartDate { get; init; }

    public string? EndDate { get; init; }

    public List<SnapshotBudgetLine> BudgetLines { get; init; } = [];

    /// <summary>Every attachment's name, with the question it answers when it answers one.</summary>
    public List<SnapshotFile> Attachments { get; init; } = [];

    public Dictionary<string, string> Answers { get; init; } = [];

    public static ApplicationSnapshot Of(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new()
        {
            ProjectTitle = application.ProjectTitle,
            Summary = application.Summary,
            StartDate = application.StartDate is { } start ? AnswerFormat.WriteDate(start) : null,
            EndDate = application.EndDate is { } end ? AnswerFormat.WriteDate(end) : null,
            BudgetLines = application.BudgetLines.OrderBy(l => l.Order)
                .Select(l => new SnapshotBudgetLine(l.Category, l.Item, l.Amount.Won, l.Justification, l.IsOwnContribution)).ToList(),
            Attachments = application.Attachments.OrderBy(f => f.Id).Select(f => new SnapshotFile(f.DisplayName, f.QuestionKey)).ToList(),
            Answers = new Dictionary<string, string>(application.Answers, StringComparer.Ordinal),
        };
    }
}

public sealed record SnapshotBudgetLine(BudgetCategory Category, string Item, long Won, string Justification, bool IsOwnContribution);

public sealed record SnapshotFile(string Name, string? QuestionKey);

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> builder)
    {
        builder.HasOne(r => r.Application).WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Message).HasMaxLength(InformationRequest.MessageMaxLength);
        builder.Property(r => r.QuestionKeys).HasJsonConversion();
        builder.Property(r => r.RequestedById).HasMaxLength(64);
        builder.Property(r => r.RequestedByName).HasMaxLength(200);
        builder.Property(r => r.AnsweredById).HasMaxLength(64);
        builder.Property(r => r.Before).HasJsonConversion();
        builder.Property(r => r.After).HasJsonConversion();
        builder.Ignore(r => r.IsOpen);

        // The intake asks "is one open?" for every row of a page, and the officer's list asks for the open ones by due date.
        builder.HasIndex(r => new { r.ApplicationId, r.AnsweredAt });
        builder.HasIndex(r => new { r.AnsweredAt, r.DueOn });
    }
}
