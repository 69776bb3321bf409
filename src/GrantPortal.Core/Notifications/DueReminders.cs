using GrantPortal.Core.Reviews;

namespace GrantPortal.Core.Notifications;

/// <summary>A person a digest goes to, with what the digest needs to know about them.</summary>
public sealed record ReminderRecipient(string Id, string Email, string DisplayName, string Language, bool OptedOutOfNonEssential);

/// <summary>
/// One reminder that is due now: a rule's current step for one item and one recipient. <paramref name="DueOn"/>
/// is set for day-based deadlines (reviews, reports), which are met up to the end of that Seoul day.
/// </summary>
public sealed record DueReminder(
    string Rule,
    string ItemType,
    int ItemId,
    ReminderRecipient Recipient,
    Instant Deadline,
    LocalDate? DueOn,
    ReminderStep Step,
    string TitleKorean,
    string TitleEnglish,
    string Path)
{
    public string Key => ReminderDelivery.MakeKey(Rule, ItemType, ItemId, Recipient.Id, Deadline, Step.LeadTime);

    public string Title(string language) => language == Languages.English ? TitleEnglish : TitleKorean;
}

/// <summary>Reads what is due under each rule, straight from the lifecycle's own records.</summary>
internal static class DueReminders
{
    /// <summary>The accounts of each organization that hear its reminders: every member it has not removed.</summary>
    private static async Task<ILookup<int, string>> MembersAsync(PortalDbContext db, IEnumerable<int> organizations, CancellationToken ct)
    {
        var ids = organizations.Distinct().ToList();
        return (await db.Users.AsNoTracking()
                .Where(u => u.OrganizationId != null && ids.Contains(u.OrganizationId.Value) && u.RemovedAt == null)
                .Select(u => new { u.Id, OrganizationId = u.OrganizationId!.Value })
                .ToListAsync(ct))
            .ToLookup(u => u.OrganizationId, u => u.Id);
    }

