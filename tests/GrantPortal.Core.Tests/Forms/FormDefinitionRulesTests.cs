using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Tests.Forms;

public sealed class FormDefinitionRulesTests : IDisposable
{
    private static readonly IStringLocalizer<Strings> Localizer =
        new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;

    public FormDefinitionRulesTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    public void Dispose() => CultureInfo.CurrentUICulture = originalUiCulture;

    private static Question Ask(string key, QuestionType type) => new()
    {
        Key = key, Type = type, LabelKorean = "질문 " + key, LabelEnglish = "Question " + key,
        Choices = type is QuestionType.SingleChoice or QuestionType.MultipleChoice ? [new Choice("a", "가", "A"), new Choice("b", "나", "B")] : [],
        Columns = type == QuestionType.Table ? [new TableColumn("name", "이름", "Name")] : [],
    };

    private static FormDefinition Form(params Question[] questions) => new()
    {
        Sections = [new FormSection { Key = "main", TitleKorean = "본문", TitleEnglish = "Main", Questions = questions }],
    };

    private static IReadOnlyList<FieldError> Check(params Question[] questions) => FormDefinitionRules.Validate(Form(questions), Localizer);

    private static string Only(IReadOnlyList<FieldError> errors, string field)
    {
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        return error.Message;
    }

    [Fact]
    public void A_question_of_every_type_with_its_defaults_passes()
    {
        Assert.Empty(Check(Enum.GetValues<QuestionType>().Select((t, i) => Ask("q" + i, t)).ToArray()));
        Assert.Empty(FormDefinitionRules.Validate(DefaultForm.Definition, Localizer));
    }

    [Theory]
    [InlineData("ab", true)]
    [InlineData("safety_plan2", true)]
    [InlineData("a", false)]
    [InlineData("2plan", false)]
    [InlineData("Safety", false)]
    [InlineData("safety-plan", false)]
    [InlineData("안전", false)]
    public void Keys_are_two_to_sixty_four_lowercase_letters_digits_or_underscores_from_a_letter(string key, bool valid)
    {
        var errors = Check(Ask(key, QuestionType.ShortText));
        Assert.Equal(valid, errors.Count == 0);
        Assert.True(FormDefinitionRules.IsKey("a" + new string('b', 63)));
        Assert.False(FormDefinitionRules.IsKey("a" + new string('b', 64)));
    }

