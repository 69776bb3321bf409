namespace GrantPortal.Core.Applications;

/// <summary>
/// An application's timeline from draft to settlement, and the organization's next step, for whoever may read the
/// application (<see cref="ApplicationAccess.VisibleTo"/>: its organization's applicants, officers once submitted);
/// null for anyone else. Every date comes from the rows the grant cycle keeps (application, call, reviewer
/// assignments, information requests, award, agreement, tranches and payments, reports, settlement), read in one SQL
/// command: the application page stays within its bound of commands per page.
/// </summary>
public sealed class ApplicationTimelineQuery(IDbContextFactory<PortalDbContext> dbFactory, IClock clock)
{
    public async Task<ApplicationTimeline?> GetAsync(CurrentUser user, int applicationId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await ReadAsync(db, user, applicationId, ct);
        return facts is null ? null : new ApplicationTimeline(TimelineEvents.Of(facts), NextStepRule.For(facts, clock.GetCurrentInstant()));
    }

    private static async Task<TimelineFacts?> ReadAsync(PortalDbContext db, CurrentUser user, int applicationId, CancellationToken ct)
    {
        // One row per application (an application has at most one award, an award one agreement and one settlement);
        // the three short lists are joined into the same command.
        var row = await (
                from a in db.Applications.AsNoTracking().FullProposals().VisibleTo(user).Where(a => a.Id == applicationId)
                join w in db.Awards on a.Id equals w.ApplicationId into awards
                from w in awards.DefaultIfEmpty()
                join g in db.GrantAgreements on w.Id equals g.AwardId into agreements
                from g in agreements.DefaultIfEmpty()
                join s in db.Settlements on w.Id equals s.AwardId into settlements
                from s in settlements.DefaultIfEmpty()
                join n in db.Applications on a.ConceptNoteId equals (int?)n.Id into notes
                from n in notes.DefaultIfEmpty()
                select new
                {
                    a.Status,
                    a.CreatedAt,
                    a.SubmittedAt,
                    a.WithdrawnAt,
                    a.Call!.ClosesAt,
                    a.Call!.FinalizedAt,
                    ReviewStartedAt = db.ReviewAssignments.Where(r => r.ApplicationId == a.Id).OrderBy(r => r.AssignedAt).Select(r => (Instant?)r.AssignedAt).FirstOrDefault(),
                    NoteSubmittedAt = n == null ? null : n.SubmittedAt,
                    Shortlist = n == null ? null : n.Shortlist,
                    ShortlistedAt = n == null ? null : n.ShortlistedAt,
                    Award = w == null ? null : new AwardFact(w.AwardedAt, w.Amount, w.Status, w.CancelledAt),
                    Agreement = g == null ? null : new AgreementFact(g.Status, g.PledgeSignedAt, g.SubmittedAt, g.ReturnedAt, g.DecidedAt),
                    Settlement = s == null ? null : new SettlementFact(s.ConfirmedAt, s.AmountToReturn, s.ReturnStatus, s.ReturnConfirmedAt),
                    Requests = db.InformationRequests.Where(r => r.ApplicationId == a.Id)
                        .Select(r => new InformationRequestFact(r.RequestedAt, r.DueOn, r.AnsweredAt)).ToList(),
                    Tranches = db.Tranches.Where(t => t.AwardId == w.Id)
                        .Select(t => new TrancheFact(
                            t.Sequence,
                            t.Amount,
                            t.PlannedOn,
                            t.Payments.Where(p => p.Status == PaymentStatus.Paid).OrderByDescending(p => p.PaidOn).Select(p => p.PaidOn).FirstOrDefault()))
                        .ToList(),
                    Reports = db.ProjectReports.Where(r => r.AwardId == w.Id)
                        .Select(r => new ReportFact(r.Id, r.Kind, r.DueOn, r.Status, r.SubmittedAt, r.ReviewedAt)).ToList(),
                })
            .AsSingleQuery()
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        return new TimelineFacts
        {
            Status = row.Status,
            CreatedAt = row.CreatedAt,
            SubmittedAt = row.SubmittedAt,
            WithdrawnAt = row.WithdrawnAt,
            CallClosesAt = row.ClosesAt,
            CallFinalizedAt = row.FinalizedAt,
            ReviewStartedAt = row.ReviewStartedAt,
            ConceptNoteSubmittedAt = row.NoteSubmittedAt,
            Shortlist = row.Shortlist,
            ShortlistedAt = row.ShortlistedAt,
            InformationRequests = row.Requests,
            Award = row.Award,
            Agreement = row.Agreement,
            Settlement = row.Settlement,
            Tranches = row.Tranches,
            Reports = row.Reports,
        };
    }
}
