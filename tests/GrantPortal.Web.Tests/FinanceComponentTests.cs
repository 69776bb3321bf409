using Bunit;
using GrantPortal.Core.Dashboards;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Reporting;
using GrantPortal.Web.Features.Dashboards;
using GrantPortal.Web.Features.Disbursements;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NodaTime;

namespace GrantPortal.Web.Tests;

public sealed class FinanceComponentTests : PortalComponentTest
{
    [Fact]
    public void Dashboard_count_of_tranches_due_leads_to_the_payments_list_and_says_what_it_counts()
    {
        var data = new FinanceDashboard(2, new Krw(50_000_000), 5, 1, new Krw(900_000_000), 2026);

        var section = Render<FinanceSection>(p => p.Add(c => c.Data, data));

        var link = section.Find("[data-testid=tranches-month-link]");
        Assert.Equal("5", link.TextContent.Trim());
        Assert.Equal("/finance", link.GetAttribute("href"));
        Assert.Contains("Not yet paid, planned from today to the end of the month · 1 overdue", section.Find("[data-testid=stat-tranches-month]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Tranche_list_links_each_tranche_to_its_award_and_tells_what_is_left_to_record_and_on_its_way()
    {
        WorklistTranche[] tranches =
        [
            new(11, 7, new OrganizationName("열린문 코리아", "Open Doors Korea"), "Young defenders academy", 2, new Krw(20_000_000), new Krw(5_000_000), new Krw(20_000_000), new LocalDate(2026, 3, 20), ReportKind.Interim, ReportStatus.Submitted,
                "KB Kookmin Bank ********1234 (열린문 코리아)"),
            new(12, 8, new OrganizationName("새길 인권센터", "New Road Rights Center"), "Rapid review", 1, new Krw(30_000_000), new Krw(30_000_000), new Krw(30_000_000), new LocalDate(2026, 3, 25), null, null),
        ];

        var list = Render<TrancheList>(p => p
            .Add(c => c.Title, "Due this month")
            .Add(c => c.Hint, "Tranches not yet paid that are planned from today to the end of this month.")
            .Add(c => c.Empty, "None")
            .Add(c => c.Tranches, tranches)
            .Add(c => c.TestId, "due-this-month"));

        Assert.Equal("2", list.Find("[data-testid=due-this-month-count]").TextContent);
        var item = list.Find("[data-testid=due-this-month-tranche-11]");
        Assert.Contains("/awards/7", item.OuterHtml, StringComparison.Ordinal);
        Assert.Contains(
            "tranche 2 · ₩5,000,000 to record · ₩15,000,000 recorded, not yet paid · To: KB Kookmin Bank ********1234 (열린문 코리아) · waiting for the report",
            item.TextContent,
            StringComparison.Ordinal);

        // Before the grant decision there is no account to pay: finance is told so rather than shown a blank.
        Assert.Contains("no approved account yet (grant decision pending)", list.Find("[data-testid=due-this-month-tranche-12]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payment_confirmation_states_the_facts_and_confirms_once()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<PaymentConfirmDialog>
        {
            { d => d.Question, "Approve this payment?" },
            { d => d.Facts, new List<(string, string)> { ("Award", "Young defenders academy (2026-NKHR-0001)"), ("Organization", "Open Doors Korea"), ("Tranche", "tranche 2"), ("Amount", "₩20,000,000") } },
            { d => d.ConfirmText, "Approve" },
        };

        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<PaymentConfirmDialog>("Approve", parameters));

        var facts = provider.Find("[data-testid=payment-confirm-facts]").TextContent;
        Assert.Contains("Open Doors Korea", facts, StringComparison.Ordinal);
        Assert.Contains("₩20,000,000", facts, StringComparison.Ordinal);
        Assert.Contains("tranche 2", facts, StringComparison.Ordinal);
        var confirm = provider.Find("[data-testid=payment-confirm-yes]");
        await confirm.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        var result = await reference.Result;
        Assert.NotNull(result);
        Assert.False(result.Canceled);
        Assert.Empty(provider.FindAll("[data-testid=payment-confirm-dialog]"));
    }
}
