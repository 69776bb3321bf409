namespace GrantPortal.Core.Applications;

/// <summary>The officer's panel decision after the reviews, which feeds awards.</summary>
public enum PanelDecision
{
    Fund,
    Reserve,
    Decline,
}

/// <summary>A program officer's shortlist decision on a concept note of a two-stage call.</summary>
public enum ShortlistDecision
{
    Invited,
    NotInvited,
}

/// <summary>A CSO's proposal to a call: a draft until submitted, then immutable.</summary>
public sealed class Application : IVersioned
{
    public int Id { get; private set; }

    public int CallId { get; private set; }

    public Call? Call { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    public string CreatedById { get; private set; } = "";

    public string ProjectTitle { get; set; } = "";

    public string Summary { get; set; } = "";

    public LocalDate? StartDate { get; set; }

    public LocalDate? EndDate { get; set; }

    public ProjectCategories Category { get; set; }

    public bool DeclarationAccepted { get; set; }

    public ApplicationStatus Status { get; private set; }

    /// <summary>Given at submission: 2026-NKHR-0042.</summary>
    public string? ReceiptNumber { get; private set; }

    public Instant CreatedAt { get; private set; }

    public Instant LastSavedAt { get; private set; }

    public Instant? SubmittedAt { get; private set; }

    public Instant? WithdrawnAt { get; private set; }

    public string? WithdrawalReason { get; private set; }

    /// <summary>
    /// For a revision: the submitted application it replaces when it is submitted. Until then the submitted one
    /// stands; afterwards it is withdrawn, naming this one's receipt.
    /// </summary>
    public int? RevisesId { get; private set; }

    public PanelDecision? PanelDecision { get; private set; }

    public string? PanelNote { get; private set; }

    /// <summary>Application-managed concurrency token: SQLite has no database row version.</summary>
    public int Version { get; set; }

    /// <summary>The version of the call's form this application answers; drafts move to the newest when opened.</summary>
    public int? FormVersionId { get; set; }

    /// <summary>Answers to the form's questions by question key, written as <see cref="Forms.AnswerFormat"/> describes.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];

    /// <summary>
    /// A concept note (the first stage of a two-stage call) or a full proposal. A concept note is never reviewed,
    /// ranked, awarded or counted as an application: see <see cref="ApplicationStages"/>.
    /// </summary>
    public FormStage Stage { get; private set; } = FormStage.Full;

    /// <summary>A full proposal of a two-stage call: the invited concept note it follows.</summary>
    public int? ConceptNoteId { get; private set; }

    /// <summary>A submitted concept note: the officer's decision, why, when and by whom.</summary>
    public ShortlistDecision? Shortlist { get; private set; }

    public string? ShortlistReason { get; private set; }

    public Instant? ShortlistedAt { get; private set; }

    public string? ShortlistedById { get; private set; }

    /// <summary>
    /// When the retention period ended and the personal fields were removed (<see cref="RemovePersonalData"/>); null
    /// while they are kept.
    /// </summary>
    public Instant? PersonalDataRemovedAt { get; private set; }

    public List<IndicatorTarget> IndicatorTargets { get; } = [];

    public List<BudgetLine> BudgetLines { get; } = [];

    public List<Attachment> Attachments { get; } = [];

    private Application()
    {
    }

    public static Application StartDraft(Call call, int organizationId, string userId, Instant now, int? formVersionId = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new Application
        {
            CallId = call.Id,
            FormVersionId = formVersionId,
            OrganizationId = organizationId,
            CreatedById = userId,
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
            LastSavedAt = now,
        };
    }

    /// <summary>The first stage of a two-stage call: a short draft answering the call's concept-note form.</summary>
    public static Application StartConceptNote(Call call, int organizationId, string userId, Instant now)
    {
        var draft = StartDraft(call, organizationId, userId, now);
        draft.Stage = FormStage.ConceptNote;
        return draft;
    }

    /// <summary>
    /// The full proposal an invited organization writes, prefilled from its concept note: title, summary and the
    /// answers whose keys the full form also asks (<paramref name="fullFormKeys"/>).
    /// </summary>
    public static Application StartFullProposal(Application conceptNote, string userId, Instant now, IReadOnlySet<string> fullFormKeys)
    {
        ArgumentNullException.ThrowIfNull(conceptNote);
        ArgumentNullException.ThrowIfNull(fullFormKeys);
        if (conceptNote.Stage != FormStage.ConceptNote || conceptNote.Shortlist != ShortlistDecision.Invited)
        {
            throw new InvalidOperationException("Only an invited concept note leads to a full proposal.");
        }

        return new Application
        {
            CallId = conceptNote.CallId,
            OrganizationId = conceptNote.OrganizationId,
            CreatedById = userId,
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
            LastSavedAt = now,
            ConceptNoteId = conceptNote.Id,
            ProjectTitle = conceptNote.ProjectTitle,
            Summary = conceptNote.Summary,
            Answers = conceptNote.Answers.Where(a => fullFormKeys.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value),
        };
    }

    /// <summary>The officer's shortlist decision on a submitted concept note; it is made once.</summary>
    public void DecideShortlist(ShortlistDecision decision, string? reason, string officerId, Instant now)
    {
        if (Stage != FormStage.ConceptNote || Status != ApplicationStatus.Submitted || Shortlist is not null)
        {
            throw new InvalidOperationException($"Cannot shortlist a {Stage} in status {Status} (decision {Shortlist}).");
        }

        Shortlist = decision;
        ShortlistReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ShortlistedAt = now;
        ShortlistedById = officerId;
    }

    /// <summary>
    /// A new draft with everything the submitted application says, to change before the deadline. The submitted
    /// application itself stays as it is: immutable, and in force until the revision is submitted.
    /// </summary>
    public static Application StartRevision(Application submitted, string userId, Instant now)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        if (submitted.Status != ApplicationStatus.Submitted)
        {
            throw new InvalidOperationException($"Only a submitted application can be revised, not one in status {submitted.Status}.");
        }

        var revision = new Application
        {
            CallId = submitted.CallId,
            OrganizationId = submitted.OrganizationId,
            CreatedById = userId,
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
            LastSavedAt = now,
            RevisesId = submitted.Id,
            ConceptNoteId = submitted.ConceptNoteId,
            ProjectTitle = submitted.ProjectTitle,
            Summary = submitted.Summary,
            FormVersionId = submitted.FormVersionId,
            Answers = new Dictionary<string, string>(submitted.Answers),
            StartDate = submitted.StartDate,
            EndDate = submitted.EndDate,
            Category = submitted.Category,

            // The declaration is made again for what is submitted again.
            DeclarationAccepted = false,
        };
        revision.BudgetLines.AddRange(submitted.BudgetLines.OrderBy(l => l.Order).Select(l => l.Copy()));
        return revision;
    }

