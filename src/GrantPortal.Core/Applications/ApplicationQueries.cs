namespace GrantPortal.Core.Applications;

/// <summary>
/// What applicants and officers read about applications: one application, an organization's own list, and what
/// the reader of a call can do about applying to it. An applicant sees only their own organization's applications,
/// a program officer sees all, and anyone else gets nothing.
/// </summary>
public sealed class ApplicationQueries(IDbContextFactory<PortalDbContext> dbFactory, IClock clock)
{
    /// <summary>
    /// One application with what its form needs from the call; null when it is not the reader's to see. A draft its
    /// owner opens moves first to the newest version of the call's form (<see cref="FormVersions.MoveDraftToNewestAsync"/>).
    /// </summary>
    public async Task<ApplicationView?> GetAsync(CurrentUser user, int id, CancellationToken ct = default) =>
        (await ReadAsync(user, id, withInformation: false, ct))?.Application;

    /// <summary>
    /// The application page in one read: the application (<see cref="GetAsync"/>) and, once it is submitted, its
    /// requests for more information (<see cref="InformationRequestQueries.ForApplicationAsync"/>) from the same rows.
    /// </summary>
    public Task<ApplicationPageView?> GetPageAsync(CurrentUser user, int id, CancellationToken ct = default) =>
        ReadAsync(user, id, withInformation: true, ct);

    private async Task<ApplicationPageView?> ReadAsync(CurrentUser user, int id, bool withInformation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Read for writing: the owner's draft moves to the newest form on this same row, without reading it twice.
        var application = await Visible(db.Applications, user).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return null;
        }

        var newRequired = ApplicationAccess.IsOwner(user, application.OrganizationId) ? await FormVersions.MoveDraftToNewestAsync(db, application, ct) : [];
        if (db.ChangeTracker.HasChanges())
        {
            // A save elsewhere won over the move: show the draft as it is stored (it moves on its next opening).
            db.ChangeTracker.Clear();
            application = await Visible(db.Applications.AsNoTracking(), user).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (application is null)
            {
                return null;
            }
        }

        var indicators = await IndicatorTargetRules.OfCallAsync(db, application.CallId, ct);

