using GrantPortal.Core.Applications;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Kernel;
using GrantPortal.Core.Money;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Core.Tests.Forms;

public sealed class AnswerRuleTests
{
    private static readonly Dictionary<string, int> NoFiles = [];

    [Theory]
    [InlineData(QuestionType.ShortText)]
    [InlineData(QuestionType.LongText)]
    [InlineData(QuestionType.WholeNumber)]
    [InlineData(QuestionType.Amount)]
    [InlineData(QuestionType.Date)]
    [InlineData(QuestionType.SingleChoice)]
    [InlineData(QuestionType.MultipleChoice)]
    [InlineData(QuestionType.YesNo)]
    [InlineData(QuestionType.Table)]
    [InlineData(QuestionType.File)]
    public void A_required_question_left_empty_is_named_in_the_readers_language(QuestionType type)
    {
        var question = Ask(type) with { Required = true };

        var error = Assert.Single(Validate(question, answer: null, language: Languages.Korean));

        Assert.Equal("Answers[q]", error.Field);
        Assert.Equal(type == QuestionType.File ? "Answers_FileRequired(질문)" : "Answers_Required(질문)", error.Message);
        Assert.Equal(type == QuestionType.File ? "Answers_FileRequired(Question)" : "Answers_Required(Question)", Validate(question, null, Languages.English).Single().Message);
    }

    [Theory]
    [InlineData(QuestionType.ShortText)]
    [InlineData(QuestionType.WholeNumber)]
    [InlineData(QuestionType.Table)]
    [InlineData(QuestionType.File)]
    public void An_optional_question_left_empty_passes(QuestionType type) => Assert.Empty(Validate(Ask(type), null));

    [Theory]
    [InlineData(49, "Answers_TooShort(Question,50,49)")]
    [InlineData(50, null)]
    [InlineData(2000, null)]
    [InlineData(2001, "Answers_TooLong(Question,2000,2001)")]
    public void Long_text_counts_characters_against_its_minimum_and_maximum(int length, string? expected)
    {
        var question = Ask(QuestionType.LongText) with { MinLength = 50, MaxLength = 2000 };

        Assert.Equal(expected, Validate(question, new string('가', length)).SingleOrDefault()?.Message);
    }

    [Theory]
    [InlineData("4", "Answers_BelowMinimum(Question,5 people)")]
    [InlineData("5", null)]
    [InlineData("100", null)]
    [InlineData("101", "Answers_AboveMaximum(Question,100 people)")]
    [InlineData("12.5", "Answers_NotANumber(Question)")]
    [InlineData("many", "Answers_NotANumber(Question)")]
    public void Whole_number_stays_within_its_range(string answer, string? expected)
    {
        var question = Ask(QuestionType.WholeNumber) with { Minimum = 5, Maximum = 100, UnitEnglish = "people", UnitKorean = "명" };

        Assert.Equal(expected, Validate(question, answer).SingleOrDefault()?.Message);
    }

    [Theory]
    [InlineData(0L, true)]
    [InlineData(1_000_000_000_000L, true)]
    [InlineData(1_000_000_000_001L, false)]
    [InlineData(-1L, false)]
    public void Amount_is_never_negative_nor_above_the_ceiling(long won, bool accepted)
    {
        var errors = Validate(Ask(QuestionType.Amount), AnswerFormat.WriteNumber(won));

        Assert.Equal(accepted, errors.Count == 0);
        Assert.Equal(1_000_000_000_000L, Krw.Ceiling.Won);
    }

    [Theory]
    [InlineData(9_999_999L, false)]
    [InlineData(10_000_000L, true)]
    [InlineData(50_000_000L, true)]
    [InlineData(50_000_001L, false)]
    public void Amount_stays_within_the_questions_range(long won, bool accepted)
    {
        var question = Ask(QuestionType.Amount) with { Minimum = 10_000_000, Maximum = 50_000_000 };

        Assert.Equal(accepted, Validate(question, AnswerFormat.WriteNumber(won)).Count == 0);
    }

    [Theory]
    [InlineData("2026-02-28", true)]
    [InlineData("2028-02-29", true)]
    [InlineData("2026-02-29", false)]
    [InlineData("2026-13-01", false)]
    [InlineData("01/03/2026", false)]
    public void Date_must_be_a_real_ISO_date(string answer, bool accepted) =>
        Assert.Equal(accepted, Validate(Ask(QuestionType.Date), answer).Count == 0);

    [Theory]
    [InlineData(QuestionType.SingleChoice, "b", true)]
    [InlineData(QuestionType.SingleChoice, "z", false)]
    [InlineData(QuestionType.MultipleChoice, """["a","c"]""", true)]
    [InlineData(QuestionType.MultipleChoice, """["a","z"]""", false)]
    [InlineData(QuestionType.MultipleChoice, "a", false)]
    [InlineData(QuestionType.YesNo, "yes", true)]
    [InlineData(QuestionType.YesNo, "no", true)]
    [InlineData(QuestionType.YesNo, "maybe", false)]
    public void Choices_accept_only_the_keys_offered(QuestionType type, string answer, bool accepted) =>
        Assert.Equal(accepted, Validate(Ask(type), answer).Count == 0);

