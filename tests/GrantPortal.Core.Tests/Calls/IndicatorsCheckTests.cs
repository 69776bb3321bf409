using System.Globalization;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GrantPortal.Core.Tests.Calls;

public sealed class IndicatorsCheckTests : IDisposable
{
    private static readonly IStringLocalizer<Strings> Localizer =
        new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;

    public IndicatorsCheckTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    public void Dispose() => CultureInfo.CurrentUICulture = originalUiCulture;

    [Fact]
    public void New_call_starts_with_the_five_standard_indicators_and_they_are_valid()
    {
        var form = CallForm.Blank(2026, new LocalDate(2026, 3, 2));

        Assert.Equal(["participants", "beneficiaries", "events_held", "publications", "media_reach"], form.Indicators.Select(i => i.Key));
        Assert.Empty(IndicatorsCheck.Validate(form.Indicators, Localizer));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Participants")]
    [InlineData("1st")]
    [InlineData("youth trained")]
    [InlineData("참여자")]
    public void Key_that_is_not_lower_case_letters_digits_and_underscores_is_refused(string key)
    {
        var errors = IndicatorsCheck.Validate([Indicator(key)], Localizer);

        var error = Assert.Single(errors);
        Assert.Equal("Indicators[0].Key", error.Field);
        Assert.Contains("lower-case", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_indicators_with_one_key_are_refused_on_the_second()
    {
        var errors = IndicatorsCheck.Validate([Indicator("trained"), Indicator("trained") with { NameKorean = "수료 청년" }], Localizer);

        var error = Assert.Single(errors);
        Assert.Equal("Indicators[1].Key", error.Field);
        Assert.Contains("\"trained\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_indicators_with_one_name_and_unit_are_refused_because_roll_ups_would_merge_them()
    {
        var errors = IndicatorsCheck.Validate([Indicator("a"), Indicator("b")], Localizer);

        Assert.Equal("Indicators[1].NameKorean", Assert.Single(errors).Field);
    }

    [Fact]
    public void Same_name_with_another_unit_is_a_different_indicator()
    {
        Assert.Empty(IndicatorsCheck.Validate([Indicator("a"), Indicator("b") with { UnitKorean = "회", UnitEnglish = "sessions" }], Localizer));
    }

    [Fact]
    public void Missing_names_and_units_are_named_per_field_and_language()
    {
        var errors = IndicatorsCheck.Validate([new IndicatorForm { Key = "empty" }], Localizer);

        Assert.Equal(
            ["Indicators[0].NameKorean", "Indicators[0].NameEnglish", "Indicators[0].UnitKorean", "Indicators[0].UnitEnglish"],
            errors.Select(e => e.Field));
        Assert.Contains("Korean name", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_longer_than_forty_characters_is_refused()
    {
        var errors = IndicatorsCheck.Validate([Indicator("a") with { UnitEnglish = new string('x', 41) }], Localizer);

        Assert.Equal("Indicators[0].UnitEnglish", Assert.Single(errors).Field);
    }

    [Fact]
    public void More_than_twenty_indicators_are_refused()
    {
        var many = Enumerable.Range(1, IndicatorsCheck.MaximumIndicators + 1).Select(i => Indicator($"k{i}") with { NameKorean = $"지표 {i}" }).ToList();

        Assert.Equal("Indicators", Assert.Single(IndicatorsCheck.Validate(many, Localizer)).Field);
        Assert.Empty(IndicatorsCheck.Validate(many.Take(IndicatorsCheck.MaximumIndicators).ToList(), Localizer));
    }

    [Fact]
    public void Call_form_validation_includes_its_indicators()
    {
        var form = CallForm.Blank(2026, new LocalDate(2026, 3, 2));
        form.Indicators[2].UnitKorean = " ";

        Assert.Contains(form.Validate(Localizer), e => e.Field == "Indicators[2].UnitKorean");
    }

    private static IndicatorForm Indicator(string key) => new()
    {
        Key = key, Kind = IndicatorKind.Outcome, NameKorean = "교육을 수료한 청년", NameEnglish = "Young people trained", UnitKorean = "명", UnitEnglish = "people",
    };
}
