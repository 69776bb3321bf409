using System.Globalization;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Tests.Calls;

public sealed class EligibilityCheckTests : IDisposable
{
    private static readonly IStringLocalizer<Strings> Localizer =
        new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;

    public EligibilityCheckTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    public void Dispose() => CultureInfo.CurrentUICulture = originalUiCulture;

    private static ScreeningQuestion NonProfit(string key = "nonprofit") => new()
    {
        Key = key,
        Type = QuestionType.YesNo,
        TextKorean = "비영리민간단체로 등록되어 있습니까?",
        TextEnglish = "Are you a registered non-profit civil organization?",
        IneligibleAnswers = [AnswerFormat.No],
        ReasonKorean = "비영리민간단체만 신청할 수 있습니다.",
        ReasonEnglish = "Only registered non-profit civil organizations may apply.",
    };

    private static ScreeningQuestion Region() => new()
    {
        Key = "region",
        Type = QuestionType.SingleChoice,
        TextKorean = "단체의 소재지는 어디입니까?",
        TextEnglish = "Where is your organization based?",
        Choices = [new Choice("korea", "국내", "In Korea"), new Choice("abroad", "해외", "Abroad")],
        IneligibleAnswers = ["abroad"],
        ReasonKorean = "국내 단체만 신청할 수 있습니다.",
        ReasonEnglish = "Only organizations based in Korea may apply.",
    };

    private static IReadOnlyList<FieldError> ErrorsOf(EligibilityRules rules) => EligibilityCheck.Validate(rules, Localizer);

    private static string? ErrorFor(EligibilityRules rules, string field) => ErrorsOf(rules).FirstOrDefault(e => e.Field == field)?.Message;

    [Fact]
    public void Yes_no_and_choice_questions_with_all_rules_switched_on_are_valid() =>
        Assert.Empty(ErrorsOf(new EligibilityRules
        {
            Questions = [NonProfit(), Region()],
            OneApplicationPerOrganization = true,
            MaximumAwardsPerYear = 2,
            MinimumYearsSinceFounding = 3,
        }));

    [Fact]
    public void Ten_questions_are_allowed_and_an_eleventh_is_refused()
    {
        var ten = Enumerable.Range(1, 10).Select(i => NonProfit($"q{i}")).ToList();
        Assert.Empty(ErrorsOf(new EligibilityRules { Questions = ten }));

        var eleven = new EligibilityRules { Questions = [.. ten, NonProfit("q11")] };
        Assert.Equal("A call asks at most 10 screening questions.", ErrorFor(eleven, "Eligibility.Questions"));
    }

