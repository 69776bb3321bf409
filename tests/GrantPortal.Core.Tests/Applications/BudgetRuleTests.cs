using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using GrantPortal.Core.Time;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GrantPortal.Core.Tests.Applications;

/// <summary>A call's budget rules at their boundaries: 인건비 at most 30% of the project total, 자부담 at least 10%.</summary>
public sealed class BudgetRuleTests : IDisposable
{
    private static readonly IStringLocalizer<Strings> Localizer =
        new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static readonly Instant ClosesAt = Seoul.ToInstant(new LocalDateTime(2026, 3, 10, 18, 0));

    private static readonly BudgetRules YouthRules = new()
    {
        Caps = [new CategoryCap(BudgetCategory.Personnel, 30m)],
        MinimumOwnContributionPercent = 10m,
    };

    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;

    public BudgetRuleTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    public void Dispose() => CultureInfo.CurrentUICulture = originalUiCulture;

    [Fact]
    public void Personnel_exactly_at_its_cap_and_own_contribution_exactly_at_the_minimum_pass()
    {
        var form = Budget(personnel: 30_000_000, otherGrant: 60_000_000, own: 10_000_000);

        Assert.Empty(Validate(form));
    }

    [Fact]
    public void Personnel_one_won_over_its_cap_is_refused_with_the_amounts()
    {
        var form = Budget(personnel: 30_000_001, otherGrant: 59_999_999, own: 10_000_000);

        var error = Assert.Single(Validate(form));

        Assert.Equal(ProjectBudget.Field, error.Field);
        Assert.Equal("Personnel ₩30,000,001 is 30.1% of the project total. This call allows 30% (₩30,000,000).", error.Message);
    }

    [Fact]
    public void Own_contribution_just_below_the_minimum_is_refused_with_the_amount_required()
    {
        var form = Budget(personnel: 20_000_000, otherGrant: 70_000_001, own: 9_999_999);

        var error = Assert.Single(Validate(form));

        Assert.Equal("Own contribution ₩9,999,999 is 9.9% of the project total. This call requires at least 10% (₩10,000,000).", error.Message);
    }

    [Fact]
    public void Own_contribution_lines_count_towards_a_capped_category()
    {
        var form = Budget(personnel: 20_000_000, otherGrant: 70_000_000, own: 0);
        form.BudgetLines.Add(new BudgetLineDraft { Category = BudgetCategory.Personnel, Item = "Volunteer coordinator", Amount = new Krw(11_000_000), IsOwnContribution = true });

        var error = Assert.Single(Validate(form));

        Assert.StartsWith("Personnel ₩31,000,000 is 30.7% of the project total.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cap_message_reads_in_Korean_man_won()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        BudgetLineDraft[] lines =
        [
            new() { Category = BudgetCategory.Personnel, Item = "활동가", Amount = new Krw(54_000_000) },
            new() { Category = BudgetCategory.Activities, Item = "교육", Amount = new Krw(81_000_000) },
            new() { Category = BudgetCategory.Activities, Item = "자부담", Amount = new Krw(15_000_000), IsOwnContribution = true },
        ];

        var error = Assert.Single(ProjectBudget.Check(lines, YouthRules, Localizer));

        Assert.Equal("인건비 5,400만 원은 총사업비의 36%입니다. 이 공모는 30%(4,500만 원)까지 허용합니다.", error.Message);
    }

    [Fact]
    public void A_line_in_a_category_the_call_does_not_fund_is_refused_on_that_line()
    {
        var call = NewCall(YouthRules with { AllowedCategories = [BudgetCategory.Personnel, BudgetCategory.Activities] });
        var form = Budget(personnel: 20_000_000, otherGrant: 70_000_000, own: 10_000_000);
        form.BudgetLines[1].Category = BudgetCategory.Equipment;

        var error = Assert.Single(ApplicationRules.Validate(form, call, 2026, organizationVerified: true, Localizer));

        Assert.Equal("BudgetLines[1].Category", error.Field);
        Assert.Equal("Line 2: this call does not fund Equipment.", error.Message);
    }

    [Theory]
    [InlineData(100_000_000, 20_000_000, true)]
    [InlineData(100_000_001, 20_000_000, false)]
    [InlineData(10_000_000, 5_000_000, true)]
    [InlineData(9_999_999, 5_000_000, false)]
    public void Request_limits_apply_to_the_grant_part_only(long grant, long own, bool accepted)
    {
        var call = NewCall(new BudgetRules());
        var form = Budget(personnel: 0, otherGrant: grant, own: own);

        var errors = ApplicationRules.Validate(form, call, 2026, organizationVerified: true, Localizer);

        Assert.Equal(accepted, errors.Count == 0);
        Assert.Equal(new Krw(grant), form.RequestedTotal);
        Assert.Equal(new Krw(grant + own), form.ProjectTotal);
    }

    [Fact]
    public void Requested_total_of_an_application_is_its_grant_part()
    {
        var application = Application.StartDraft(NewCall(YouthRules), 1, "applicant", ClosesAt - Duration.FromDays(3));
        application.BudgetLines.Add(new BudgetLine { Category = BudgetCategory.Activities, Amount = new Krw(90_000_000) });
        application.BudgetLines.Add(new BudgetLine { Category = BudgetCategory.Activities, Amount = new Krw(10_000_000), IsOwnContribution = true });

        Assert.Equal(new Krw(90_000_000), application.RequestedTotal);
        Assert.Equal(new Krw(10_000_000), application.OwnContributionTotal);
        Assert.Equal(new Krw(100_000_000), application.ProjectTotal);
    }

    private static IReadOnlyList<FieldError> Validate(ApplicationDraft form) =>
        ApplicationRules.Validate(form, NewCall(YouthRules), 2026, organizationVerified: true, Localizer);

    private static ApplicationDraft Budget(long personnel, long otherGrant, long own)
    {
        var form = new ApplicationDraft
        {
            ProjectTitle = "Title",
            Summary = "Summary",
            StartDate = new LocalDate(2026, 4, 1),
            EndDate = new LocalDate(2026, 11, 30),
            Category = ProjectCategories.CapacityBuilding,
            DeclarationAccepted = true,
        };
        if (personnel > 0)
        {
            form.BudgetLines.Add(new BudgetLineDraft { Category = BudgetCategory.Personnel, Item = "Staff", Amount = new Krw(personnel) });
        }

        form.BudgetLines.Add(new BudgetLineDraft { Category = BudgetCategory.Activities, Item = "Trainers", Amount = new Krw(otherGrant) });
        if (own > 0)
        {
            form.BudgetLines.Add(new BudgetLineDraft { Category = BudgetCategory.Activities, Item = "Our own funds", Amount = new Krw(own), IsOwnContribution = true });
        }

        return form;
    }

    private static Call NewCall(BudgetRules rules)
    {
        var call = new Call
        {
            Code = "YOUTH",
            MinimumRequest = new Krw(10_000_000),
            MaximumRequest = new Krw(100_000_000),
            Categories = ProjectCategories.CapacityBuilding,
            OpensAt = ClosesAt - Duration.FromDays(30),
            ClosesAt = ClosesAt,
            BudgetRules = rules,
        };
        call.Publish(ClosesAt - Duration.FromDays(30));
        return call;
    }
}