    [Fact]
    public void Two_questions_with_one_key_are_refused_on_the_second()
    {
        var message = Only(Check(Ask("plan", QuestionType.ShortText), Ask("plan", QuestionType.LongText)), "Sections[0].Questions[1].Key");
        Assert.Contains("plan", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Korean_and_English_labels_are_both_required()
    {
        var errors = Check(Ask("plan", QuestionType.ShortText) with { LabelKorean = " ", LabelEnglish = "" });
        Assert.Equal(["Sections[0].Questions[0].LabelKorean", "Sections[0].Questions[0].LabelEnglish"], errors.Select(e => e.Field));
        Assert.Equal("Enter the Korean text.", errors[0].Message);
    }

    [Theory]
    [InlineData(QuestionType.ShortText, 1, 500, null)]
    [InlineData(QuestionType.ShortText, 10, 10, null)]
    [InlineData(QuestionType.ShortText, 11, 10, "MaxLength")]
    [InlineData(QuestionType.ShortText, 1, 501, "MaxLength")]
    [InlineData(QuestionType.LongText, 100, 20_000, null)]
    [InlineData(QuestionType.LongText, 0, 100, "MinLength")]
    [InlineData(QuestionType.LongText, 1, 20_001, "MaxLength")]
    public void Character_limits_stay_between_one_and_the_type_maximum_with_min_not_above_max(QuestionType type, int min, int max, string? wrong)
    {
        var errors = Check(Ask("plan", type) with { MinLength = min, MaxLength = max });
        if (wrong is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Only(errors, "Sections[0].Questions[0]." + wrong);
        }
    }

    [Fact]
    public void A_number_range_upside_down_is_refused_on_the_maximum_and_an_amount_cannot_go_below_zero()
    {
        Assert.Empty(Check(Ask("count", QuestionType.WholeNumber) with { Minimum = 5, Maximum = 5 }));
        Assert.Equal("The maximum is below the minimum.", Only(Check(Ask("count", QuestionType.WholeNumber) with { Minimum = 6, Maximum = 5 }), "Sections[0].Questions[0].Maximum"));
        Only(Check(Ask("money", QuestionType.Amount) with { Minimum = -1 }), "Sections[0].Questions[0].Minimum");
        Assert.Empty(Check(Ask("money", QuestionType.Amount) with { Minimum = 0, Maximum = 1_000_000_000_000 }));
    }

    [Fact]
    public void A_unit_is_given_in_both_languages_or_in_neither()
    {
        Assert.Empty(Check(Ask("people", QuestionType.WholeNumber) with { UnitKorean = "명", UnitEnglish = "people" }));
        Only(Check(Ask("people", QuestionType.WholeNumber) with { UnitKorean = "명" }), "Sections[0].Questions[0].UnitEnglish");
    }

    [Fact]
    public void A_choice_question_needs_two_choices_with_distinct_keys_and_both_labels()
    {
        Only(Check(Ask("pick", QuestionType.SingleChoice) with { Choices = [new Choice("a", "가", "A")] }), "Sections[0].Questions[0].Choices");
        Only(Check(Ask("pick", QuestionType.MultipleChoice) with { Choices = [new Choice("a", "가", "A"), new Choice("a", "나", "B")] }), "Sections[0].Questions[0].Choices[1].Key");
        Only(Check(Ask("pick", QuestionType.MultipleChoice) with { Choices = [new Choice("a", "가", "A"), new Choice("b", "나", "")] }), "Sections[0].Questions[0].Choices[1].LabelEnglish");
    }

    [Fact]
    public void A_table_needs_a_column_and_one_to_a_hundred_rows()
    {
        Only(Check(Ask("partners", QuestionType.Table) with { Columns = [] }), "Sections[0].Questions[0].Columns");
        Assert.Empty(Check(Ask("partners", QuestionType.Table) with { MaxRows = 100 }));
        Only(Check(Ask("partners", QuestionType.Table) with { MaxRows = 101 }), "Sections[0].Questions[0].MaxRows");
        Only(Check(Ask("partners", QuestionType.Table) with { MaxRows = 0 }), "Sections[0].Questions[0].MaxRows");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void A_file_question_takes_one_to_ten_files(int maxFiles, bool valid) =>
        Assert.Equal(valid, Check(Ask("letter", QuestionType.File) with { MaxFiles = maxFiles }).Count == 0);

    [Fact]
    public void File_kinds_come_from_the_allowed_list_once_each()
    {
        Assert.Empty(Check(Ask("letter", QuestionType.File) with { FileKinds = [AttachmentKind.Pdf, AttachmentKind.Hwp] }));
        Only(Check(Ask("letter", QuestionType.File) with { FileKinds = [AttachmentKind.Pdf, AttachmentKind.Pdf] }), "Sections[0].Questions[0].FileKinds");
        Only(Check(Ask("letter", QuestionType.File) with { FileKinds = [(AttachmentKind)99] }), "Sections[0].Questions[0].FileKinds");
    }

    [Fact]
    public void A_condition_on_an_earlier_yes_no_question_with_its_answer_passes()
    {
        var errors = Check(
            Ask("defectors", QuestionType.YesNo),
            Ask("defectors_how", QuestionType.LongText) with { ShowWhen = new ShowWhen("defectors", [AnswerFormat.Yes]) });
        Assert.Empty(errors);
    }

    [Fact]
    public void A_condition_must_look_back_at_a_yes_no_or_choice_question()
    {
        var later = Check(
            Ask("defectors_how", QuestionType.LongText) with { ShowWhen = new ShowWhen("defectors", [AnswerFormat.Yes]) },
            Ask("defectors", QuestionType.YesNo));
        Only(later, "Sections[0].Questions[0].ShowWhen");

        var onText = Check(Ask("plan", QuestionType.ShortText), Ask("more", QuestionType.ShortText) with { ShowWhen = new ShowWhen("plan", ["yes"]) });
        Assert.Equal("Pick a yes/no or choice question that comes before this one.", Only(onText, "Sections[0].Questions[1].ShowWhen"));
    }

    [Fact]
    public void A_condition_names_existing_answers_of_its_question()
    {
        Only(Check(Ask("pick", QuestionType.SingleChoice), Ask("more", QuestionType.ShortText) with { ShowWhen = new ShowWhen("pick", []) }), "Sections[0].Questions[1].ShowWhen");
        var unknown = Only(Check(Ask("pick", QuestionType.SingleChoice), Ask("more", QuestionType.ShortText) with { ShowWhen = new ShowWhen("pick", ["c"]) }), "Sections[0].Questions[1].ShowWhen");
        Assert.Contains("c", unknown, StringComparison.Ordinal);
        Assert.Empty(Check(Ask("pick", QuestionType.MultipleChoice), Ask("more", QuestionType.ShortText) with { ShowWhen = new ShowWhen("pick", ["b"]) }));
    }

    [Fact]
    public void Conditions_go_only_one_level_deep()
    {
        var errors = Check(
            Ask("first", QuestionType.YesNo),
            Ask("second", QuestionType.YesNo) with { ShowWhen = new ShowWhen("first", [AnswerFormat.Yes]) },
            Ask("third", QuestionType.ShortText) with { ShowWhen = new ShowWhen("second", [AnswerFormat.Yes]) });
        Assert.Contains("one level", Only(errors, "Sections[0].Questions[2].ShowWhen"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_section_is_refused_and_section_titles_need_both_languages()
    {
        var definition = new FormDefinition { Sections = [new FormSection { Key = "empty", TitleKorean = "빈 구역", TitleEnglish = "" }] };
        var errors = FormDefinitionRules.Validate(definition, Localizer);
        Assert.Equal(["Sections[0].TitleEnglish", "Sections[0].Questions"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Errors_read_in_Korean_for_a_Korean_officer()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        Assert.Equal("선택지를 두 개 이상 입력하세요.", Only(Check(Ask("pick", QuestionType.SingleChoice) with { Choices = [] }), "Sections[0].Questions[0].Choices"));
    }
}
