namespace GrantPortal.Core.Applications;

/// <summary>
/// Concept notes and full proposals share the <see cref="Application"/> row: one owner check, one receipt column, one
/// attachment store and one way to withdraw. What sets a concept note apart is that it is not an application in the
/// grant cycle's sense: it is never assigned to reviewers, ranked, awarded, rejected or counted in figures, and its
/// fate is the officer's shortlist decision, not its status (the status machine stops it at Submitted or Withdrawn).
/// Every list of the grant cycle (intake and its export, dashboards, assignments, awards, finalization, reminders)
/// therefore reads <see cref="FullProposals"/>; only the two-stage use cases read concept notes.
/// </summary>
public static class ApplicationStages
{
    public static IQueryable<Application> FullProposals(this IQueryable<Application> applications) =>
        applications.Where(a => a.Stage == FormStage.Full);

    public static IQueryable<Application> ConceptNotes(this IQueryable<Application> applications) =>
        applications.Where(a => a.Stage == FormStage.ConceptNote);
}
