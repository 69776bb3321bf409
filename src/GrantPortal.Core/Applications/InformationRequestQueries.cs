namespace GrantPortal.Core.Applications;

/// <summary>
/// What applicants and officers read about requests for more information: an application's requests (with what can
/// reopen, for officers), an organization's open requests, and the officer's list of who has not answered yet.
/// An applicant sees only their organization's; a program officer sees all; anyone else nothing.
/// </summary>
public sealed class InformationRequestQueries(IDbContextFactory<PortalDbContext> dbFactory, IClock clock)
{
    /// <summary>An application's requests, newest first, with its current answers; null when the application is not the reader's to see.</summary>
    public async Task<ApplicationInformation?> ForApplicationAsync(CurrentUser user, int applicationId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.AsNoTracking().VisibleTo(user)
            .Include(a => a.BudgetLines)
            .Include(a => a.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.Status != ApplicationStatus.Draft, ct);
        if (application is null)
        {
            return null;
        }

        var form = await InformationRequestRules.FormOfAsync(db, application.FormVersionId, ct);
        return await OfAsync(db, user, application, form, Seoul.Today(clock), ct);
    }

    /// <summary>
    /// The requests of a submitted application the reader may see, read with its budget lines and files, answering
    /// <paramref name="form"/>: for the application page, which has read both already.
    /// </summary>
    internal static async Task<ApplicationInformation> OfAsync(PortalDbContext db, CurrentUser user, Application application, FormDefinition form, LocalDate today, CancellationToken ct)
    {
        var requests = await db.InformationRequests.AsNoTracking()
            .Where(r => r.ApplicationId == application.Id)
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .ToListAsync(ct);
        var officer = user.IsIn(Roles.ProgramOfficer);
        var views = requests.Select(r => new InformationRequestView(
            r.Id, r.Message, InformationRequestRules.Items(r.QuestionKeys, form), r.DueOn, r.RequestedAt, r.RequestedByName, r.AnsweredAt, r.Before, r.After,
            Overdue: r.IsOpen && r.DueOn < today)).ToList();
        var canRequest = officer && application.Status is (ApplicationStatus.Submitted or ApplicationStatus.UnderReview) && views.All(v => !v.IsOpen);
        return new ApplicationInformation(
            application.Id,
            views,
            ApplicationSnapshot.Of(application),
            CanRequest: canRequest,
            CanAnswer: ApplicationAccess.IsOwner(user, application.OrganizationId) && views.Any(v => v.IsOpen),
            Reopenable: canRequest ? InformationRequestRules.Reopenable(form, application.Answers) : []);
    }

    /// <summary>The open requests of the applicant's own organization, soonest due first; empty for anyone else.</summary>
    public async Task<IReadOnlyList<AwaitingInformationRow>> OpenForOrganizationAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is not { } organizationId)
        {
            return [];
        }

        return await ListAsync(r => r.Application!.OrganizationId == organizationId, ct);
    }

    /// <summary>For program officers: every request not answered yet, overdue first, then by due date; empty for anyone else.</summary>
    public async Task<IReadOnlyList<AwaitingInformationRow>> AwaitingAnswerAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsIn(Roles.ProgramOfficer) ? await ListAsync(_ => true, ct) : [];
    }

    private async Task<IReadOnlyList<AwaitingInformationRow>> ListAsync(System.Linq.Expressions.Expression<Func<InformationRequest, bool>> whose, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Seoul.Today(clock);

        // Ordered by due date, the overdue ones (due before today) come first by themselves.
        var rows = await db.InformationRequests.AsNoTracking()
            .Where(r => r.AnsweredAt == null)
            .Where(whose)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.ApplicationId,
                r.Application!.ReceiptNumber,
                r.Application.ProjectTitle,
                r.Application.Organization!.NameKorean,
                r.Application.Organization.Name,
                r.Message,
                r.DueOn,
                r.RequestedAt,
            })
            .ToListAsync(ct);
        return rows.Select(r => new AwaitingInformationRow(
            r.Id, r.ApplicationId, r.ReceiptNumber ?? "", r.ProjectTitle, new OrganizationName(r.NameKorean, r.Name), r.Message, r.DueOn, r.RequestedAt, r.DueOn < today)).ToList();
    }
}

/// <summary>An application's requests for more information, and what its reader may do about them.</summary>
public sealed record ApplicationInformation(
    int ApplicationId,
    IReadOnlyList<InformationRequestView> Requests,
    ApplicationSnapshot Current,
    bool CanRequest,
    bool CanAnswer,
    IReadOnlyList<ReopenedItem> Reopenable)
{
    public InformationRequestView? Open => Requests.FirstOrDefault(r => r.IsOpen);
}

public sealed record InformationRequestView(
    int Id,
    string Message,
    IReadOnlyList<ReopenedItem> Items,
    LocalDate DueOn,
    Instant RequestedAt,
    string RequestedByName,
    Instant? AnsweredAt,
    ApplicationSnapshot Before,
    ApplicationSnapshot After,
    bool Overdue)
{
    public bool IsOpen => AnsweredAt is null;
}

/// <summary>A request still waiting for its answer.</summary>
public sealed record AwaitingInformationRow(
    int RequestId,
    int ApplicationId,
    string ReceiptNumber,
    string ProjectTitle,
    OrganizationName OrganizationName,
    string Message,
    LocalDate DueOn,
    Instant RequestedAt,
    bool Overdue);
