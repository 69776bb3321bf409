using NodaTime.Text;

namespace GrantPortal.Core.Notifications;

/// <summary>The kinds of deadline and news the portal reminds people of.</summary>
public static class ReminderRules
{
    public const string CallClosing = "call-closing";
    public const string ReviewDue = "review-due";
    public const string ReportDue = "report-due";
    public const string PaymentApproval = "payment-approval";
    public const string InformationDue = "information-due";
    public const string ChangeRequestWaiting = "change-request-waiting";
    public const string CallPublished = "call-published";

    public static readonly IReadOnlyList<string> All = [CallClosing, ReviewDue, ReportDue, PaymentApproval, InformationDue, ChangeRequestWaiting, CallPublished];

    /// <summary>Rules about something waiting for the recipient's decision, which has no deadline of its own.</summary>
    public static bool IsWaiting(string rule) => rule is PaymentApproval or ChangeRequestWaiting;
}

/// <summary>
/// One point of a rule's schedule. <paramref name="LeadTime"/> names it in the delivery key ("7d", "overdue-2").
/// Essential steps are the last notice before a deadline and every overdue notice: they reach people who
/// opted out of the others.
/// </summary>
public sealed record ReminderStep(string LeadTime, Instant DueAt, bool Essential, bool Overdue);

/// <summary>
/// Which reminder of a deadline is due at a moment. Only the latest step that is due counts: a run that was
/// missed catches up with that one step (due on or before now, never an exact-time match) and does not send
/// the earlier steps it skipped, so a late pass never spams.
/// </summary>
public static class ReminderSchedule
{
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Iso;

    /// <summary>A day-based deadline is met up to the end of that day in Seoul.</summary>
    public static Instant EndOfDay(LocalDate dueOn) => Seoul.StartOf(dueOn.PlusDays(1));

    /// <summary>Before a call closes; nothing once it has closed, since a draft can no longer be submitted.</summary>
    public static ReminderStep? ForCallClosing(Instant closesAt, Instant now, IReadOnlyList<int> leadDays)
    {
        ArgumentNullException.ThrowIfNull(leadDays);
        if (now > closesAt)
        {
            return null;
        }

        return Latest(BeforeSteps(leadDays, days => closesAt - Duration.FromDays(days)), now);
    }

    /// <summary>Before a review's due date, and once on the first overdue day (Seoul midnight after it).</summary>
    public static ReminderStep? ForReviewDue(LocalDate dueOn, Instant now, IReadOnlyList<int> leadDays)
    {
        ArgumentNullException.ThrowIfNull(leadDays);
        var steps = BeforeSteps(leadDays, days => Seoul.StartOf(dueOn.PlusDays(-days)));
        steps.Add(new ReminderStep("overdue", EndOfDay(dueOn), Essential: true, Overdue: true));
        return Latest(steps, now);
    }

    /// <summary>Before a report's due date, then every <paramref name="intervalDays"/> while overdue, at most <paramref name="overdueRepeats"/> times.</summary>
    public static ReminderStep? ForReportDue(LocalDate dueOn, Instant now, IReadOnlyList<int> leadDays, int overdueRepeats, int intervalDays)
    {
        ArgumentNullException.ThrowIfNull(leadDays);
        var steps = BeforeSteps(leadDays, days => Seoul.StartOf(dueOn.PlusDays(-days)));
        for (var i = 0; i < overdueRepeats; i++)
        {
            var day = dueOn.PlusDays(1 + (i * intervalDays));
            steps.Add(new ReminderStep("overdue-" + (i + 1).ToString(CultureInfo.InvariantCulture), Seoul.StartOf(day), Essential: true, Overdue: true));
        }

        return Latest(steps, now);
    }

    /// <summary>
    /// Before a request for more information is due. A step that fell before the request was made is not a reminder
    /// (the request's own mail told them), so a request due tomorrow is not reminded of at once.
    /// </summary>
    public static ReminderStep? ForInformationDue(LocalDate dueOn, Instant requestedAt, Instant now, IReadOnlyList<int> leadDays)
    {
        ArgumentNullException.ThrowIfNull(leadDays);
        if (now >= EndOfDay(dueOn))
        {
            return null;
        }

        return Latest(BeforeSteps(leadDays, days => Seoul.StartOf(dueOn.PlusDays(-days))).Where(s => s.DueAt > requestedAt), now);
    }

    /// <summary>Once per Seoul day while a payment waits; the day is the step, so the first pass of each day sends it.</summary>
    public static ReminderStep ForPaymentApproval(Instant now)
    {
        var today = now.InZone(Seoul.Zone).Date;
        return new ReminderStep("day-" + DayPattern.Format(today), Seoul.StartOf(today), Essential: false, Overdue: false);
    }

    /// <summary>
    /// A change request that has waited for the officer the given days since it was made (default 3, 7 and 14); the
    /// last is essential. Nothing before the first: the request's own mail told the officer.
    /// </summary>
    public static ReminderStep? ForChangeRequest(Instant requestedAt, Instant now, IReadOnlyList<int> waitingDays)
    {
        ArgumentNullException.ThrowIfNull(waitingDays);
        var days = waitingDays.Distinct().Order().ToList();
        var steps = days.Select((d, i) => new ReminderStep(d.ToString(CultureInfo.InvariantCulture) + "d-waiting", requestedAt + Duration.FromDays(d), Essential: i == days.Count - 1, Overdue: false));
        return Latest(steps, now);
    }

    /// <summary>
    /// One alert for a newly published call, while it is open and for <paramref name="withinDays"/> days after publishing.
    /// The step is named alike for every call, so the delivery key makes it once per call and person. News, not a
    /// deadline: never essential.
    /// </summary>
    public static ReminderStep? ForCallPublished(Instant publishedAt, Instant closesAt, Instant now, int withinDays)
    {
        if (now >= closesAt || now < publishedAt || now > publishedAt + Duration.FromDays(withinDays))
        {
            return null;
        }

        return new ReminderStep("published", publishedAt, Essential: false, Overdue: false);
    }

    private static List<ReminderStep> BeforeSteps(IReadOnlyList<int> leadDays, Func<int, Instant> dueAt)
    {
        var days = leadDays.Distinct().OrderDescending().ToList();
        return days.Select((d, i) => new ReminderStep(d.ToString(CultureInfo.InvariantCulture) + "d", dueAt(d), Essential: i == days.Count - 1, Overdue: false)).ToList();
    }

    private static ReminderStep? Latest(IEnumerable<ReminderStep> steps, Instant now) =>
        steps.Where(s => s.DueAt <= now).OrderBy(s => s.DueAt).LastOrDefault();
}
