namespace GrantPortal.Core.Applications;

/// <summary>
/// Saves a concept note's draft: title, summary and answers. Like the application's autosave, it saves only on the
/// version the screen was built from, so a second tab never overwrites the first one's work.
/// </summary>
public sealed class SaveConceptNote(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, IStringLocalizer<Strings> localizer)
{
    public async Task<Result<DraftSaved>> SaveAsync(CurrentUser user, int id, ConceptNoteDraft draft, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var conceptNote = await db.Applications.ConceptNotes().VisibleTo(user).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (conceptNote is null || !ApplicationAccess.IsOwner(user, conceptNote.OrganizationId))
        {
            return Result.NotFound();
        }

        if (conceptNote.Status != ApplicationStatus.Draft)
        {
            return Result.Refused(localizer["Application_NotEditable"]);
        }

        var stale = Result.Conflict(localizer["Application_StaleDraft"]);
        if (conceptNote.Version != expectedVersion)
        {
            return stale;
        }

        db.Entry(conceptNote).Property(a => a.Version).OriginalValue = expectedVersion;
        var limits = new FieldLimits(db);
        conceptNote.ProjectTitle = limits.Clip(draft.ProjectTitle, nameof(Application.ProjectTitle));
        conceptNote.Summary = limits.Clip(draft.Summary, nameof(Application.Summary));

        // Stored as a full proposal's draft answers are: only the questions of the version it answers, trimmed.
        var form = await FormVersions.DefinitionOfAsync(db, conceptNote.FormVersionId, FormStage.ConceptNote, ct);
        conceptNote.Answers = AnswerRules.Clean(form, draft.Answers);
        var now = clock.GetCurrentInstant();
        conceptNote.MarkSaved(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return stale;
        }

        return Result.Done(new DraftSaved(conceptNote.Version, now));
    }
}
