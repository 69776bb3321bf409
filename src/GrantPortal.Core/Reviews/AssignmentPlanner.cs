namespace GrantPortal.Core.Reviews;

public sealed record PlannerApplication(int Id, ProjectCategories Category, IReadOnlyCollection<string> AssignedReviewerIds);

public sealed record PlannerReviewer(string Id, ProjectCategories Expertise, int ExistingLoad);

public sealed record PlannedAssignment(int ApplicationId, string ReviewerId, bool ExpertiseMatch);

public sealed record ReviewerLoad(string ReviewerId, int Existing, int Added, int ExpertiseMatches)
{
    public int Total => Existing + Added;
}

/// <summary>An application that cannot get its reviewers: how many are free of conflict against how many it needs.</summary>
public sealed record UncoveredApplication(int ApplicationId, int Eligible, int Needed);

public sealed record AssignmentPlan(
    IReadOnlyList<PlannedAssignment> Assignments,
    IReadOnlyList<ReviewerLoad> Loads,
    IReadOnlyList<UncoveredApplication> Uncovered)
{
    public int Spread => Loads.Count == 0 ? 0 : Loads.Max(l => l.Total) - Loads.Min(l => l.Total);

    public int ExpertiseMatches => Assignments.Count(a => a.ExpertiseMatch);
}

/// <summary>
/// Gives every application the reviewers it still needs, never a conflicted one, with loads as even as the
/// conflicts allow and matching expertise preferred. Reviewers have no capacity limit, so an application
/// can be covered exactly when it has enough reviewers free of conflict; balance is then a matter of who.
/// </summary>
public static class AssignmentPlanner
{
    public static AssignmentPlan Plan(
        IReadOnlyList<PlannerApplication> applications,
        IReadOnlyList<PlannerReviewer> reviewers,
        int reviewersPerApplication,
        Func<int, string, bool> isConflicted)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(reviewers);
        ArgumentNullException.ThrowIfNull(isConflicted);
        var index = reviewers.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var load = reviewers.Select(r => r.ExistingLoad).ToArray();
        var added = new int[reviewers.Count];

        // eligible[a] = reviewers that may still be given application a (no conflict, not already on it).
        var eligible = new List<int>[applications.Count];
        var assigned = new HashSet<int>[applications.Count];
        var uncovered = new List<UncoveredApplication>();
        var need = new int[applications.Count];
        for (var a = 0; a < applications.Count; a++)
        {
            var application = applications[a];
            assigned[a] = application.AssignedReviewerIds.Where(index.ContainsKey).Select(id => index[id]).ToHashSet();
            eligible[a] = Enumerable.Range(0, reviewers.Count)
                .Where(r => !assigned[a].Contains(r) && !isConflicted(application.Id, reviewers[r].Id))
                .ToList();
            need[a] = Math.Max(0, reviewersPerApplication - application.AssignedReviewerIds.Count);
            if (eligible[a].Count < need[a])
            {
                uncovered.Add(new UncoveredApplication(application.Id, eligible[a].Count + assigned[a].Count, reviewersPerApplication));
                need[a] = 0;
            }
        }

        // Most constrained first, so applications with few possible reviewers are not left with only busy ones.
        var order = Enumerable.Range(0, applications.Count)
            .Where(a => need[a] > 0)
            .OrderBy(a => eligible[a].Count)
            .ThenBy(a => applications[a].Id)
            .ToList();
        var fresh = new List<int>[applications.Count];
        foreach (var a in order)
        {
            var category = applications[a].Category;
            fresh[a] = eligible[a]
                .OrderBy(r => load[r])
                .ThenBy(r => Matches(reviewers[r], category) ? 0 : 1)
                .ThenBy(r => reviewers[r].Id, StringComparer.Ordinal)
                .Take(need[a])
                .ToList();
            foreach (var r in fresh[a])
            {
                load[r]++;
                added[r]++;
                assigned[a].Add(r);
            }
        }

        Rebalance(reviewers.Count, order, eligible, assigned, fresh, load, added);

        var planned = new List<PlannedAssignment>();
        var matches = new int[reviewers.Count];
        foreach (var a in order)
        {
            foreach (var r in fresh[a].Order())
            {
                var match = Matches(reviewers[r], applications[a].Category);
                matches[r] += match ? 1 : 0;
                planned.Add(new PlannedAssignment(applications[a].Id, reviewers[r].Id, match));
            }
        }

        var loads = reviewers.Select((r, i) => new ReviewerLoad(r.Id, r.ExistingLoad, added[i], matches[i])).ToList();
        return new AssignmentPlan(planned, loads, uncovered.OrderBy(u => u.ApplicationId).ToList());
    }

    private static bool Matches(PlannerReviewer reviewer, ProjectCategories category) =>
        category != ProjectCategories.None && (reviewer.Expertise & category) == category;

    /// <summary>
    /// Moves new assignments along chains (a busy reviewer hands an application to another, who hands one on…)
    /// until no chain leads from a reviewer to one with at least two fewer reviews. A flow with no such chain is
    /// as even as any valid assignment can be (Frank and Murota's decreasingly minimal flows), so the spread
    /// is at most one whenever some valid assignment achieves that.
    /// </summary>
    private static void Rebalance(
        int count,
        List<int> order,
        List<int>[] eligible,
        HashSet<int>[] assigned,
        List<int>[] fresh,
        int[] load,
        int[] added)
    {
        var movable = new List<int>[count];
        for (var r = 0; r < count; r++)
        {
            movable[r] = [];
        }

        foreach (var a in order)
        {
            foreach (var r in fresh[a])
            {
                movable[r].Add(a);
            }
        }

        var improved = true;
        while (improved)
        {
            improved = false;
            foreach (var start in Enumerable.Range(0, count).OrderByDescending(r => load[r]))
            {
                if (TryShift(start, eligible, assigned, fresh, movable, load, added))
                {
                    improved = true;
                    break;
                }
            }
        }
    }

    /// <summary>Breadth-first search for a chain from <paramref name="start"/> to a reviewer at least two lighter.</summary>
    private static bool TryShift(int start, List<int>[] eligible, HashSet<int>[] assigned, List<int>[] fresh, List<int>[] movable, int[] load, int[] added)
    {
        var count = load.Length;
        var cameFrom = new (int Reviewer, int Application)[count];
        var seen = new bool[count];
        seen[start] = true;
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            foreach (var a in movable[u])
            {
                foreach (var v in eligible[a])
                {
                    if (seen[v] || assigned[a].Contains(v))
                    {
                        continue;
                    }

                    seen[v] = true;
                    cameFrom[v] = (u, a);
                    if (load[v] <= load[start] - 2)
                    {
                        Apply(start, v, cameFrom, assigned, fresh, movable, load, added);
                        return true;
                    }

                    queue.Enqueue(v);
                }
            }
        }

        return false;
    }

    private static void Apply(int start, int end, (int Reviewer, int Application)[] cameFrom, HashSet<int>[] assigned, List<int>[] fresh, List<int>[] movable, int[] load, int[] added)
    {
        // Walk back from the lighter reviewer: each step moves one application from its previous holder to the next.
        var v = end;
        while (v != start)
        {
            var (u, a) = cameFrom[v];
            assigned[a].Remove(u);
            assigned[a].Add(v);
            fresh[a].Remove(u);
            fresh[a].Add(v);
            movable[u].Remove(a);
            movable[v].Add(a);
            v = u;
        }

        load[start]--;
        added[start]--;
        load[end]++;
        added[end]++;
    }
}