    /// <summary>
    /// The retention period of an application that was not funded has ended (<see cref="Privacy.PersonalDataRetention"/>):
    /// what the organization and its people wrote goes (summary, answers, budget lines' items and justifications, the
    /// withdrawal reason, the officer's notes on it); what the grant process and its statistics need stays (call,
    /// organization, title, receipt, dates, status, decisions, amounts, categories, indicator targets). The
    /// attachments are deleted by the caller, files and rows.
    /// </summary>
    public void RemovePersonalData(Instant now)
    {
        if (Status is ApplicationStatus.Awarded)
        {
            throw new InvalidOperationException("A funded application is kept with its award.");
        }

        Summary = "";
        Answers = [];
        WithdrawalReason = WithdrawalReason is null ? null : "";
        PanelNote = PanelNote is null ? null : "";
        ShortlistReason = ShortlistReason is null ? null : "";
        foreach (var line in BudgetLines)
        {
            line.Item = "";
            line.Justification = "";
        }

        PersonalDataRemovedAt = now;
    }

    /// <summary>Withdrawn because its revision was submitted; the reason names the revision's receipt.</summary>
    public void ReplaceBy(string reason, Instant now) => Withdraw(reason, now);

    /// <summary>What is asked of the grant: the lines not marked as own contribution. The call's request limits and awards apply to it.</summary>
    public Krw RequestedTotal => Krw.Sum(BudgetLines.Where(l => !l.IsOwnContribution).Select(l => l.Amount));

    /// <summary>The organization's own contribution (자부담).</summary>
    public Krw OwnContributionTotal => Krw.Sum(BudgetLines.Where(l => l.IsOwnContribution).Select(l => l.Amount));

