namespace GrantPortal.Core.Reviews;

/// <summary>A conflict the reviewer declared on an application still under review. The organization is null in a blind call.</summary>
public sealed record DeclaredConflict(
    int ApplicationId,
    string CallCode,
    string ProjectTitle,
    OrganizationName? OrganizationName,
    Instant DeclaredAt,
    string? Reason);

/// <summary>
/// What a reviewer reads: their worklist, an assignment opened for scoring, and the conflicts they declared. An
/// assignment is theirs only while no conflict is in force; otherwise it "does not exist".
/// </summary>
public sealed class ReviewQueries(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Strings> localizer)
{
    public async Task<IReadOnlyList<ReviewTask>> ListMineAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Reviewer))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ReviewAssignments.AsNoTracking()
            .Where(a => a.ReviewerId == user.UserId && a.Application!.Status == ApplicationStatus.UnderReview)
            .Select(a => new
            {
                a.Id,
                a.ApplicationId,
                a.Application!.Call!.Code,
                a.Application.Call.TitleKorean,
                a.Application.Call.TitleEnglish,
                a.Application.Call.BlindReview,
                a.Application.ProjectTitle,
                a.Application.Organization!.NameKorean,
                OrganizationNameEnglish = a.Application.Organization.Name,
                a.DueOn,
                a.NoConflictDeclaredAt,
                ReviewStatus = a.Review == null ? (ReviewStatus?)null : a.Review.Status,
            })
            .ToListAsync(ct);
        var conflicts = await ConflictFacts.LoadAsync(db, rows.Select(r => r.ApplicationId).ToList(), [user.UserId], ct);
        return rows.Where(r => !conflicts.IsConflicted(r.ApplicationId, user.UserId))
            .Select(r => new ReviewTask(
                r.Id,
                r.Code,
                r.TitleKorean,
                r.TitleEnglish,
                r.ProjectTitle,
                r.BlindReview ? null : new OrganizationName(r.NameKorean, r.OrganizationNameEnglish),
                r.DueOn,
                ReviewRules.StatusOf(r.NoConflictDeclaredAt, r.ReviewStatus)))
            .OrderBy(t => t.Status == ReviewTaskStatus.Submitted ? 1 : 0)
            .ThenBy(t => t.DueOn)
            .ThenBy(t => t.AssignmentId)
            .ToList();
    }

    /// <summary>
    /// The assignment as its reviewer opens it. Until they declare no conflict only the title (and, unless the call is
    /// blind, the organization) shows; afterwards the whole application and the scoring form.
    /// </summary>
    public async Task<ScoringView?> OpenAsync(CurrentUser user, int assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = await ReviewRules.OwnAssignmentAsync(db, user, assignmentId, tracking: false, ct);
        if (assignment is null)
        {
            return null;
        }

        var application = assignment.Application!;
        var call = application.Call!;
        var status = ReviewRules.StatusOf(assignment.NoConflictDeclaredAt, assignment.Review?.Status);
        var open = status != ReviewTaskStatus.DeclarationNeeded;
        var scores = assignment.Review?.Scores.ToDictionary(s => s.CriterionId) ?? [];
        var form = new ScoreForm
        {
            Criteria = call.Criteria.OrderBy(c => c.Order)
                .Select(c => scores.TryGetValue(c.Id, out var s) ? CriterionScoreForm.For(c, s.Score, s.Comment) : CriterionScoreForm.For(c, null, ""))
                .ToList(),
            OverallComment = assignment.Review?.OverallComment ?? "",
            Recommendation = assignment.Review?.Recommendation,
        };

        // In blind review the questions marked identifying, their answers and their files are not sent at all.
        var definition = open ? await FormVersions.DefinitionOfAsync(db, application.FormVersionId, ct) : FormDefinition.Empty;
        var questions = ReviewerQuestions(definition, call.BlindReview);
        var hiddenFileKeys = definition.Questions.Where(q => call.BlindReview && q.Identifying).Select(q => q.Key).ToList();

        // Files open with the rest of the application, once the reviewer has declared no conflict.
        var files = open
            ? await db.Attachments.AsNoTracking().Where(f => f.ApplicationId == application.Id && (f.QuestionKey == null || !hiddenFileKeys.Contains(f.QuestionKey))).OrderBy(f => f.Id)
                .Select(f => new { f.Id, f.DisplayName, f.Kind, f.SizeBytes }).ToListAsync(ct)
            : [];
        return new ScoringView(
            assignment.Id,
            application.Id,
            call.TitleKorean,
            call.TitleEnglish,
            call.BlindReview,
            call.BlindReview ? null : new OrganizationName(application.Organization!.NameKorean, application.Organization.Name),
            application.ProjectTitle,
            open ? application.Summary : "",
            application.Category,
            application.RequestedTotal,
            assignment.DueOn,
            status,
            assignment.Review?.Version ?? 0,
            assignment.Review?.SubmittedAt,
            form)
        {
            StartDate = open ? application.StartDate : null,
            EndDate = open ? application.EndDate : null,
            BudgetLines = open
                ? application.BudgetLines.OrderBy(l => l.Order).Select(l => new ReviewBudgetLine(l.Category, l.Item, l.Amount, l.Justification, l.IsOwnContribution)).ToList()
                : [],
            Attachments = files.Select((f, i) => new ReviewAttachment(
                f.Id,
                call.BlindReview ? localizer["Reviews_BlindAttachment", i + 1, f.Kind.ToString().ToUpperInvariant()] : f.DisplayName,
                f.Kind,
                f.SizeBytes)).ToList(),
            Questions = questions,
            Answers = application.Answers.Where(a => questions.Find(a.Key) is not null).ToDictionary(a => a.Key, a => a.Value),
        };
    }

    /// <summary>The form as a reviewer reads it: in blind review, without the questions that would tell who applied.</summary>
    public static FormDefinition ReviewerQuestions(FormDefinition definition, bool blind)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return blind
            ? definition with { Sections = definition.Sections.Select(s => s with { Questions = s.Questions.Where(q => !q.Identifying).ToList() }).ToList() }
            : definition;
    }

    /// <summary>The reviewer's own declarations in force on applications still under review: the ones they can withdraw.</summary>
    public async Task<IReadOnlyList<DeclaredConflict>> ListMyDeclarationsAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Reviewer))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (
                from c in db.Conflicts.AsNoTracking()
                join a in db.Applications.AsNoTracking() on c.ApplicationId equals a.Id
                where c.ReviewerId == user.UserId && c.Source == ConflictSource.Declared && c.LiftedAt == null
                    && a.Status == ApplicationStatus.UnderReview
                select new { a.Id, a.Call!.Code, a.Call.BlindReview, a.ProjectTitle, a.Organization!.NameKorean, a.Organization.Name, c.RecordedAt, c.Reason })
            .ToListAsync(ct);
        return rows
            .Select(r => new DeclaredConflict(r.Id, r.Code, r.ProjectTitle, r.BlindReview ? null : new OrganizationName(r.NameKorean, r.Name), r.RecordedAt, r.Reason))
            .OrderByDescending(r => r.DeclaredAt)
            .ThenBy(r => r.ApplicationId)
            .ToList();
    }
}
