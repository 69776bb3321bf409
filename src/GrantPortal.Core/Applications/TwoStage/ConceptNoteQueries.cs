namespace GrantPortal.Core.Applications;

/// <summary>
/// Reading concept notes: one as its organization or an officer reads it, a call's shortlist (officers only) and an
/// organization's own concept notes with their decisions (its applicants only). Anyone else reads nothing.
/// </summary>
public sealed class ConceptNoteQueries(IDbContextFactory<PortalDbContext> dbFactory, IClock clock)
{
    /// <summary>
    /// One concept note; null when it is not the reader's to see. A draft its owner opens moves first to the newest
    /// version of the call's concept-note form, as a full proposal's draft does.
    /// </summary>
    public async Task<ConceptNoteView?> GetAsync(CurrentUser user, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var newRequired = await MoveDraftToNewestFormAsync(user, id, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var note = await db.Applications.AsNoTracking().ConceptNotes().VisibleTo(user)
            .Include(a => a.Call)
            .Include(a => a.Organization)
            .Include(a => a.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (note is null)
        {
            return null;
        }

        var call = note.Call!;
        var form = await FormVersions.DefinitionOfAsync(db, note.FormVersionId, FormStage.ConceptNote, ct);
        var fullProposal = await db.Applications.AsNoTracking().FullProposals()
            .Where(a => a.ConceptNoteId == id && a.Status != ApplicationStatus.Withdrawn)
            .OrderByDescending(a => a.Id)
            .Select(a => (int?)a.Id)
            .FirstOrDefaultAsync(ct);
        var isOwner = ApplicationAccess.IsOwner(user, note.OrganizationId);
        var now = clock.GetCurrentInstant();
        return new ConceptNoteView(
            note.Id,
            call.Id,
            call.Code,
            call.TitleKorean,
            call.TitleEnglish,
            call.ConceptNoteClosesAt ?? call.ClosesAt,
            call.ClosesAt,
            new OrganizationName(note.Organization?.NameKorean ?? "", note.Organization?.Name ?? ""),
            note.Status,
            note.ReceiptNumber,
            note.SubmittedAt,
            note.Version,
            new ConceptNoteDraft { ProjectTitle = note.ProjectTitle, Summary = note.Summary, Answers = new Dictionary<string, string>(note.Answers) },
            form,
            note.Shortlist,
            note.ShortlistReason,
            CanEdit: isOwner && note.Status == ApplicationStatus.Draft)
        {
            FullProposalId = fullProposal,
            CanStartFullProposal = isOwner && fullProposal is null && TwoStageRules.WhyNoFullProposal(note.Stage, note.Status, note.Shortlist, call, now) is null,
            Attachments = note.Attachments.Where(f => f.ApplicationId == note.Id).OrderBy(f => f.Id).Select(AttachmentView.From).ToList(),
            NewRequiredQuestions = newRequired.Select(q => q.Label(Languages.Current)).ToList(),
        };
    }

    /// <summary>The owner's draft moves to the newest form of its stage (<see cref="FormVersions.MoveDraftToNewestAsync"/>); anyone else's stays.</summary>
    private async Task<IReadOnlyList<Question>> MoveDraftToNewestFormAsync(CurrentUser user, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.Applications.ConceptNotes().VisibleTo(user).SingleOrDefaultAsync(a => a.Id == id && a.Status == ApplicationStatus.Draft, ct);
        return draft is null || !ApplicationAccess.IsOwner(user, draft.OrganizationId) ? [] : await FormVersions.MoveDraftToNewestAsync(db, draft, ct);
    }

    /// <summary>A two-stage call's submitted concept notes for a program officer; null for anyone else or another call.</summary>
    public async Task<Shortlist?> ShortlistAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId)
            .Select(c => new { c.Id, c.Code, c.TitleKorean, c.TitleEnglish, c.ConceptNoteClosesAt, c.ClosesAt })
            .SingleOrDefaultAsync(ct);
        if (call is null)
        {
            return null;
        }

        var notes = await db.Applications.AsNoTracking().ConceptNotes()
            .Where(a => a.CallId == callId && a.Status == ApplicationStatus.Submitted)
            .Select(a => new
            {
                a.Id, a.ReceiptNumber, a.ProjectTitle, a.Organization!.NameKorean, a.Organization.Name, a.SubmittedAt, a.Answers,
                a.Shortlist, a.ShortlistReason, a.ShortlistedAt,
            })
            .ToListAsync(ct);
        var rows = notes
            .OrderBy(n => n.Shortlist is null ? 0 : 1).ThenBy(n => n.ReceiptNumber, StringComparer.Ordinal)
            .Select(n => new ShortlistRow(n.Id, n.ReceiptNumber, n.ProjectTitle, new OrganizationName(n.NameKorean, n.Name), n.SubmittedAt,
                n.Answers.GetValueOrDefault(ConceptNoteForm.EstimatedRequest), n.Shortlist, n.ShortlistReason, n.ShortlistedAt))
            .ToList();
        return new Shortlist(call.Id, call.Code, call.TitleKorean, call.TitleEnglish, call.ConceptNoteClosesAt ?? call.ClosesAt, call.ClosesAt, rows);
    }

    /// <summary>The applicant's organization's concept notes, newest first, with the decisions; empty for anyone else.</summary>
    public async Task<IReadOnlyList<OrganizationConceptNoteRow>> ListForOrganizationAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is not { } organizationId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Applications.AsNoTracking().ConceptNotes()
            .Where(a => a.OrganizationId == organizationId && a.Status != ApplicationStatus.Withdrawn)
            .OrderByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id, a.ProjectTitle, a.Call!.TitleKorean, a.Call.TitleEnglish, a.Status, a.ReceiptNumber, a.Shortlist, a.ShortlistReason, a.Call.ClosesAt,
                FullProposalId = db.Applications.Where(p => p.ConceptNoteId == a.Id && p.Status != ApplicationStatus.Withdrawn).Select(p => (int?)p.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new OrganizationConceptNoteRow(r.Id, r.ProjectTitle, r.TitleKorean, r.TitleEnglish, r.Status, r.ReceiptNumber, r.Shortlist, r.ShortlistReason, r.ClosesAt)
        {
            FullProposalId = r.FullProposalId,
        }).ToList();
    }
}