    public static async Task<List<DueReminder>> FindAsync(PortalDbContext db, Instant now, ReminderOptions options, CancellationToken ct)
    {
        var today = now.InZone(Seoul.Zone).Date;
        var found = new List<(string Rule, string ItemType, int ItemId, string RecipientId, Instant Deadline, LocalDate? DueOn, ReminderStep Step, string Ko, string En, string Path)>();

        // Call closing: every member of an organization with a draft on a call that closes soon (not those it removed).
        var callHorizon = now + Duration.FromDays(options.CallClosingLeadDays.DefaultIfEmpty(0).Max());
        var drafts = await db.Applications.AsNoTracking().FullProposals()
            .Where(a => a.Status == ApplicationStatus.Draft && a.Call!.IsPublished && a.Call.ClosesAt >= now && a.Call.ClosesAt <= callHorizon)
            .Select(a => new { a.Id, a.OrganizationId, a.ProjectTitle, a.Call!.ClosesAt, a.Call.TitleKorean, a.Call.TitleEnglish })
            .ToListAsync(ct);
        var members = await MembersAsync(db, drafts.Select(d => d.OrganizationId), ct);
        foreach (var draft in drafts)
        {
            if (ReminderSchedule.ForCallClosing(draft.ClosesAt, now, options.CallClosingLeadDays) is not { } step)
            {
                continue;
            }

            foreach (var member in members[draft.OrganizationId])
            {
                found.Add((ReminderRules.CallClosing, "Application", draft.Id, member, draft.ClosesAt, null, step,
                    Titled(draft.ProjectTitle, draft.TitleKorean), Titled(draft.ProjectTitle, draft.TitleEnglish), $"/applications/{draft.Id}"));
            }
        }

        // Review due: the reviewer of every unsubmitted review free of an active conflict, while the call is undecided.
        var reviewHorizon = today.PlusDays(options.ReviewDueLeadDays.DefaultIfEmpty(0).Max());
        var assignments = await db.ReviewAssignments.AsNoTracking()
            .Where(a => a.DueOn <= reviewHorizon
                && (a.Review == null || a.Review.Status == ReviewStatus.Draft)
                && a.Application!.Status != ApplicationStatus.Withdrawn
                && a.Application.Call!.FinalizedAt == null
                && !db.Conflicts.Any(c => c.ApplicationId == a.ApplicationId && c.ReviewerId == a.ReviewerId && c.LiftedAt == null))
            .Select(a => new { a.Id, a.ReviewerId, a.DueOn, a.Application!.ReceiptNumber, a.Application.ProjectTitle, a.Application.Call!.TitleKorean, a.Application.Call.TitleEnglish })
            .ToListAsync(ct);
        foreach (var assignment in assignments)
        {
            if (ReminderSchedule.ForReviewDue(assignment.DueOn, now, options.ReviewDueLeadDays) is not { } step)
            {
                continue;
            }

            var label = string.IsNullOrEmpty(assignment.ReceiptNumber) ? assignment.ProjectTitle : $"{assignment.ReceiptNumber} {assignment.ProjectTitle}";
            found.Add((ReminderRules.ReviewDue, "ReviewAssignment", assignment.Id, assignment.ReviewerId, ReminderSchedule.EndOfDay(assignment.DueOn), assignment.DueOn, step,
                Titled(label, assignment.TitleKorean), Titled(label, assignment.TitleEnglish), $"/reviews/{assignment.Id}"));
        }

        // Report due: the grantee organization's members, for every report not yet submitted (or returned) on an active award.
        var reportHorizon = today.PlusDays(options.ReportDueLeadDays.DefaultIfEmpty(0).Max());
        var reports = await (
                from r in db.ProjectReports.AsNoTracking()
                join a in db.Awards.AsNoTracking() on r.AwardId equals a.Id
                where (r.Status == ReportStatus.Due || r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned)
                    && r.DueOn <= reportHorizon
                    && a.Status == AwardStatus.Active
                select new { r.Id, r.Kind, r.DueOn, a.OrganizationId, a.Application!.ProjectTitle })
            .ToListAsync(ct);
        var grantees = await MembersAsync(db, reports.Select(r => r.OrganizationId), ct);
        foreach (var report in reports)
        {
            if (ReminderSchedule.ForReportDue(report.DueOn, now, options.ReportDueLeadDays, options.ReportOverdueRepeats, options.ReportOverdueIntervalDays) is not { } step)
            {
                continue;
            }

            var (ko, en) = report.Kind == ReportKind.Final ? ("최종 보고서", "Final report") : ("중간 보고서", "Interim report");
            foreach (var member in grantees[report.OrganizationId])
            {
                found.Add((ReminderRules.ReportDue, "ProjectReport", report.Id, member, ReminderSchedule.EndOfDay(report.DueOn), report.DueOn, step,
                    $"{ko}: {report.ProjectTitle}", $"{en}: {report.ProjectTitle}", $"/reports/{report.Id}"));
            }
        }

        // Information due: the members of the organization asked for more information, until it answers.
        var informationHorizon = today.PlusDays(options.InformationDueLeadDays.DefaultIfEmpty(0).Max());
        var requests = await db.InformationRequests.AsNoTracking()
            .Where(r => r.AnsweredAt == null && r.DueOn >= today && r.DueOn <= informationHorizon)
            .Select(r => new { r.Id, r.ApplicationId, r.DueOn, r.RequestedAt, r.Application!.OrganizationId, r.Application.ReceiptNumber, r.Application.ProjectTitle })
            .ToListAsync(ct);
        var asked = await MembersAsync(db, requests.Select(r => r.OrganizationId), ct);
        foreach (var request in requests)
        {
            if (ReminderSchedule.ForInformationDue(request.DueOn, request.RequestedAt, now, options.InformationDueLeadDays) is not { } step)
            {
                continue;
            }

            var label = $"{request.ReceiptNumber} {request.ProjectTitle}";
            foreach (var member in asked[request.OrganizationId])
            {
                found.Add((ReminderRules.InformationDue, "InformationRequest", request.Id, member, ReminderSchedule.EndOfDay(request.DueOn), request.DueOn, step,
                    label, label, PortalPaths.Application(request.ApplicationId)));
            }
        }

        // Payments awaiting approval: every Finance user except the one who recorded the payment (a checker must be someone else).
        var payments = await (
                from p in db.Payments.AsNoTracking()
                join a in db.Awards.AsNoTracking() on p.AwardId equals a.Id
                where p.Status == PaymentStatus.AwaitingApproval
                select new { p.Id, p.Amount, p.RecordedById, p.RecordedAt, a.Application!.ProjectTitle })
            .ToListAsync(ct);
        if (payments.Count > 0)
        {
            var checkers = await db.UserRoles.AsNoTracking()
                .Join(db.Roles.Where(r => r.Name == Roles.Finance), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
                .ToListAsync(ct);
            var step = ReminderSchedule.ForPaymentApproval(now);
            foreach (var payment in payments)
            {
                foreach (var checker in checkers.Where(c => c != payment.RecordedById))
                {
                    found.Add((ReminderRules.PaymentApproval, "Payment", payment.Id, checker, payment.RecordedAt, null, step,
                        $"{payment.ProjectTitle} · {payment.Amount.Format(CultureInfo.GetCultureInfo(Languages.Korean))}",
                        $"{payment.ProjectTitle} · {payment.Amount.Format(CultureInfo.GetCultureInfo(Languages.English))}",
                        "/finance"));
                }
            }
        }

        // Change requests waiting for an officer: every program officer, since whoever is on duty may decide.
        var waitingHorizon = now - Duration.FromDays(options.ChangeRequestWaitingDays.DefaultIfEmpty(0).Min());
        var changes = await (
                from r in db.ChangeRequests.AsNoTracking()
                join a in db.Awards.AsNoTracking() on r.AwardId equals a.Id
                where r.Status == ChangeStatus.Pending && r.RequestedAt <= waitingHorizon
                select new { r.Id, r.AwardId, r.RequestedAt, a.Application!.ProjectTitle })
            .ToListAsync(ct);
        if (changes.Count > 0)
        {
            var officers = await db.UserRoles.AsNoTracking()
                .Join(db.Roles.Where(r => r.Name == Roles.ProgramOfficer), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
                .ToListAsync(ct);
            foreach (var change in changes)
            {
                if (ReminderSchedule.ForChangeRequest(change.RequestedAt, now, options.ChangeRequestWaitingDays) is not { } step)
                {
                    continue;
                }

                foreach (var officer in officers)
                {
                    found.Add((ReminderRules.ChangeRequestWaiting, nameof(ChangeRequest), change.Id, officer, change.RequestedAt, null, step,
                        $"변경 신청: {change.ProjectTitle}", $"Change request: {change.ProjectTitle}", PortalPaths.Award(change.AwardId)));
                }
            }
        }

        // Call published: every member of an organization that follows one of a newly published call's categories, once.
        var publishedSince = now - Duration.FromDays(options.CallPublishedDays);
        var published = await db.Calls.AsNoTracking()
            .Where(c => c.IsPublished && c.PublishedAt != null && c.PublishedAt >= publishedSince && c.PublishedAt <= now && c.ClosesAt > now)
            .Select(c => new { c.Id, c.Categories, PublishedAt = c.PublishedAt!.Value, c.ClosesAt, c.TitleKorean, c.TitleEnglish })
            .ToListAsync(ct);
        if (published.Count > 0)
        {
            var followers = await db.CallAlerts.AsNoTracking()
                .Where(a => a.Followed != ProjectCategories.None)
                .Select(a => new { a.OrganizationId, a.Followed })
                .ToListAsync(ct);
            var followerMembers = await MembersAsync(db, followers.Select(f => f.OrganizationId), ct);
            var callIds = published.Select(c => c.Id).ToList();

            // The key holds the closing moment, so a call whose deadline moved would be announced again: whoever heard of it under another deadline has heard.
            var alerted = (await db.ReminderDeliveries.AsNoTracking()
                    .Where(d => d.Rule == ReminderRules.CallPublished && callIds.Contains(d.ItemId))
                    .Select(d => new { d.ItemId, d.RecipientId, d.Deadline })
                    .ToListAsync(ct))
                .ToLookup(d => (d.ItemId, d.RecipientId), d => d.Deadline);
            foreach (var call in published)
            {
                var step = ReminderSchedule.ForCallPublished(call.PublishedAt, call.ClosesAt, now, options.CallPublishedDays);
                if (step is null)
                {
                    continue;
                }

                foreach (var member in followers.Where(f => (f.Followed & call.Categories) != ProjectCategories.None).SelectMany(f => followerMembers[f.OrganizationId]))
                {
                    if (alerted[(call.Id, member)].Any(deadline => deadline != call.ClosesAt))
                    {
                        continue;
                    }

                    found.Add((ReminderRules.CallPublished, "Call", call.Id, member, call.ClosesAt, null, step,
                        call.TitleKorean, call.TitleEnglish, PortalPaths.Call(call.Id)));
                }
            }
        }

        var recipientIds = found.Select(f => f.RecipientId).Distinct().ToList();
        var recipients = new Dictionary<string, ReminderRecipient>(StringComparer.Ordinal);
        foreach (var chunk in recipientIds.Chunk(500))
        {
            var users = await db.Users.AsNoTracking()
                .Where(u => chunk.Contains(u.Id) && u.Email != null)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredLanguage, u.OptOutOfNonEssentialReminders })
                .ToListAsync(ct);
            foreach (var u in users)
            {
                recipients[u.Id] = new ReminderRecipient(u.Id, u.Email!, u.DisplayName, Languages.Normalize(u.PreferredLanguage), u.OptOutOfNonEssentialReminders);
            }
        }

        return found
            .Where(f => recipients.ContainsKey(f.RecipientId))
            .Select(f => new DueReminder(f.Rule, f.ItemType, f.ItemId, recipients[f.RecipientId], f.Deadline, f.DueOn, f.Step, f.Ko, f.En, f.Path))
            .ToList();
    }

    private static string Titled(string projectTitle, string callTitle) =>
        string.IsNullOrWhiteSpace(projectTitle) ? callTitle : $"{projectTitle} ({callTitle})";
}
