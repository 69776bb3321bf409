namespace GrantPortal.Core.Applications;

/// <summary>
/// Autosave: the whole form, saved as the applicant's draft. The form's version is the one the person's screen was
/// built from; if someone saved since (another tab, a colleague), the save is refused rather than overwriting their
/// work.
/// </summary>
public sealed class SaveDraft(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, IStringLocalizer<Strings> localizer)
{
    public async Task<Result<DraftSaved>> SaveDraftAsync(CurrentUser user, int id, ApplicationDraft form, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.VisibleTo(user).Include(a => a.BudgetLines).Include(a => a.IndicatorTargets).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !ApplicationAccess.IsOwner(user, application.OrganizationId))
        {
            return Result.NotFound();
        }

        if (application.Status != ApplicationStatus.Draft)
        {
            return Result.Refused(localizer["Application_NotEditable"]);
        }

        for (var i = 0; i < form.BudgetLines.Count; i++)
        {
            var amount = form.BudgetLines[i].Amount;
            if (amount.IsNegative || amount > Krw.Ceiling)
            {
                // The autosave line says why in a sentence of its own: a one-field refusal carries it as its message too.
                return Result.Invalid($"BudgetLines[{i}].Amount", localizer["Application_AmountOutOfRange", Krw.Ceiling.ForReader()]);
            }
        }

        var indicators = await IndicatorTargetRules.OfCallAsync(db, application.CallId, ct);
        if (IndicatorTargetRules.Refuse(form, indicators, localizer) is { } negativeTarget)
        {
            return Result.Invalid(negativeTarget.Field, negativeTarget.Message);
        }

        var stale = Result.Conflict(localizer["Application_StaleDraft"]);
        if (application.Version != expectedVersion)
        {
            return stale;
        }

        // The screen's version is the concurrency check, not whatever was just read.
        db.Entry(application).Property(a => a.Version).OriginalValue = expectedVersion;

        // Budget lines are replaced as a set: the form is the truth. Answers are kept only for the questions of the
        // version the draft answers.
        db.BudgetLines.RemoveRange(application.BudgetLines);
        Copy(form, application, new FieldLimits(db));
        application.Answers = AnswerRules.Clean(await FormVersions.DefinitionOfAsync(db, application.FormVersionId, ct), form.Answers);
        IndicatorTargetRules.Copy(form, application, indicators);
        var now = clock.GetCurrentInstant();
        application.MarkSaved(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return stale;
        }

        return Result.Done(new DraftSaved(application.Version, now));
    }

    private static void Copy(ApplicationDraft form, Application application, FieldLimits limits)
    {
        application.ProjectTitle = limits.Clip(form.ProjectTitle, nameof(Application.ProjectTitle));
        application.Summary = limits.Clip(form.Summary, nameof(Application.Summary));
        application.StartDate = form.StartDate;
        application.EndDate = form.EndDate;
        application.Category = form.Category;
        application.DeclarationAccepted = form.DeclarationAccepted;

        application.BudgetLines.Clear();
        var order = 0;
        foreach (var line in form.BudgetLines)
        {
            application.BudgetLines.Add(new BudgetLine
            {
                Order = order++,
                Category = line.Category,
                Item = limits.Clip(line.Item, nameof(BudgetLine.Item), typeof(BudgetLine)),
                Amount = line.Amount,
                Justification = limits.Clip(line.Justification, nameof(BudgetLine.Justification), typeof(BudgetLine)),
                IsOwnContribution = line.IsOwnContribution,
            });
        }
    }
}
