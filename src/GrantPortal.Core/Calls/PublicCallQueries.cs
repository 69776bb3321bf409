namespace GrantPortal.Core.Calls;

/// <summary>
/// One published call as the public API gives it: what anyone may read on the call's page, without descriptions,
/// rubric or anything about who applied. Amounts are whole won; moments are in Seoul time with their offset.
/// </summary>
/// <param name="Id">The call's number, as in its page address.</param>
/// <param name="Code">The short code used in receipt numbers, e.g. NKHR.</param>
/// <param name="Year">The budget year the call spends.</param>
/// <param name="TitleKorean">The title in Korean.</param>
/// <param name="TitleEnglish">The title in English.</param>
/// <param name="Currency">Always KRW.</param>
/// <param name="Envelope">What the call may award in all, in won.</param>
/// <param name="MinimumRequest">The least one application may ask for, in won.</param>
/// <param name="MaximumRequest">The most one application may ask for, in won.</param>
/// <param name="OpensAt">The first moment applications are taken (Asia/Seoul, e.g. 2026-03-02T09:00:00+09:00).</param>
/// <param name="ClosesAt">The last moment applications are taken (Asia/Seoul).</param>
/// <param name="ConceptNotesCloseAt">A two-stage call's concept-note deadline (Asia/Seoul); null for a one-stage call.</param>
/// <param name="Categories">The kinds of project the call funds: CapacityBuilding, CultureAndArts, ResearchAndDocumentation, ConferencesAndAdvocacy, Other.</param>
/// <param name="Recommendations">The UN Commission of Inquiry recommendation codes the call serves.</param>
/// <param name="Url">The call's public page.</param>
public sealed record PublicCall(
    int Id,
    string Code,
    int Year,
    string TitleKorean,
    string TitleEnglish,
    string Currency,
    long Envelope,
    long MinimumRequest,
    long MaximumRequest,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    DateTimeOffset? ConceptNotesCloseAt,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Recommendations,
    Uri Url);

/// <summary>
/// The published calls for the public API: every published call of every year (a draft or withdrawn call never), newest
/// opening first. Reads no personal data. The caller gives the portal's address the page links start from.
/// </summary>
public sealed class PublicCallQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The published calls, of one budget year when <paramref name="year"/> is given.</summary>
    public async Task<IReadOnlyList<PublicCall>> ListAsync(string portalAddress, int? year, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = Published(db);
        if (year is { } budgetYear)
        {
            calls = calls.Where(c => c.BudgetYear!.Year == budgetYear);
        }

        var rows = await Project(calls).ToListAsync(ct);

        // A handful of calls a year: ordered here, the same on every provider (SQLite keeps instants as text).
        return rows.Select(row => ToPublic(row, portalAddress))
            .OrderByDescending(c => c.OpensAt).ThenBy(c => c.Id)
            .ToList();
    }

    /// <summary>One published call; null when there is none with this id or it is not published.</summary>
    public async Task<PublicCall?> GetAsync(string portalAddress, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Project(Published(db).Where(c => c.Id == id)).SingleOrDefaultAsync(ct);
        return row is null ? null : ToPublic(row, portalAddress);
    }

    private static IQueryable<Call> Published(PortalDbContext db) => db.Calls.AsNoTracking().Where(c => c.IsPublished);

    private static IQueryable<CallRow> Project(IQueryable<Call> calls) =>
        calls.Select(c => new CallRow(
            c.Id, c.Code, c.BudgetYear!.Year, c.TitleKorean, c.TitleEnglish, c.Envelope, c.MinimumRequest, c.MaximumRequest,
            c.OpensAt, c.ClosesAt, c.ConceptNoteClosesAt, c.Categories,
            c.Recommendations.Select(r => r.Recommendation!.Code).ToList()));

    private static PublicCall ToPublic(CallRow row, string portalAddress) => new(
        row.Id,
        row.Code,
        row.Year,
        row.TitleKorean,
        row.TitleEnglish,
        "KRW",
        row.Envelope.Won,
        row.MinimumRequest.Won,
        row.MaximumRequest.Won,
        InSeoul(row.OpensAt),
        InSeoul(row.ClosesAt),
        row.ConceptNoteClosesAt is { } conceptNotes ? InSeoul(conceptNotes) : null,
        Enum.GetValues<ProjectCategories>()
            .Where(category => category is not ProjectCategories.None and not ProjectCategories.All && row.Categories.HasFlag(category))
            .Select(category => category.ToString())
            .ToList(),
        row.Recommendations.Order(StringComparer.Ordinal).ToList(),
        new Uri(portalAddress.TrimEnd('/') + PortalPaths.Call(row.Id), UriKind.Absolute));

    /// <summary>The moment as Seoul's clocks show it, so the offset (+09:00) travels with it.</summary>
    private static DateTimeOffset InSeoul(Instant instant) => instant.InZone(Seoul.Zone).ToDateTimeOffset();

    private sealed record CallRow(
        int Id,
        string Code,
        int Year,
        string TitleKorean,
        string TitleEnglish,
        Krw Envelope,
        Krw MinimumRequest,
        Krw MaximumRequest,
        Instant OpensAt,
        Instant ClosesAt,
        Instant? ConceptNoteClosesAt,
        ProjectCategories Categories,
        List<string> Recommendations);
}
