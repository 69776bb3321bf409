using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GrantPortal.Core.Tests.Calls;

/// <summary>The budget rules an officer sets on a call: caps between 0 and 100% with one decimal, only on allowed categories.</summary>
public sealed class CallBudgetRulesTests : IDisposable
{
    private const string CapField = "BudgetRules.Caps[0].MaximumPercent";

    private static readonly IStringLocalizer<Strings> Localizer =
        new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;

    public CallBudgetRulesTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    public void Dispose() => CultureInfo.CurrentUICulture = originalUiCulture;

    [Theory]
    [InlineData("0", false)]
    [InlineData("0.1", true)]
    [InlineData("30", true)]
    [InlineData("33.3", true)]
    [InlineData("33.35", false)]
    [InlineData("100", true)]
    [InlineData("100.1", false)]
    [InlineData("-5", false)]
    public void A_cap_is_above_zero_and_at_most_100_percent_with_one_decimal(string percent, bool accepted)
    {
        var form = WithRules(new BudgetRules { Caps = [new CategoryCap(BudgetCategory.Personnel, decimal.Parse(percent, CultureInfo.InvariantCulture))] });

        Assert.Equal(accepted, ErrorFor(form, CapField) is null);
    }

    [Fact]
    public void A_cap_on_a_category_the_call_does_not_fund_is_refused()
    {
        var form = WithRules(new BudgetRules
        {
            AllowedCategories = [BudgetCategory.Activities, BudgetCategory.Travel],
            Caps = [new CategoryCap(BudgetCategory.Personnel, 30m)],
        });

        Assert.Equal("Personnel: a cap can only be set for a category the call allows.", ErrorFor(form, CapField));
    }

    [Fact]
    public void A_second_cap_on_the_same_category_is_refused()
    {
        var form = WithRules(new BudgetRules { Caps = [new CategoryCap(BudgetCategory.Personnel, 30m), new CategoryCap(BudgetCategory.Personnel, 20m)] });

        Assert.Equal("Personnel has more than one cap; keep one.", ErrorFor(form, "BudgetRules.Caps[1].MaximumPercent"));
    }

    [Fact]
    public void Rules_that_allow_no_known_category_are_refused()
    {
        var form = WithRules(new BudgetRules { AllowedCategories = [(BudgetCategory)99] });

        Assert.Equal("Allow at least one budget category.", ErrorFor(form, "BudgetRules.AllowedCategories"));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("10", true)]
    [InlineData("12.5", true)]
    [InlineData("100", true)]
    [InlineData("100.5", false)]
    [InlineData("-1", false)]
    [InlineData("10.25", false)]
    public void Own_contribution_is_between_0_and_100_percent(string percent, bool accepted)
    {
        var form = WithRules(new BudgetRules { MinimumOwnContributionPercent = decimal.Parse(percent, CultureInfo.InvariantCulture) });

        Assert.Equal(accepted, ErrorFor(form, "BudgetRules.MinimumOwnContributionPercent") is null);
    }

    [Fact]
    public void No_rules_allow_every_category_without_caps() => Assert.Empty(WithRules(new BudgetRules()).Validate(Localizer));

    private static string? ErrorFor(CallForm form, string field) => form.Validate(Localizer).FirstOrDefault(e => e.Field == field)?.Message;

    private static CallForm WithRules(BudgetRules rules) => new()
    {
        Year = 2026,
        Code = "YOUTH",
        TitleKorean = "청년 역량강화",
        TitleEnglish = "Youth capacity",
        Categories = ProjectCategories.CapacityBuilding,
        Opens = new LocalDateTime(2026, 3, 2, 9, 0),
        Closes = new LocalDateTime(2026, 4, 3, 18, 0),
        MinimumRequest = new Krw(10_000_000),
        MaximumRequest = new Krw(100_000_000),
        Envelope = new Krw(900_000_000),
        ReviewersPerApplication = 3,
        ReviewDueOn = new LocalDate(2026, 4, 24),
        Criteria = { new CriterionForm { NameKorean = "타당성", NameEnglish = "Relevance", Weight = 2m, ScaleMinimum = 1, ScaleMaximum = 5 } },
        BudgetRules = rules,
    };
}