    /// <summary>The whole project: grant request plus own contribution; the call's category caps are shares of it.</summary>
    public Krw ProjectTotal => RequestedTotal + OwnContributionTotal;

    public bool IsEditableByApplicant => Status == ApplicationStatus.Draft;

    public void MarkSaved(Instant now)
    {
        EnsureStatus(ApplicationStatus.Draft, "edit");
        LastSavedAt = now;
    }

    public void Submit(string receiptNumber, Instant now)
    {
        MoveTo(ApplicationStatus.Submitted);
        ReceiptNumber = receiptNumber;
        SubmittedAt = now;
        LastSavedAt = now;
    }

    /// <summary>
    /// Resubmitted after a request for more information changed its reopened questions: the same receipt number and
    /// submission time (the deadline was met then), a new save time. The status does not move (see InformationRequest).
    /// </summary>
    public void MarkResubmitted(Instant now)
    {
        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.UnderReview))
        {
            throw new InvalidOperationException($"Cannot resubmit an application in status {Status}.");
        }

        LastSavedAt = now;
    }

    public void Withdraw(string reason, Instant now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("Withdrawing needs a reason.", nameof(reason));
        }

        MoveTo(ApplicationStatus.Withdrawn);
        WithdrawalReason = reason.Trim();
        WithdrawnAt = now;
    }

    public void StartReview() => MoveTo(ApplicationStatus.UnderReview);

    public void RecordPanelDecision(PanelDecision decision, string? note)
    {
        EnsureStatus(ApplicationStatus.UnderReview, "decide");
        PanelDecision = decision;
        PanelNote = note;
    }

    public void MarkAwarded() => MoveTo(ApplicationStatus.Awarded);

    public void MarkRejected() => MoveTo(ApplicationStatus.Rejected);

    private void MoveTo(ApplicationStatus next)
    {
        if (!ApplicationStatusMachine.CanMove(Stage, Status, next))
        {
            throw new InvalidStatusTransitionException(Status, next);
        }

        Status = next;
    }

    private void EnsureStatus(ApplicationStatus expected, string operation)
    {
        if (Status != expected)
        {
            throw new InvalidOperationException($"Cannot {operation} an application in status {Status}.");
        }
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.HasOne(a => a.Call).WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.CreatedById).HasMaxLength(64);
        builder.Property(a => a.ProjectTitle).HasMaxLength(300);
        builder.Property(a => a.Summary).HasMaxLength(4000);
        builder.Property(a => a.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PanelDecision).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PanelNote).HasMaxLength(4000);
        builder.Property(a => a.WithdrawalReason).HasMaxLength(2000);
        builder.Property(a => a.ReceiptNumber).HasMaxLength(32);
        builder.HasIndex(a => a.ReceiptNumber).IsUnique();
        builder.HasIndex(a => new { a.CallId, a.Status });

        // The intake: counts by status and the newest-first page of one call's full proposals read this index alone,
        // never the rows, whose answers (a JSON column) make a table scan costly.
        builder.HasIndex(a => new { a.CallId, a.Stage, a.Status, a.SubmittedAt }).HasDatabaseName("IX_Applications_Intake");
        builder.HasIndex(a => new { a.OrganizationId, a.Status });
        builder.HasIndex(a => a.ProjectTitle);
        builder.HasOne<Application>().WithMany().HasForeignKey(a => a.RevisesId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Answers).HasJsonConversion();
        builder.HasOne<Forms.ApplicationFormVersion>().WithMany().HasForeignKey(a => a.FormVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Stage).HasConversion<string>().HasMaxLength(20).HasDefaultValue(FormStage.Full).HasSentinel((FormStage)(-1));
        builder.HasOne<Application>().WithMany().HasForeignKey(a => a.ConceptNoteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Shortlist).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ShortlistReason).HasMaxLength(2000);
        builder.Property(a => a.ShortlistedById).HasMaxLength(64);
        builder.Ignore(a => a.RequestedTotal);
        builder.Ignore(a => a.OwnContributionTotal);
        builder.Ignore(a => a.ProjectTotal);
        builder.Ignore(a => a.IsEditableByApplicant);
        builder.HasMany(a => a.BudgetLines).WithOne().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Attachments).WithOne().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
