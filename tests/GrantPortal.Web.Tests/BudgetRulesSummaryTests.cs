using Bunit;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Web.Features.Applications;
using NodaTime;

namespace GrantPortal.Web.Tests;

/// <summary>The live budget summary under the applicant's budget: grant, own contribution, total, and each rule's share.</summary>
public sealed class BudgetRulesSummaryTests : PortalComponentTest
{
    private static readonly BudgetRules YouthRules = new()
    {
        Caps = [new CategoryCap(BudgetCategory.Personnel, 30m)],
        MinimumOwnContributionPercent = 10m,
    };

    [Fact]
    public void Personnel_over_its_cap_is_marked_with_its_amount_and_share()
    {
        var summary = Render<BudgetRulesSummary>(p => p
            .Add(c => c.Lines, Lines(personnel: 54_000_000, activities: 81_000_000, own: 15_000_000))
            .Add(c => c.Rules, YouthRules));

        Assert.Equal("₩135,000,000", summary.Find("[data-testid=summary-grant]").TextContent.Trim());
        Assert.Equal("₩15,000,000", summary.Find("[data-testid=summary-own]").TextContent.Trim());
        Assert.Equal("₩150,000,000", summary.Find("[data-testid=summary-total]").TextContent.Trim());
        var personnel = summary.Find("[data-testid=summary-cap-Personnel]");
        Assert.Contains("Personnel: ₩54,000,000, 36% of the project total (cap 30%)", personnel.TextContent, StringComparison.Ordinal);
        Assert.Contains("over the cap", personnel.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", personnel.GetAttribute("data-over"));
        var own = summary.Find("[data-testid=summary-own-share]");
        Assert.Contains("Own contribution: 10% of the project total (minimum 10%)", own.TextContent, StringComparison.Ordinal);
        Assert.Equal("false", own.GetAttribute("data-over"));
    }

    [Fact]
    public void Shares_exactly_at_the_cap_and_the_minimum_are_not_marked()
    {
        var summary = Render<BudgetRulesSummary>(p => p
            .Add(c => c.Lines, Lines(personnel: 30_000_000, activities: 60_000_000, own: 10_000_000))
            .Add(c => c.Rules, YouthRules));

        Assert.Equal("false", summary.Find("[data-testid=summary-cap-Personnel]").GetAttribute("data-over"));
        Assert.Equal("false", summary.Find("[data-testid=summary-own-share]").GetAttribute("data-over"));
        Assert.DoesNotContain("over the cap", summary.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Own_contribution_one_won_short_reads_below_the_minimum()
    {
        var summary = Render<BudgetRulesSummary>(p => p
            .Add(c => c.Lines, Lines(personnel: 20_000_000, activities: 70_000_001, own: 9_999_999))
            .Add(c => c.Rules, YouthRules));

        var own = summary.Find("[data-testid=summary-own-share]");
        Assert.Equal("true", own.GetAttribute("data-over"));
        Assert.Contains("9.9% of the project total (minimum 10%)", own.TextContent, StringComparison.Ordinal);
        Assert.Contains("below the minimum", own.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Marking_a_line_as_own_contribution_moves_it_out_of_the_grant_request_and_is_saved()
    {
        var saves = new List<ApplicationDraft>();
        var editor = Render<ApplicationEditor>(p => p
            .Add(c => c.View, View(Lines(personnel: 20_000_000, activities: 70_000_000, own: 0)))
            .Add(c => c.SaveDraft, (form, version) =>
            {
                saves.Add(form);
                return Task.FromResult(Result.Done(new DraftSaved(version + 1, Clock.GetCurrentInstant())));
            })
            .Add(c => c.SubmitDraft, () => Task.FromResult<Result<SubmissionReceipt>>(Result.Done(new SubmissionReceipt("2026-YOUTH-0001", false))))
            .Add(c => c.AutosaveDelay, TimeSpan.FromMinutes(5)));
        Assert.Equal("true", editor.Find("[data-testid=summary-own-share]").GetAttribute("data-over"));

        editor.Find("[data-testid=budget-own-2] input, input[data-testid=budget-own-2]").Change(true);

        editor.WaitForAssertion(() => Assert.Equal("₩20,000,000", editor.Find("[data-testid=summary-grant]").TextContent.Trim()));
        Assert.Equal("₩70,000,000", editor.Find("[data-testid=summary-own]").TextContent.Trim());
        Assert.Equal("false", editor.Find("[data-testid=summary-own-share]").GetAttribute("data-over"));
        Assert.True(Assert.Single(saves).BudgetLines[1].IsOwnContribution);
    }

    private static List<BudgetLineDraft> Lines(long personnel, long activities, long own)
    {
        var lines = new List<BudgetLineDraft>
        {
            new() { Category = BudgetCategory.Personnel, Item = "Staff", Amount = new Krw(personnel) },
            new() { Category = BudgetCategory.Activities, Item = "Trainers", Amount = new Krw(activities) },
        };
        if (own > 0)
        {
            lines.Add(new() { Category = BudgetCategory.Activities, Item = "Own funds", Amount = new Krw(own), IsOwnContribution = true });
        }

        return lines;
    }

    private static ApplicationView View(List<BudgetLineDraft> lines) => new(
        Id: 9,
        CallId: 2,
        CallCode: "YOUTH",
        CallTitleEnglish: "Youth capacity",
        CallTitleKorean: "청년 역량강화",
        CallClosesAt: Instant.FromUtc(2026, 3, 10, 9, 0),
        CallCategories: ProjectCategories.CapacityBuilding,
        CallMinimumRequest: new Krw(10_000_000),
        CallMaximumRequest: new Krw(100_000_000),
        BudgetYear: 2026,
        OrganizationId: 1,
        OrganizationName: new OrganizationName("열린문", "Open Doors Korea"),
        Status: ApplicationStatus.Draft,
        ReceiptNumber: null,
        SubmittedAt: null,
        LastSavedAt: Instant.FromUtc(2026, 2, 28, 0, 0),
        WithdrawalReason: null,
        Version: 3,
        Form: new ApplicationDraft { BudgetLines = lines },
        Attachments: [],
        CanEdit: true,
        CanWithdraw: false)
    {
        CallBudgetRules = YouthRules,
    };
}
