using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GrantPortal.Core.Tests.Calls;

public sealed class CallFormTests : IDisposable
{
    private static readonly IStringLocalizer<Strings> Localizer =
        new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;

    public CallFormTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    public void Dispose() => CultureInfo.CurrentUICulture = originalUiCulture;

    private static CallForm Valid() => new()
    {
        Year = 2026,
        Code = "NKHR",
        TitleKorean = "북한인권 민간단체 지원",
        TitleEnglish = "Support for North Korean human rights CSOs",
        Categories = ProjectCategories.CapacityBuilding | ProjectCategories.CultureAndArts,
        Opens = new LocalDateTime(2026, 3, 2, 9, 0),
        Closes = new LocalDateTime(2026, 4, 3, 18, 0),
        MinimumRequest = new Krw(10_000_000),
        MaximumRequest = new Krw(100_000_000),
        Envelope = new Krw(900_000_000),
        ReviewersPerApplication = 3,
        ReviewDueOn = new LocalDate(2026, 4, 24),
        Criteria = { new CriterionForm { NameKorean = "타당성", NameEnglish = "Relevance", Weight = 2m, ScaleMinimum = 1, ScaleMaximum = 5 } },
    };

    private static IReadOnlyList<FieldError> ErrorsOf(CallForm form) => form.Validate(Localizer);

    private static string? ErrorFor(CallForm form, string field) => ErrorsOf(form).FirstOrDefault(e => e.Field == field)?.Message;

    [Fact]
    public void Complete_form_is_valid() => Assert.Empty(ErrorsOf(Valid()));

    [Fact]
    public void Closing_before_opening_is_refused()
    {
        var form = Valid() with { Closes = new LocalDateTime(2026, 3, 2, 8, 59) };

        Assert.Equal("The closing moment must come after the opening moment.", ErrorFor(form, nameof(CallForm.Closes)));
    }

    [Fact]
    public void Closing_at_the_opening_moment_is_refused() =>
        Assert.NotNull(ErrorFor(Valid() with { Closes = new LocalDateTime(2026, 3, 2, 9, 0) }, nameof(CallForm.Closes)));

    [Fact]
    public void Opening_at_midnight_on_new_years_day_in_Seoul_is_inside_the_year() =>
        Assert.Null(ErrorFor(Valid() with { Opens = new LocalDateTime(2026, 1, 1, 0, 0) }, nameof(CallForm.Opens)));

    [Fact]
    public void Opening_one_minute_before_the_year_in_Seoul_is_refused()
    {
        // 2025-12-31 23:59 in Seoul is already 2025-12-31 14:59 UTC: the year is Seoul's, not UTC's.
        var form = Valid() with { Opens = new LocalDateTime(2025, 12, 31, 23, 59) };

        Assert.Equal("Must fall inside budget year 2026 (Seoul time).", ErrorFor(form, nameof(CallForm.Opens)));
    }

    [Fact]
    public void Closing_at_the_last_minute_of_the_year_in_Seoul_is_accepted()
    {
        var form = Valid() with { Closes = new LocalDateTime(2026, 12, 31, 23, 59, 59), ReviewDueOn = new LocalDate(2027, 1, 15) };

        Assert.Empty(ErrorsOf(form));
    }

    [Fact]
    public void Closing_at_midnight_after_the_year_in_Seoul_is_refused() =>
        Assert.NotNull(ErrorFor(Valid() with { Closes = new LocalDateTime(2027, 1, 1, 0, 0), ReviewDueOn = new LocalDate(2027, 1, 15) }, nameof(CallForm.Closes)));

    [Fact]
    public void Minimum_above_maximum_is_refused() =>
        Assert.Equal(
            "The minimum request cannot exceed the maximum request.",
            ErrorFor(Valid() with { MinimumRequest = new Krw(100_000_001) }, nameof(CallForm.MaximumRequest)));