    [Fact]
    public void Two_questions_with_one_key_are_refused_on_the_second()
    {
        var rules = new EligibilityRules { Questions = [NonProfit("same"), NonProfit("same")] };

        Assert.Null(ErrorFor(rules, "Eligibility.Questions[0].Key"));
        Assert.Equal("Question 2: another question already uses the key \"same\".", ErrorFor(rules, "Eligibility.Questions[1].Key"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("한글키")]
    public void A_key_that_cannot_name_counts_is_refused(string key) =>
        Assert.NotNull(ErrorFor(new EligibilityRules { Questions = [NonProfit(key)] }, "Eligibility.Questions[0].Key"));

    [Theory]
    [InlineData(nameof(ScreeningQuestion.TextKorean))]
    [InlineData(nameof(ScreeningQuestion.TextEnglish))]
    [InlineData(nameof(ScreeningQuestion.ReasonKorean))]
    [InlineData(nameof(ScreeningQuestion.ReasonEnglish))]
    public void Each_text_and_reason_is_required_in_both_languages(string field)
    {
        var question = field switch
        {
            nameof(ScreeningQuestion.TextKorean) => NonProfit() with { TextKorean = " " },
            nameof(ScreeningQuestion.TextEnglish) => NonProfit() with { TextEnglish = "" },
            nameof(ScreeningQuestion.ReasonKorean) => NonProfit() with { ReasonKorean = "" },
            _ => NonProfit() with { ReasonEnglish = "  " },
        };

        var errors = ErrorsOf(new EligibilityRules { Questions = [question] });

        Assert.Equal($"Eligibility.Questions[0].{field}", Assert.Single(errors).Field);
    }

    [Fact]
    public void A_question_without_an_ineligible_answer_is_refused() =>
        Assert.Equal(
            "Question 1: mark at least one of its answers as making an organization ineligible.",
            ErrorFor(new EligibilityRules { Questions = [NonProfit() with { IneligibleAnswers = [] }] }, "Eligibility.Questions[0].IneligibleAnswers"));

    [Fact]
    public void An_ineligible_answer_the_question_does_not_offer_is_refused() =>
        Assert.NotNull(ErrorFor(new EligibilityRules { Questions = [Region() with { IneligibleAnswers = ["mars"] }] }, "Eligibility.Questions[0].IneligibleAnswers"));

    [Fact]
    public void A_question_every_answer_of_which_screens_out_is_refused() =>
        Assert.Contains(
            "no one could apply",
            ErrorFor(new EligibilityRules { Questions = [NonProfit() with { IneligibleAnswers = [AnswerFormat.Yes, AnswerFormat.No] }] }, "Eligibility.Questions[0].IneligibleAnswers"),
            StringComparison.Ordinal);

    [Fact]
    public void A_choice_question_needs_two_choices_with_labels_in_both_languages()
    {
        Assert.NotNull(ErrorFor(new EligibilityRules { Questions = [Region() with { Choices = [new Choice("korea", "국내", "In Korea")], IneligibleAnswers = ["korea"] }] }, "Eligibility.Questions[0].Choices"));
        Assert.NotNull(ErrorFor(new EligibilityRules { Questions = [Region() with { Choices = [new Choice("korea", "국내", ""), new Choice("abroad", "해외", "Abroad")] }] }, "Eligibility.Questions[0].Choices"));
    }

    [Fact]
    public void Only_yes_no_and_single_choice_can_screen() =>
        Assert.NotNull(ErrorFor(new EligibilityRules { Questions = [NonProfit() with { Type = QuestionType.ShortText }] }, "Eligibility.Questions[0].Type"));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(EligibilityCheck.MaximumAwards, false)]
    [InlineData(EligibilityCheck.MaximumAwards + 1, true)]
    public void Awards_per_year_must_be_sane(int maximum, bool refused) =>
        Assert.Equal(refused, ErrorFor(new EligibilityRules { MaximumAwardsPerYear = maximum }, "Eligibility.MaximumAwardsPerYear") is not null);

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(EligibilityCheck.MaximumYears, false)]
    [InlineData(EligibilityCheck.MaximumYears + 1, true)]
    public void Years_since_founding_must_be_sane(int years, bool refused) =>
        Assert.Equal(refused, ErrorFor(new EligibilityRules { MinimumYearsSinceFounding = years }, "Eligibility.MinimumYearsSinceFounding") is not null);

    [Fact]
    public void The_call_form_reports_eligibility_errors_with_its_own()
    {
        var form = new CallForm { Eligibility = new EligibilityRules { Questions = [NonProfit() with { ReasonEnglish = "" }] } };

        Assert.Contains(form.Validate(Localizer), e => e.Field == "Eligibility.Questions[0].ReasonEnglish");
    }

    [Fact]
    public void Saved_rules_are_trimmed_and_a_yes_no_question_keeps_no_choices()
    {
        var rules = EligibilityCheck.Normalized(new EligibilityRules
        {
            Questions = [NonProfit(" padded ") with { TextEnglish = " Registered? ", Choices = [new Choice("x", "x", "x")] }],
        });

        var question = Assert.Single(rules.Questions);
        Assert.Equal("padded", question.Key);
        Assert.Equal("Registered?", question.TextEnglish);
        Assert.Empty(question.Choices);
    }
}
