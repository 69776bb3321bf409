namespace GrantPortal.Core.Awards;

/// <summary>What requesting and deciding a change share: the award as the change sees it, the words for a change, its mail.</summary>
public sealed class ChangeRules(OrganizationMail organizationMail, PortalLinks links, IStringLocalizer<Strings> localizer)
{
    public const int ReasonLength = 2000;
    public const int ActivitiesLength = 4000;

    /// <summary>The award under its lock, with what a change is checked against.</summary>
    public sealed record AwardForChange(int Id, int OrganizationId, AwardStatus Status, string ProjectTitle, string AwardedById, int CallId, BudgetRules Rules, IReadOnlyList<BudgetLineDraft> OwnContribution);

    public static async Task<AwardForChange?> ReadAsync(PortalDbContext db, int awardId, CancellationToken ct)
    {
        var award = await db.Awards.AsNoTracking().Where(a => a.Id == awardId)
            .Select(a => new { a.Id, a.OrganizationId, a.Status, a.Application!.ProjectTitle, a.AwardedById, a.CallId, a.ApplicationId, a.Application.Call!.BudgetRules })
            .SingleOrDefaultAsync(ct);
        if (award is null)
        {
            return null;
        }

        var own = await db.BudgetLines.AsNoTracking().Where(l => l.ApplicationId == award.ApplicationId && l.IsOwnContribution)
            .Select(l => new BudgetLineDraft { Category = l.Category, Item = l.Item, Amount = l.Amount, IsOwnContribution = true })
            .ToListAsync(ct);
        return new AwardForChange(award.Id, award.OrganizationId, award.Status, award.ProjectTitle, award.AwardedById, award.CallId, award.BudgetRules, own);
    }

    /// <summary>The change in one line, in the current language: "₩1,000,000 from Venue to Activities", "period 2024-05-01 – 2024-12-31".</summary>
    public string Describe(ChangeRequest request, ProjectPlan plan)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        return request.Kind switch
        {
            ChangeKind.BudgetMove => localizer["Changes_DescribeMove", request.Amount.ForReader(),
                plan.Line(request.FromBudgetLineId ?? 0)?.Item ?? "", plan.Line(request.ToBudgetLineId ?? 0)?.Item ?? ""].Value,
            ChangeKind.Period => localizer["Changes_DescribePeriod", AwardRules.Day(request.StartDate!.Value), AwardRules.Day(request.EndDate!.Value)].Value,
            _ => localizer["Changes_DescribeActivities"].Value,
        };
    }

    /// <summary>Tells the officer who made the award that a change was asked for (or, for a notice, made).</summary>
    public async Task TellOfficerAsync(PortalDbContext db, AwardForChange award, ChangeRequest request, ProjectPlan plan, Instant now, CancellationToken ct)
    {
        var officer = await db.Users.AsNoTracking()
            .Where(u => u.Id == award.AwardedById && u.Email != null && u.RemovedAt == null)
            .Select(u => new { u.DisplayName, u.Email, u.PreferredLanguage })
            .SingleOrDefaultAsync(ct);
        if (officer is null)
        {
            return;
        }

        var to = new MailRecipient(officer.DisplayName, officer.Email!, Languages.Normalize(officer.PreferredLanguage));
        var state = request.Status == ChangeStatus.Noted ? "Noted" : "Requested";
        MailOutbox.Add(db, now, MailPurposes.ChangeRequested, to, () => (
            localizer["Changes_Mail" + state + "Subject", award.ProjectTitle].Value,
            localizer["Changes_Mail" + state + "Body", to.DisplayName, award.ProjectTitle, Describe(request, plan), request.Reason, links.To(PortalPaths.Award(award.Id))].Value));
    }

    /// <summary>Tells the grantee's people what became of their request: in effect as a notice, approved or refused.</summary>
    public Task TellGranteeAsync(PortalDbContext db, AwardForChange award, ChangeRequest request, ProjectPlan plan, CancellationToken ct)
    {
        var state = request.Status.ToString();
        return organizationMail.QueueAsync(db, award.OrganizationId, MailPurposes.ChangeDecided, member => (
            localizer["Changes_Mail" + state + "GranteeSubject", award.ProjectTitle].Value,
            localizer["Changes_Mail" + state + "GranteeBody", member.DisplayName, award.ProjectTitle, Describe(request, plan),
                request.DecisionReason ?? "", request.ResultingVersion ?? 0, links.To(PortalPaths.Award(award.Id))].Value), ct);
    }

    /// <summary>The request as the audit trail keeps it.</summary>
    public static string Snapshot(ChangeRequest request) => JsonSerializer.Serialize(new
    {
        request.AwardId,
        Kind = request.Kind.ToString(),
        Status = request.Status.ToString(),
        request.FromBudgetLineId,
        request.ToBudgetLineId,
        Amount = request.Amount.Won,
        StartDate = request.StartDate is { } start ? AwardRules.Day(start) : null,
        EndDate = request.EndDate is { } end ? AwardRules.Day(end) : null,
        request.Activities,
        request.ResultingVersion,
    });

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