    [Fact]
    public void Minimum_equal_to_maximum_is_accepted() =>
        Assert.Empty(ErrorsOf(Valid() with { MinimumRequest = new Krw(100_000_000) }));

    [Fact]
    public void Maximum_above_the_envelope_is_refused() =>
        Assert.Equal(
            "The maximum request cannot exceed the call's envelope.",
            ErrorFor(Valid() with { Envelope = new Krw(99_999_999) }, nameof(CallForm.MaximumRequest)));

    [Fact]
    public void Negative_amounts_are_refused()
    {
        var form = Valid() with { MinimumRequest = new Krw(-1) };

        Assert.Equal("An amount cannot be negative.", ErrorFor(form, nameof(CallForm.MinimumRequest)));
    }

    [Fact]
    public void Amounts_above_the_ceiling_are_refused()
    {
        var form = Valid() with { Envelope = Krw.Ceiling + new Krw(1), MaximumRequest = Krw.Ceiling + new Krw(1) };

        Assert.Equal("An amount cannot exceed ₩1,000,000,000,000.", ErrorFor(form, nameof(CallForm.Envelope)));
        Assert.NotNull(ErrorFor(form, nameof(CallForm.MaximumRequest)));
    }

    [Fact]
    public void Zero_envelope_is_refused() =>
        Assert.NotNull(ErrorFor(Valid() with { Envelope = Krw.Zero, MaximumRequest = Krw.Zero, MinimumRequest = Krw.Zero }, nameof(CallForm.Envelope)));

    [Fact]
    public void Missing_titles_are_refused_in_each_language()
    {
        var form = Valid() with { TitleKorean = " ", TitleEnglish = "" };

        Assert.Equal("Enter the title in Korean.", ErrorFor(form, nameof(CallForm.TitleKorean)));
        Assert.Equal("Enter the title in English.", ErrorFor(form, nameof(CallForm.TitleEnglish)));
    }

    [Fact]
    public void Messages_are_in_korean_for_a_korean_reader()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");

        Assert.Equal("마감 시각은 접수 시작 시각보다 뒤여야 합니다.", ErrorFor(Valid() with { Closes = Valid().Opens }, nameof(CallForm.Closes)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Reviewers_outside_one_to_ten_are_refused(int reviewers) =>
        Assert.NotNull(ErrorFor(Valid() with { ReviewersPerApplication = reviewers }, nameof(CallForm.ReviewersPerApplication)));

    [Fact]
    public void Review_due_on_the_closing_day_is_refused() =>
        Assert.NotNull(ErrorFor(Valid() with { ReviewDueOn = new LocalDate(2026, 4, 3) }, nameof(CallForm.ReviewDueOn)));

    [Fact]
    public void Call_without_criteria_is_refused()
    {
        var form = Valid();
        form.Criteria.Clear();

        Assert.Equal("Add at least one review criterion.", ErrorFor(form, nameof(CallForm.Criteria)));
    }

    [Fact]
    public void Criterion_with_zero_weight_or_inverted_scale_is_refused()
    {
        var form = Valid();
        form.Criteria.Add(new CriterionForm { NameKorean = "예산", NameEnglish = "Budget", Weight = 0m, ScaleMinimum = 5, ScaleMaximum = 5 });

        Assert.Equal("Criterion 2: the weight must be above 0 and at most 100.", ErrorFor(form, "Criteria[1].Weight"));
        Assert.NotNull(ErrorFor(form, "Criteria[1].ScaleMaximum"));
    }

    [Fact]
    public void Call_without_categories_is_refused() =>
        Assert.NotNull(ErrorFor(Valid() with { Categories = ProjectCategories.None }, nameof(CallForm.Categories)));

    [Fact]
    public void Blank_form_for_a_year_has_its_moments_inside_that_year()
    {
        var form = CallForm.Blank(2026, new LocalDate(2026, 12, 20));

        Assert.Equal(2026, form.Opens.Year);
        Assert.Equal(2026, form.Closes.Year);
        Assert.True(form.Closes > form.Opens);
    }
}
