using Bunit;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Money;
using GrantPortal.Web.Features.Awards;

namespace GrantPortal.Web.Tests;

public sealed class BudgetOverviewViewTests : PortalComponentTest
{
    // The 2023 year of DESIGN.md: the whole envelope committed to 29 projects of 18 organizations, three quarters paid.
    private static BudgetOverview Year2023() => new(
        2023,
        new Krw(2_000_000_000),
        new Krw(2_000_000_000),
        new Krw(2_000_000_000),
        new Krw(1_500_000_000),
        new Krw(12_000_000),
        18,
        29,
        [new BudgetCallLine(1, "NKHR", "2023 북한인권 증진 사업", "North Korean human rights 2023", new Krw(2_000_000_000), new Krw(2_000_000_000), new Krw(1_500_000_000), 29)],
        [
            new BudgetOrganizationLine(4, "Open Doors Korea", 3, new Krw(210_000_000), new Krw(150_000_000)),
            new BudgetOrganizationLine(9, "Hana Forum", 1, new Krw(45_000_000), new Krw(45_000_000)),
        ],
        [
            new BudgetMonth("2023-05", new Krw(2_000_000_000), Krw.Zero),
            new BudgetMonth("2023-06", new Krw(2_000_000_000), new Krw(1_200_000_000)),
            new BudgetMonth("2023-12", new Krw(2_000_000_000), new Krw(1_500_000_000)),
        ]);

    [Fact]
    public void Year_summary_reads_like_the_report()
    {
        var view = Render<BudgetOverviewView>(p => p.Add(v => v.Overview, Year2023()));

        Assert.Equal("2023: ₩2,000,000,000 to 18 organizations for 29 projects", view.Find("[data-testid=budget-summary]").TextContent.Trim());
        Assert.Contains("₩1,500,000,000", view.Find("[data-testid=budget-disbursed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("₩0", view.Find("[data-testid=budget-remaining]").TextContent, StringComparison.Ordinal);
        Assert.Contains("₩12,000,000", view.Find("[data-testid=budget-returned]").TextContent, StringComparison.Ordinal);
        Assert.Equal("₩2,000,000,000", view.Find("[data-testid=call-committed-NKHR]").TextContent);
        Assert.Equal(2, view.Find("[data-testid=budget-organizations]").QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Open Doors Korea", view.Find("[data-testid=budget-organizations]").TextContent, StringComparison.Ordinal);
        Assert.Equal("From 2023-05 to 2023-12: committed ₩2,000,000,000, disbursed ₩1,500,000,000.", view.Find("[data-testid=budget-chart]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Korean_reader_sees_the_summary_and_amounts_in_korean_units()
    {
        UseLanguage("ko");

        var view = Render<BudgetOverviewView>(p => p.Add(v => v.Overview, Year2023()));

        Assert.Equal("2023년: 20억 원, 18개 단체 29개 사업 지원", view.Find("[data-testid=budget-summary]").TextContent.Trim());
        Assert.Contains("15억 원", view.Find("[data-testid=budget-disbursed]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_without_awards_says_so()
    {
        var empty = new BudgetOverview(2027, new Krw(1_000_000_000), Krw.Zero, Krw.Zero, Krw.Zero, Krw.Zero, 0, 0, [], [], []);

        var view = Render<BudgetOverviewView>(p => p.Add(v => v.Overview, empty));

        Assert.Contains("No awards yet this year.", view.Markup, StringComparison.Ordinal);
        Assert.Contains("This year has no calls yet.", view.Markup, StringComparison.Ordinal);
        Assert.Empty(view.FindAll("[data-testid=budget-chart]"));
    }

    [Fact]
    public void A_year_with_one_month_of_data_is_drawn_as_bars()
    {
        var oneMonth = Year2023() with { Timeline = [new BudgetMonth("2023-05", new Krw(2_000_000_000), new Krw(500_000_000))] };

        var view = Render<BudgetOverviewView>(p => p.Add(v => v.Overview, oneMonth));

        var chart = view.Find("[data-testid=budget-chart]");
        Assert.Equal(2, chart.QuerySelectorAll("path.mud-chart-bar").Length);
        Assert.Empty(chart.QuerySelectorAll(".mud-chart-line"));
    }

    [Fact]
    public void A_year_with_several_months_is_drawn_as_lines()
    {
        var view = Render<BudgetOverviewView>(p => p.Add(v => v.Overview, Year2023()));

        var chart = view.Find("[data-testid=budget-chart]");
        Assert.Equal(2, chart.QuerySelectorAll("path.mud-chart-line").Length);
        Assert.Empty(chart.QuerySelectorAll(".mud-chart-bar"));
    }
}
