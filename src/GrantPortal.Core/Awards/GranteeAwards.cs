namespace GrantPortal.Core.Awards;

/// <summary>The report a grantee has to write next for an award: the earliest one not yet handed in or approved.</summary>
public sealed record NextReport(int Id, ReportKind Kind, LocalDate DueOn, ReportStatus Status);

/// <summary>One of an organization's awards as its own staff follow it: money so far and the next report.</summary>
public sealed record GranteeAward(
    int Id,
    int ApplicationId,
    string ProjectTitle,
    int Year,
    string CallCode,
    string CallTitleKorean,
    string CallTitleEnglish,
    AwardStatus Status,
    Krw Amount,
    Krw Paid,
    NextReport? NextReport)
{
    public string CallTitle(string language) => language == "en" ? CallTitleEnglish : CallTitleKorean;
}

/// <summary>An organization's own awards, as its staff follow them.</summary>
public sealed class GranteeAwards(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>
    /// The caller's own organization's awards, newest first. Only an applicant gets any, and only their
    /// organization's: another organization's award is not in the list, as if it did not exist.
    /// </summary>
    public async Task<IReadOnlyList<GranteeAward>> ListForOrganizationAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is not { } organizationId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var awards = await db.Awards.AsNoTracking()
            .Where(a => a.OrganizationId == organizationId)
            .Select(a => new
            {
                a.Id,
                a.ApplicationId,
                a.Application!.ProjectTitle,
                a.Application.Call!.BudgetYear!.Year,
                a.Application.Call.Code,
                a.Application.Call.TitleKorean,
                a.Application.Call.TitleEnglish,
                a.Status,
                a.Amount,
                a.AwardedAt,
                Paid = db.Payments.Where(p => p.AwardId == a.Id && p.Status == PaymentStatus.Paid).Sum(p => (long)p.Amount),
            })
            .ToListAsync(ct);

        // Reports the grantee still owes: neither handed in (the officer has them) nor approved.
        var awardIds = awards.Select(a => a.Id).ToList();
        var owed = await db.ProjectReports.AsNoTracking()
            .Where(r => awardIds.Contains(r.AwardId) && r.Status != ReportStatus.Submitted && r.Status != ReportStatus.Approved)
            .Select(r => new { r.Id, r.AwardId, r.Kind, r.DueOn, r.Status })
            .ToListAsync(ct);
        var next = owed.GroupBy(r => r.AwardId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.DueOn).ThenBy(r => r.Id).Select(r => new NextReport(r.Id, r.Kind, r.DueOn, r.Status)).First());

        return awards
            .OrderByDescending(a => a.AwardedAt.ToUnixTimeTicks()).ThenByDescending(a => a.Id)
            .Select(a => new GranteeAward(
                a.Id, a.ApplicationId, a.ProjectTitle, a.Year, a.Code, a.TitleKorean, a.TitleEnglish, a.Status, a.Amount, new Krw(a.Paid),
                a.Status == AwardStatus.Cancelled ? null : next.GetValueOrDefault(a.Id)))
            .ToList();
    }
}
