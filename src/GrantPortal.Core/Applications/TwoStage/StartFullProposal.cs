namespace GrantPortal.Core.Applications;

/// <summary>
/// "Write the full proposal" for an invited concept note: the organization's applicant starts the full proposal,
/// prefilled from the concept note (title, summary and the answers whose keys the full form asks too), or returns to
/// the one already begun. Only an invited concept note leads here, and only while the call takes full proposals.
/// The value is the full proposal's id.
/// </summary>
public sealed class StartFullProposal(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<StartFullProposal> logger)
{
    public async Task<Result<int>> StartAsync(CurrentUser user, int conceptNoteId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.FindOwnedAsync(user, conceptNoteId, ct) is not { } target)
        {
            return Result.NotFound();
        }

        var created = false;
        var result = await db.InTransactionAsync<Result<int>>(RowLock.On<Call>(target.CallId), async () =>
        {
            created = false;
            var now = clock.GetCurrentInstant();
            var conceptNote = await db.Applications.AsNoTracking().Include(a => a.Call).SingleAsync(a => a.Id == conceptNoteId, ct);
            var existing = await db.Applications.FullProposals()
                .Where(a => a.ConceptNoteId == conceptNoteId && a.RevisesId == null && a.Status != ApplicationStatus.Withdrawn)
                .OrderBy(a => a.Id)
                .Select(a => (int?)a.Id)
                .FirstOrDefaultAsync(ct);
            if (existing is { } existingId)
            {
                return Result.Done(existingId);
            }

            if (TwoStageRules.WhyNoFullProposal(conceptNote.Stage, conceptNote.Status, conceptNote.Shortlist, conceptNote.Call!, now) is { } why)
            {
                return Result.Refused(localizer[why, Seoul.Format(conceptNote.Call!.ClosesAt)]);
            }

            var (versionId, form) = await FormVersions.CurrentAsync(db, conceptNote.CallId, FormStage.Full, ct);
            var answered = await FormVersions.DefinitionOfAsync(db, conceptNote.FormVersionId, FormStage.ConceptNote, ct);
            var proposal = Application.StartFullProposal(conceptNote, user.UserId, now, TwoStageRules.PrefilledKeys(answered, form));
            proposal.FormVersionId = versionId;
            db.Applications.Add(proposal);
            await db.SaveChangesAsync(ct);
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "application.draft-started", nameof(Application),
                proposal.Id.ToString(CultureInfo.InvariantCulture),
                after: JsonSerializer.Serialize(new { conceptNote.CallId, conceptNote.OrganizationId, ConceptNoteId = conceptNoteId })));
            await db.SaveChangesAsync(ct);
            created = true;
            return Result.Done(proposal.Id);
        }, ct);

        if (created)
        {
            logger.LogInformation("Full proposal {ApplicationId} started from concept note {ConceptNoteId}", result.Value, conceptNoteId);
        }

        return result;
    }
}
