using GrantPortal.Core.Notifications;
using GrantPortal.Core.Time;
using NodaTime;
using NodaTime.Testing;

namespace GrantPortal.Core.Tests.Notifications;

/// <summary>Every rule at its boundaries, on a fake clock: one second either side, Seoul midnight, missed runs.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly Instant Closes = Seoul.ToInstant(new LocalDateTime(2026, 12, 4, 18, 0));
    private static readonly LocalDate DueOn = new(2026, 12, 10);
    private static readonly int[] CallDays = [7, 1];
    private static readonly int[] ReviewDays = [3];
    private static readonly int[] ReportDays = [14, 3];
    private static readonly Duration OneSecond = Duration.FromSeconds(1);

    [Fact]
    public void Call_closing_reminder_is_not_due_one_second_before_seven_days()
    {
        var clock = new FakeClock(Closes - Duration.FromDays(7) - OneSecond);

        Assert.Null(ReminderSchedule.ForCallClosing(Closes, clock.GetCurrentInstant(), CallDays));
    }

    [Fact]
    public void Call_closing_reminder_is_due_exactly_seven_days_before_and_stays_due_until_the_one_day_step()
    {
        var clock = new FakeClock(Closes - Duration.FromDays(7));
        Assert.Equal("7d", ReminderSchedule.ForCallClosing(Closes, clock.GetCurrentInstant(), CallDays)?.LeadTime);

        clock.Reset(Closes - Duration.FromDays(1) - OneSecond);
        Assert.Equal("7d", ReminderSchedule.ForCallClosing(Closes, clock.GetCurrentInstant(), CallDays)?.LeadTime);

        clock.Advance(OneSecond);
        Assert.Equal("1d", ReminderSchedule.ForCallClosing(Closes, clock.GetCurrentInstant(), CallDays)?.LeadTime);
    }

    [Fact]
    public void Call_closing_seven_day_step_is_optional_and_one_day_step_is_essential()
    {
        Assert.False(ReminderSchedule.ForCallClosing(Closes, Closes - Duration.FromDays(5), CallDays)!.Essential);
        Assert.True(ReminderSchedule.ForCallClosing(Closes, Closes - Duration.FromHours(2), CallDays)!.Essential);
    }

    [Fact]
    public void Call_closing_reminder_stops_one_second_after_the_call_closes()
    {
        Assert.Equal("1d", ReminderSchedule.ForCallClosing(Closes, Closes, CallDays)?.LeadTime);
        Assert.Null(ReminderSchedule.ForCallClosing(Closes, Closes + OneSecond, CallDays));
    }

    [Fact]
    public void Missed_runs_catch_up_with_only_the_latest_step()
    {
        // Nothing ran between 8 days and 10 hours before closing: the pass sends the 1-day reminder, not the 7-day one too.
        var step = ReminderSchedule.ForCallClosing(Closes, Closes - Duration.FromHours(10), CallDays);

        Assert.Equal("1d", step?.LeadTime);
    }

    [Fact]
    public void Configured_lead_times_replace_the_defaults()
    {
        int[] days = [10, 5, 2];

        Assert.Equal("10d", ReminderSchedule.ForCallClosing(Closes, Closes - Duration.FromDays(9), days)?.LeadTime);
        Assert.Equal("5d", ReminderSchedule.ForCallClosing(Closes, Closes - Duration.FromDays(4), days)?.LeadTime);
        Assert.Null(ReminderSchedule.ForCallClosing(Closes, Closes - Duration.FromDays(11), days));
    }

    [Fact]
    public void Review_reminder_falls_due_at_Seoul_midnight_three_days_before()
    {
        // 2026-12-07 00:00 KST is 2026-12-06 15:00 UTC.
        var midnight = Instant.FromUtc(2026, 12, 6, 15, 0);
        var clock = new FakeClock(midnight - OneSecond);
        Assert.Null(ReminderSchedule.ForReviewDue(DueOn, clock.GetCurrentInstant(), ReviewDays));

        clock.Advance(OneSecond);
        var step = ReminderSchedule.ForReviewDue(DueOn, clock.GetCurrentInstant(), ReviewDays);
        Assert.Equal("3d", step?.LeadTime);
        Assert.True(step!.Essential);
    }

    [Fact]
    public void Review_overdue_reminder_falls_due_on_the_first_overdue_day_in_Seoul()
    {
        var endOfDueDay = Instant.FromUtc(2026, 12, 10, 15, 0);
        Assert.Equal(endOfDueDay, ReminderSchedule.EndOfDay(DueOn));

        Assert.Equal("3d", ReminderSchedule.ForReviewDue(DueOn, endOfDueDay - OneSecond, ReviewDays)?.LeadTime);
        var overdue = ReminderSchedule.ForReviewDue(DueOn, endOfDueDay, ReviewDays);
        Assert.Equal("overdue", overdue?.LeadTime);
        Assert.True(overdue!.Overdue);
    }

    [Fact]
    public void Review_overdue_step_stays_the_same_so_it_is_sent_once()
    {
        var first = ReminderSchedule.ForReviewDue(DueOn, ReminderSchedule.EndOfDay(DueOn) + Duration.FromHours(1), ReviewDays);
        var weeksLater = ReminderSchedule.ForReviewDue(DueOn, ReminderSchedule.EndOfDay(DueOn) + Duration.FromDays(21), ReviewDays);

        Assert.Equal(first?.LeadTime, weeksLater?.LeadTime);
        Assert.Equal(first?.DueAt, weeksLater?.DueAt);
    }

    [Fact]
    public void Report_reminders_come_fourteen_and_three_days_before()
    {
        var fourteen = Seoul.StartOf(DueOn.PlusDays(-14));
        var three = Seoul.StartOf(DueOn.PlusDays(-3));

        Assert.Null(Report(fourteen - OneSecond));
        Assert.Equal("14d", Report(fourteen)?.LeadTime);
        Assert.False(Report(fourteen)!.Essential);
        Assert.Equal("14d", Report(three - OneSecond)?.LeadTime);
        Assert.Equal("3d", Report(three)?.LeadTime);
        Assert.True(Report(three)!.Essential);
    }

    [Fact]
    public void Overdue_report_is_reminded_weekly_at_most_three_times()
    {
        var firstOverdueDay = Seoul.StartOf(DueOn.PlusDays(1));

        Assert.Equal("3d", Report(firstOverdueDay - OneSecond)?.LeadTime);
        Assert.Equal("overdue-1", Report(firstOverdueDay)?.LeadTime);
        Assert.Equal("overdue-1", Report(firstOverdueDay + Duration.FromDays(7) - OneSecond)?.LeadTime);
        Assert.Equal("overdue-2", Report(firstOverdueDay + Duration.FromDays(7))?.LeadTime);
        Assert.Equal("overdue-3", Report(firstOverdueDay + Duration.FromDays(14))?.LeadTime);
        Assert.Equal("overdue-3", Report(firstOverdueDay + Duration.FromDays(60))?.LeadTime);
    }

    [Fact]
    public void Payment_reminder_changes_day_at_Seoul_midnight_not_UTC_midnight()
    {
        var seoulMidnight = Instant.FromUtc(2026, 12, 1, 15, 0);
        var clock = new FakeClock(seoulMidnight - OneSecond);
        var before = ReminderSchedule.ForPaymentApproval(clock.GetCurrentInstant());
        clock.Advance(OneSecond);
        var after = ReminderSchedule.ForPaymentApproval(clock.GetCurrentInstant());
        clock.Advance(Duration.FromHours(9));
        var utcMidnight = ReminderSchedule.ForPaymentApproval(clock.GetCurrentInstant());

        Assert.Equal("day-2026-12-01", before.LeadTime);
        Assert.Equal("day-2026-12-02", after.LeadTime);
        Assert.Equal("day-2026-12-02", utcMidnight.LeadTime);
        Assert.False(after.Essential);
    }

    [Fact]
    public void Delivery_key_names_rule_item_recipient_deadline_and_step()
    {
        var key = ReminderDelivery.MakeKey(ReminderRules.ReportDue, "ProjectReport", 42, "user-7", ReminderSchedule.EndOfDay(DueOn), "overdue-2");

        // 1796914800 is 2026-12-11 00:00 KST (2026-12-10 15:00 UTC), the end of the due day.
        Assert.Equal("report-due|ProjectReport:42|user-7|1796914800|overdue-2", key);
    }

    [Fact]
    public void Information_due_is_reminded_three_days_and_one_day_before_then_never_again()
    {
        var requestedAt = Seoul.StartOf(DueOn.PlusDays(-10));

        Assert.Null(Information(requestedAt, Seoul.StartOf(DueOn.PlusDays(-3)) - OneSecond));
        Assert.Equal("3d", Information(requestedAt, Seoul.StartOf(DueOn.PlusDays(-3)))?.LeadTime);
        Assert.Equal("3d", Information(requestedAt, Seoul.StartOf(DueOn.PlusDays(-1)) - OneSecond)?.LeadTime);
        Assert.Equal("1d", Information(requestedAt, Seoul.StartOf(DueOn.PlusDays(-1)))?.LeadTime);
        Assert.True(Information(requestedAt, Seoul.StartOf(DueOn.PlusDays(-1)))?.Essential);
        Assert.Equal("1d", Information(requestedAt, ReminderSchedule.EndOfDay(DueOn) - OneSecond)?.LeadTime);
        Assert.Null(Information(requestedAt, ReminderSchedule.EndOfDay(DueOn)));
    }

    [Fact]
    public void Information_due_step_that_fell_before_the_request_is_not_sent()
    {
        // Asked two days before it is due: the three-day step was already past, and the request's own mail said it.
        var requestedAt = Seoul.StartOf(DueOn.PlusDays(-2)) + Duration.FromHours(10);

        Assert.Null(Information(requestedAt, requestedAt + Duration.FromHours(1)));
        Assert.Equal("1d", Information(requestedAt, Seoul.StartOf(DueOn.PlusDays(-1)))?.LeadTime);
    }

    private static ReminderStep? Information(Instant requestedAt, Instant now) => ReminderSchedule.ForInformationDue(DueOn, requestedAt, now, [3, 1]);

    private static ReminderStep? Report(Instant now) => ReminderSchedule.ForReportDue(DueOn, now, ReportDays, overdueRepeats: 3, intervalDays: 7);
}
