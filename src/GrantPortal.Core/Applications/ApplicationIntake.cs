namespace GrantPortal.Core.Applications;

/// <summary>
/// The program officer's intake of submitted applications: filter choices, one page at a time, and the CSV and Excel export.
/// Anyone who is not a program officer gets nothing.
/// </summary>
public sealed class ApplicationIntake(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Strings> localizer)
{
    private static readonly string[] Headers = ["Receipt", "Title", "Organization", "Organization (Korean)", "Call", "Category", "Status", "SubmittedAt (KST)", "RequestedTotal (KRW)", "ProjectTotal (KRW)"];

    /// <summary>The intake's filter choices: every call (latest deadline first) and organization; null for non-officers.</summary>
    public async Task<IntakeFilters?> ListIntakeFiltersAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = await db.Calls.AsNoTracking().OrderByDescending(c => c.ClosesAt).Select(c => new IntakeChoice(c.Id, c.Code)).ToListAsync(ct);
        var organizations = (await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.NameKorean, o.Name }).ToListAsync(ct))
            .Select(o => new IntakeChoice(o.Id, new OrganizationName(o.NameKorean, o.Name).ToString()))
            .OrderBy(o => o.Label, StringComparer.CurrentCulture)
            .ToList();
        return new IntakeFilters(calls, organizations);
    }

    /// <summary>
    /// The program officer's intake: submitted applications (drafts are the applicant's own work), one page at a
    /// time, with counts by status over the same filters. Null for anyone who is not a program officer. Two SQL
    /// commands per page: the counts, and the page (whose rows say in a subquery whether more information is awaited).
    /// </summary>
    public async Task<IntakePage?> SearchAsync(CurrentUser user, ApplicationQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db.Applications.AsNoTracking(), db.InformationRequests, query, includeStatus: false, db.Database.IsNpgsql());
        var counts = await filtered.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var matching = query.Status is { } status ? filtered.Where(a => a.Status == status) : filtered;
        var total = query.Status is { } s ? counts.GetValueOrDefault(s) : counts.Values.Sum();
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(query.Page, 0);
        // The page's ids are chosen inside the command from the intake index alone; only those rows are then read,
        // whose answers (a JSON column) make every row large. Still one command: the ids are a subquery.
        var pageIds = Sort(matching, query).Select(a => a.Id).Skip(page * pageSize).Take(pageSize);
        var rows = await Project(Sort(db.Applications.AsNoTracking().Where(a => pageIds.Contains(a.Id)), query), db.InformationRequests).ToListAsync(ct);
        return new IntakePage(rows.Select(ToRow).ToList(), total, counts);
    }

    /// <summary>The intake matching <paramref name="query"/> as CSV (see <see cref="ExportAsync"/>).</summary>
    public Task<bool> ExportCsvAsync(CurrentUser user, ApplicationQuery query, Stream output, CancellationToken ct = default) =>
        ExportAsync(user, query, ExportFormat.Csv, output, ct);

    /// <summary>
    /// Writes the intake matching <paramref name="query"/> row by row, as CSV (UTF-8 with a byte order mark, so Excel
    /// reads Korean) or as an Excel workbook. When a call is chosen, a column follows per question of its newest full
    /// form (header in the reader's language; answers as readers see them, matched by key whatever version they
    /// answered; a file question as its number of files). In the workbook, totals, amounts, whole numbers and file
    /// counts are numbers; times and dates are text as in CSV, like the finance exports. Returns false, writing
    /// nothing, for anyone who is not a program officer.
    /// </summary>
    public async Task<bool> ExportAsync(CurrentUser user, ApplicationQuery query, ExportFormat format, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(output);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = Filter(db.Applications.AsNoTracking(), db.InformationRequests, query, includeStatus: true, db.Database.IsNpgsql());
        var questions = query.CallId is { } callId ? (await NewestFullFormAsync(db, callId, ct)).Questions.ToList() : [];
        var language = Languages.Current;
        var rows = ExportRows(Sort(matching, query), db.InformationRequests, questions, ct)
            .Select(r => Cells(ToRow(r.Row), questions.Select(q => Answer(q, r.Answers, r.FileKeys, language))));
        await TableExport.WriteAsync(format, "Applications", [.. Headers, .. questions.Select(q => q.Label(language))], rows, output, ct);
        return true;
    }

    private static ExportCell[] Cells(IntakeRow row, IEnumerable<ExportCell> answers) =>
    [
        row.ReceiptNumber ?? "",
        row.ProjectTitle,
        row.OrganizationName.In(Languages.English),
        row.OrganizationName.Korean,
        row.CallCode,
        row.Category.ToString(),
        row.Status.ToString(),
        row.SubmittedAt is { } at ? Seoul.FormatWithSeconds(at) : "",
        row.RequestedTotal.Won,
        row.ProjectTotal.Won,
        .. answers,
    ];

    /// <summary>An answer as its reader sees it; a number too when it is one, so that a spreadsheet can sum it.</summary>
    private ExportCell Answer(Question question, IReadOnlyDictionary<string, string> answers, IReadOnlyList<string> fileKeys, string language)
    {
        if (question.Type == QuestionType.File)
        {
            return fileKeys.Count(k => k == question.Key);
        }

        var answer = answers.GetValueOrDefault(question.Key);
        var shown = AnswerFormat.Display(question, answer, language, localizer);
        return question.Type is QuestionType.Amount or QuestionType.WholeNumber && AnswerFormat.ReadNumber(answer) is { } number
            ? new ExportCell(shown, number)
            : shown;
    }

    private static async Task<FormDefinition> NewestFullFormAsync(PortalDbContext db, int callId, CancellationToken ct) =>
        (await FormVersions.NewestAsync(db, callId, FormStage.Full, ct))?.Definition ?? FormDefinition.Empty;

    /// <summary>
    /// The export's rows as the database sends them, one at a time. Answers come with their row (a JSON column); the
    /// keys of files answering questions only when the form has a file question, in the same command.
    /// </summary>
    private static async IAsyncEnumerable<(IntakeProjection Row, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<string> FileKeys)> ExportRows(
        IQueryable<Application> applications, IQueryable<InformationRequest> requests, List<Question> questions,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        if (questions.Count == 0)
        {
            await foreach (var row in Project(applications, requests).AsAsyncEnumerable().WithCancellation(ct))
            {
                yield return (row, new Dictionary<string, string>(), []);
            }

            yield break;
        }

        if (!questions.Any(q => q.Type == QuestionType.File))
        {
            var rows = applications.Select(a => new
            {
                Row = new IntakeProjection(
                    a.Id, a.ProjectTitle, a.Organization!.NameKorean, a.Organization.Name, a.Call!.Code, a.Category, a.Status, a.ReceiptNumber, a.SubmittedAt,
                    a.BudgetLines.Where(l => !l.IsOwnContribution).Sum(l => (long)l.Amount), a.BudgetLines.Sum(l => (long)l.Amount), null),
                a.Answers,
            });
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                yield return (row.Row, row.Answers, []);
            }

            yield break;
        }

        // File questions count the application's files under their key: one collection in the same command.
        var withFiles = applications.Select(a => new
        {
            Row = new IntakeProjection(
                a.Id, a.ProjectTitle, a.Organization!.NameKorean, a.Organization.Name, a.Call!.Code, a.Category, a.Status, a.ReceiptNumber, a.SubmittedAt,
                a.BudgetLines.Where(l => !l.IsOwnContribution).Sum(l => (long)l.Amount), a.BudgetLines.Sum(l => (long)l.Amount), null),
            a.Answers,
            Files = a.Attachments.Where(f => f.QuestionKey != null).Select(f => f.QuestionKey!).ToList(),
        });
        await foreach (var row in withFiles.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return (row.Row, row.Answers, row.Files);
        }
    }

    private static IQueryable<Application> Filter(
        IQueryable<Application> applications, IQueryable<InformationRequest> requests, ApplicationQuery query, bool includeStatus, bool caseInsensitiveLike)
    {
        var result = applications.FullProposals().Where(a => a.Status != ApplicationStatus.Draft);
        if (query.AwaitingInformation)
        {
            result = result.Where(a => requests.Any(r => r.ApplicationId == a.Id && r.AnsweredAt == null));
        }

        if (query.CallId is { } callId)
        {
            result = result.Where(a => a.CallId == callId);
        }

        if (includeStatus && query.Status is { } status)
        {
            result = result.Where(a => a.Status == status);
        }

        if (query.Category is { } category && category != ProjectCategories.None)
        {
            result = result.Where(a => a.Category == category);
        }

        if (query.OrganizationId is { } organizationId)
        {
            result = result.Where(a => a.OrganizationId == organizationId);
        }

        if (!string.IsNullOrWhiteSpace(query.TitleSearch))
        {
            // SQLite and SQL Server's default collation compare Latin letters case-insensitively; PostgreSQL needs ILIKE.
            var pattern = "%" + EscapeLike(query.TitleSearch.Trim()) + "%";
            result = caseInsensitiveLike
                ? result.Where(a => EF.Functions.ILike(a.ProjectTitle, pattern, "\\"))
                : result.Where(a => EF.Functions.Like(a.ProjectTitle, pattern, "\\"));
        }

        return result;
    }

    /// <summary>What people type is searched for literally: % and _ are not wildcards.</summary>
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);

    private static IQueryable<Application> Sort(IQueryable<Application> applications, ApplicationQuery query)
    {
        var sorted = (query.Sort, query.Descending) switch
        {
            (ApplicationSort.Title, false) => applications.OrderBy(a => a.ProjectTitle),
            (ApplicationSort.Title, true) => applications.OrderByDescending(a => a.ProjectTitle),
            (ApplicationSort.Organization, false) => applications.OrderBy(ShownOrganizationName()),
            (ApplicationSort.Organization, true) => applications.OrderByDescending(ShownOrganizationName()),
            (ApplicationSort.RequestedTotal, false) => applications.OrderBy(a => a.BudgetLines.Where(l => !l.IsOwnContribution).Sum(l => (long)l.Amount)),
            (ApplicationSort.RequestedTotal, true) => applications.OrderByDescending(a => a.BudgetLines.Where(l => !l.IsOwnContribution).Sum(l => (long)l.Amount)),
            (ApplicationSort.Status, false) => applications.OrderBy(a => a.Status),
            (ApplicationSort.Status, true) => applications.OrderByDescending(a => a.Status),
            (_, false) => applications.OrderBy(a => a.SubmittedAt),
            (_, true) => applications.OrderByDescending(a => a.SubmittedAt),
        };
        return sorted.ThenBy(a => a.Id);
    }

    /// <summary>Sorting by organization follows the name the reader sees (<see cref="OrganizationName"/>), in SQL.</summary>
    private static System.Linq.Expressions.Expression<Func<Application, string>> ShownOrganizationName() =>
        OrganizationName.IsKoreanReader
            ? a => a.Organization!.NameKorean != "" ? a.Organization.NameKorean : a.Organization.Name
            : a => a.Organization!.Name != "" ? a.Organization.Name : a.Organization.NameKorean;

    private static IQueryable<IntakeProjection> Project(IQueryable<Application> applications, IQueryable<InformationRequest> requests) =>
        applications.Select(a => new IntakeProjection(
            a.Id,
            a.ProjectTitle,
            a.Organization!.NameKorean,
            a.Organization.Name,
            a.Call!.Code,
            a.Category,
            a.Status,
            a.ReceiptNumber,
            a.SubmittedAt,
            a.BudgetLines.Where(l => !l.IsOwnContribution).Sum(l => (long)l.Amount),
            a.BudgetLines.Sum(l => (long)l.Amount),
            requests.Where(r => r.ApplicationId == a.Id && r.AnsweredAt == null).Select(r => (LocalDate?)r.DueOn).FirstOrDefault()));

    private static IntakeRow ToRow(IntakeProjection p) =>
        new(p.Id, p.ProjectTitle, new OrganizationName(p.OrganizationNameKorean, p.OrganizationNameEnglish), p.CallCode, p.Category, p.Status, p.ReceiptNumber, p.SubmittedAt, new Krw(p.Total))
        {
            ProjectTotal = new Krw(p.ProjectTotal),
            AwaitingInformationDueOn = p.InformationDueOn,
        };

    private sealed record IntakeProjection(
        int Id,
        string ProjectTitle,
        string OrganizationNameKorean,
        string OrganizationNameEnglish,
        string CallCode,
        ProjectCategories Category,
        ApplicationStatus Status,
        string? ReceiptNumber,
        NodaTime.Instant? SubmittedAt,
        long Total,
        long ProjectTotal,
        LocalDate? InformationDueOn);
}

/// <summary>One choice in an intake filter: a call by its code, an organization by its name.</summary>
public sealed record IntakeChoice(int Id, string Label);

public sealed record IntakeFilters(IReadOnlyList<IntakeChoice> Calls, IReadOnlyList<IntakeChoice> Organizations);

/// <summary>RFC 4180 lines that spreadsheet programs cannot turn into formulas.</summary>
public static class Csv
{
    public static string Line(IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return string.Join(',', cells.Select(Cell));
    }

    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // OWASP CSV injection: a leading = + - @ (or tab, carriage return) makes Excel evaluate the cell.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