    [Fact]
    public void A_required_multiple_choice_with_nothing_ticked_is_unanswered()
    {
        var question = Ask(QuestionType.MultipleChoice) with { Required = true };

        Assert.Equal("Answers_Required(Question)", Validate(question, "[]").Single().Message);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Table_rows_stay_within_the_maximum(int rows, bool accepted)
    {
        var question = Ask(QuestionType.Table) with { MaxRows = 3 };
        var answer = AnswerFormat.WriteRows(Enumerable.Range(1, rows).Select(i => new Dictionary<string, string> { ["name"] = $"Partner {i}" }));

        Assert.Equal(accepted, Validate(question, answer).Count == 0);
    }

    [Fact]
    public void Table_cells_outside_the_defined_columns_are_refused()
    {
        var answer = AnswerFormat.WriteRows([new Dictionary<string, string> { ["name"] = "Partner", ["salary"] = "1" }]);

        Assert.Equal("Answers_UnknownColumn(Question)", Validate(Ask(QuestionType.Table), answer).Single().Message);
    }

    [Fact]
    public void A_required_table_with_only_blank_rows_is_unanswered()
    {
        var question = Ask(QuestionType.Table) with { Required = true };
        var answer = AnswerFormat.WriteRows([new Dictionary<string, string> { ["name"] = " ", ["role"] = "" }]);

        Assert.Equal("Answers_Required(Question)", Validate(question, answer).Single().Message);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void A_required_file_question_needs_at_least_one_file_and_at_most_its_maximum(int files, bool accepted)
    {
        var question = Ask(QuestionType.File) with { Required = true, MaxFiles = 2 };
        var form = Form(question);

        var errors = AnswerRules.Validate(form, new Dictionary<string, string>(), new Dictionary<string, int> { ["q"] = files }, Languages.English, new KeyLocalizer());

        Assert.Equal(accepted, errors.Count == 0);
    }

    [Fact]
    public void A_question_hidden_by_its_condition_is_never_required()
    {
        var form = ConditionalForm();

        Assert.Empty(AnswerRules.Validate(form, new Dictionary<string, string> { ["defectors"] = "no" }, NoFiles, Languages.English, new KeyLocalizer()));
        Assert.Equal("Answers[role]", AnswerRules.Validate(form, new Dictionary<string, string> { ["defectors"] = "yes" }, NoFiles, Languages.English, new KeyLocalizer()).Single().Field);
    }

    [Fact]
    public void A_stale_answer_to_a_hidden_question_is_dropped_on_submission()
    {
        var answers = new Dictionary<string, string> { ["defectors"] = "no", ["role"] = "Two trainers." };

        var submitted = AnswerRules.ForSubmission(ConditionalForm(), answers);

        Assert.Equal(new Dictionary<string, string> { ["defectors"] = "no" }, submitted);
    }

    [Fact]
    public void Saving_keeps_only_answers_to_the_forms_questions_and_clips_long_text()
    {
        var form = Form(Ask(QuestionType.LongText) with { MaxLength = 10 }, Ask(QuestionType.File) with { Key = "letter" });
        var answers = new Dictionary<string, string> { ["q"] = "  " + new string('x', 30) + "  ", ["unknown"] = "x", ["letter"] = "x", ["empty"] = " " };

        var cleaned = AnswerRules.Clean(form, answers);

        Assert.Equal(new Dictionary<string, string> { ["q"] = new string('x', 10) }, cleaned);
    }

    private static FormDefinition ConditionalForm() => Form(
        Ask(QuestionType.YesNo) with { Key = "defectors", Required = true },
        Ask(QuestionType.LongText) with { Key = "role", Required = true, ShowWhen = new ShowWhen("defectors", [AnswerFormat.Yes]) });

    private static IReadOnlyList<FieldError> Validate(Question question, string? answer, string language = Languages.English)
    {
        var answers = answer is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [question.Key] = answer };
        return AnswerRules.Validate(Form(question), answers, NoFiles, language, new KeyLocalizer());
    }

    private static FormDefinition Form(params Question[] questions) => new() { Sections = [new FormSection { Key = "s", Questions = questions }] };

    private static Question Ask(QuestionType type) => new()
    {
        Key = "q",
        Type = type,
        LabelKorean = "질문",
        LabelEnglish = "Question",
        Choices = [new Choice("a", "가", "A"), new Choice("b", "나", "B"), new Choice("c", "다", "C")],
        Columns = [new TableColumn("name", "이름", "Name"), new TableColumn("role", "역할", "Role")],
        MaxFiles = 1,
    };

    /// <summary>The key and its arguments, so a test reads which rule spoke and whose label it named.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, $"{name}({string.Join(",", arguments.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)))})");

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