        var call = application.Call!;
        var now = clock.GetCurrentInstant();
        var isOwner = ApplicationAccess.IsOwner(user, application.OrganizationId);
        var revises = application.RevisesId is { } revisedId
            ? await db.Applications.AsNoTracking().Where(a => a.Id == revisedId).Select(a => a.ReceiptNumber).SingleOrDefaultAsync(ct)
            : null;
        var form = application.FormVersionId is { } formVersionId
            ? await db.ApplicationFormVersions.AsNoTracking().Where(v => v.Id == formVersionId).Select(v => new { v.Number, v.Definition }).SingleOrDefaultAsync(ct)
            : null;
        var revisionInProgress = isOwner && application.Status == ApplicationStatus.Submitted
            ? await db.Applications.AsNoTracking().Where(a => a.RevisesId == application.Id && a.Status == ApplicationStatus.Draft).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
            : null;
        var information = withInformation && application.Status != ApplicationStatus.Draft
            ? await InformationRequestQueries.OfAsync(db, user, application, form?.Definition ?? FormDefinition.Empty, Seoul.Today(clock), ct)
            : null;
        var view = new ApplicationView(
            application.Id,
            call.Id,
            call.Code,
            call.TitleEnglish,
            call.TitleKorean,
            call.ClosesAt,
            call.Categories,
            call.MinimumRequest,
            call.MaximumRequest,
            call.BudgetYear?.Year ?? Seoul.ToLocal(call.ClosesAt).Year,
            application.OrganizationId,
            new OrganizationName(application.Organization?.NameKorean ?? "", application.Organization?.Name ?? ""),
            application.Status,
            application.ReceiptNumber,
            application.SubmittedAt,
            application.LastSavedAt,
            application.WithdrawalReason,
            application.Version,
            ApplicationDraft.From(application),
            application.Attachments.Where(f => f.ApplicationId == application.Id).OrderBy(f => f.Id).Select(AttachmentView.From).ToList(),
            CanEdit: isOwner && application.Status == ApplicationStatus.Draft,
            CanWithdraw: isOwner && application.Status == ApplicationStatus.Submitted && !call.HasClosedAt(now))
        {
            RevisesReceipt = revises,
            RevisionInProgressId = revisionInProgress,
            PersonalDataRemovedAt = application.PersonalDataRemovedAt,
            FormDefinition = form?.Definition ?? DefaultForm.Definition,
            FormVersionNumber = form?.Number ?? 0,
            NewRequiredQuestions = newRequired.Select(q => q.Label(Languages.Current)).ToList(),
            CallBudgetRules = call.BudgetRules,
            Indicators = indicators.Select(IndicatorView.From).ToList(),
        };
        return new ApplicationPageView(view, information);
    }

    private static IQueryable<Application> Visible(IQueryable<Application> applications, CurrentUser user) =>
        applications.FullProposals().VisibleTo(user)
            .Include(a => a.Call!).ThenInclude(c => c.BudgetYear)
            .Include(a => a.Organization)
            .Include(a => a.BudgetLines)
            .Include(a => a.Attachments)
            .Include(a => a.IndicatorTargets)
            .AsSplitQuery();

    /// <summary>An applicant's own organization's applications, newest work first; empty for anyone else.</summary>
    public async Task<IReadOnlyList<OrganizationApplicationRow>> ListForOrganizationAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is not { } organizationId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Applications.AsNoTracking().FullProposals()
            .Where(a => a.OrganizationId == organizationId)
            .OrderByDescending(a => a.LastSavedAt).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.ProjectTitle,
                a.Call!.TitleEnglish,
                a.Call.TitleKorean,
                a.Status,
                a.ReceiptNumber,
                a.Call.ClosesAt,
                a.LastSavedAt,
                a.SubmittedAt,
                Total = a.BudgetLines.Where(l => !l.IsOwnContribution).Sum(l => (long)l.Amount),
                ProjectTotal = a.BudgetLines.Sum(l => (long)l.Amount),
                AwardId = db.Awards.Where(w => w.ApplicationId == a.Id && w.Status != AwardStatus.Cancelled).Select(w => (int?)w.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new OrganizationApplicationRow(
            r.Id, r.ProjectTitle, r.TitleEnglish, r.TitleKorean, r.Status, r.ReceiptNumber, r.ClosesAt, r.LastSavedAt, r.SubmittedAt, new Krw(r.Total))
        {
            AwardId = r.AwardId,
            ProjectTotal = new Krw(r.ProjectTotal),
        }).ToList();
    }

    /// <summary>
    /// What the reader can do about applying to each of the given published calls, for a whole list at once: the
    /// number of queries does not grow with the number of calls. An applicant's drafts and submissions are their own
    /// organization's only. Staff get an empty answer: the pages offer them nothing about applying.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ApplyState>> ApplyStatesAsync(CurrentUser? user, IReadOnlyCollection<int> callIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(callIds);
        var reader = ApplyState.ReaderOf(user);
        if (reader == ApplyReader.Staff || callIds.Count == 0)
        {
            return new Dictionary<int, ApplyState>();
        }

        var ids = callIds.Distinct().ToList();
        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => c.IsPublished && ids.Contains(c.Id))
            .Select(c => new { c.Id, c.OpensAt, c.ClosesAt, c.Eligibility, c.ConceptNoteClosesAt })
            .ToListAsync(ct);

        VerificationState? verification = null;
        var drafts = new Dictionary<int, int>();
        var submitted = new Dictionary<int, int>();
        if (reader == ApplyReader.Applicant && user!.OrganizationId is { } organizationId)
        {
            verification = await db.Organizations.AsNoTracking()
                .Where(o => o.Id == organizationId)
                .Select(o => (VerificationState?)o.Verification)
                .SingleOrDefaultAsync(ct);

            // A revision's draft belongs to the submitted application it revises, and is reached from there.
            var applications = await db.Applications.AsNoTracking().FullProposals()
                .Where(a => a.OrganizationId == organizationId && ids.Contains(a.CallId))
                .Where(a => a.Status == ApplicationStatus.Draft ? a.RevisesId == null : a.Status != ApplicationStatus.Withdrawn)
                .Select(a => new { a.Id, a.CallId, a.Status })
                .ToListAsync(ct);

            // The oldest draft is the one StartDraftAsync returns to; the latest submission is the one in force.
            foreach (var application in applications.OrderBy(a => a.Id))
            {
                if (application.Status == ApplicationStatus.Draft)
                {
                    drafts.TryAdd(application.CallId, application.Id);
                }
                else
                {
                    submitted[application.CallId] = application.Id;
                }
            }
        }

        var conceptNotes = await TwoStageStatesAsync(db, user, calls.Where(c => c.ConceptNoteClosesAt is not null).Select(c => c.Id).ToList(), ct);

        return calls.ToDictionary(
            c => c.Id,
            c =>
            {
                var draft = drafts.TryGetValue(c.Id, out var draftId) ? draftId : (int?)null;
                var twoStage = c.ConceptNoteClosesAt is { } conceptNoteClosesAt
                    ? conceptNotes.GetValueOrDefault(c.Id) ?? new TwoStageApply(conceptNoteClosesAt)
                    : null;
                var step = twoStage is null
                    ? ApplyState.Decide(now, c.OpensAt, c.ClosesAt, reader, verification, draft is not null)
                    : TwoStageApply.Decide(now, c.OpensAt, twoStage.ConceptNoteClosesAt, c.ClosesAt, reader, verification, draft is not null, twoStage.ConceptNoteId is not null);
                return new ApplyState(c.Id, step, c.OpensAt, c.ClosesAt)
                {
                    DraftId = step == ApplyStep.Continue ? draft : null,
                    SubmittedId = submitted.TryGetValue(c.Id, out var submittedId) ? submittedId : null,
                    OneApplicationOnly = c.Eligibility.OneApplicationPerOrganization,
                    TwoStage = twoStage,
                };
            });
    }

    /// <summary>The applicant's organization's concept note for each two-stage call (one query), with its deadline.</summary>
    private static async Task<Dictionary<int, TwoStageApply>> TwoStageStatesAsync(PortalDbContext db, CurrentUser? user, List<int> twoStageCallIds, CancellationToken ct)
    {
        if (twoStageCallIds.Count == 0 || user?.OrganizationId is not { } organizationId || !user.IsIn(Roles.Applicant))
        {
            return [];
        }

        var notes = await db.Applications.AsNoTracking().ConceptNotes()
            .Where(a => a.OrganizationId == organizationId && twoStageCallIds.Contains(a.CallId) && a.Status != ApplicationStatus.Withdrawn)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.CallId, a.Status, a.Shortlist, a.ShortlistReason, Deadline = a.Call!.ConceptNoteClosesAt!.Value })
            .ToListAsync(ct);
        return notes.GroupBy(n => n.CallId).ToDictionary(g => g.Key, g =>
        {
            var n = g.First();
            return new TwoStageApply(n.Deadline) { ConceptNoteId = n.Id, ConceptNoteStatus = n.Status, Decision = n.Shortlist, DecisionReason = n.ShortlistReason };
        });
    }

    /// <summary>One call's apply state; null for staff and for a call that is not published.</summary>
    public async Task<ApplyState?> ApplyStateAsync(CurrentUser? user, int callId, CancellationToken ct = default)
    {
        var states = await ApplyStatesAsync(user, [callId], ct);
        return states.GetValueOrDefault(callId);
    }
}

/// <summary>The application page: the application and, once submitted, its requests for more information.</summary>
public sealed record ApplicationPageView(ApplicationView Application, ApplicationInformation? Information);
