using GrantPortal.Core.Auditing;
using NodaTime;

namespace GrantPortal.Core.Tests.Auditing;

public sealed class AuditActionTests
{
    [Fact]
    public void An_undeclared_action_cannot_be_written_to_the_trail()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            AuditEvent.Record(Instant.FromUtc(2026, 3, 1, 0, 0), Actor.System, "payment.teleported", "Payment", "1"));

        Assert.Contains("AuditActions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_action_is_written()
    {
        var audit = AuditEvent.Record(Instant.FromUtc(2026, 3, 1, 0, 0), Actor.System, AuditActions.ReportReturned, "ProjectReport", "69");

        Assert.Equal("report.returned", audit.Action);
    }

    [Fact]
    public void Actions_group_by_what_comes_before_the_dot()
    {
        Assert.Equal("budget-year", AuditActions.GroupOf(AuditActions.BudgetYearOpened));
        Assert.Contains("payment", AuditActions.Groups);
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Distinct().Count());
    }
}
