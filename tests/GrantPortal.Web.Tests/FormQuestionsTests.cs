using Bunit;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Forms;
using GrantPortal.Web.Features.Forms;

namespace GrantPortal.Web.Tests;

public sealed class FormQuestionsTests : PortalComponentTest
{
    private static readonly FormDefinition Form = new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "all",
                TitleKorean = "모든 질문",
                TitleEnglish = "Every question",
                Questions =
                [
                    new Question { Key = "name", Type = QuestionType.ShortText, LabelKorean = "이름", LabelEnglish = "Name", HelpEnglish = "As registered." },
                    new Question { Key = "plan", Type = QuestionType.LongText, Required = true, MinLength = 50, MaxLength = 2000, LabelKorean = "계획", LabelEnglish = "Plan" },
                    new Question { Key = "people", Type = QuestionType.WholeNumber, Minimum = 1, Maximum = 99, UnitKorean = "명", UnitEnglish = "people", LabelKorean = "인원", LabelEnglish = "People" },
                    new Question { Key = "cost", Type = QuestionType.Amount, LabelKorean = "비용", LabelEnglish = "Cost" },
                    new Question { Key = "start", Type = QuestionType.Date, LabelKorean = "시작일", LabelEnglish = "Start" },
                    new Question { Key = "city", Type = QuestionType.SingleChoice, LabelKorean = "도시", LabelEnglish = "City", Choices = [new("seoul", "서울", "Seoul"), new("busan", "부산", "Busan")] },
                    new Question { Key = "media", Type = QuestionType.MultipleChoice, LabelKorean = "매체", LabelEnglish = "Media", Choices = [new("film", "영화", "Film"), new("book", "책", "Book")] },
                    new Question { Key = "defectors", Type = QuestionType.YesNo, LabelKorean = "북한이탈주민 참여", LabelEnglish = "Defectors take part" },
                    new Question { Key = "role", Type = QuestionType.LongText, LabelKorean = "참여 방식", LabelEnglish = "Their role", ShowWhen = new ShowWhen("defectors", [AnswerFormat.Yes]) },
                    new Question { Key = "letter", Type = QuestionType.File, FileKinds = [AttachmentKind.Pdf], MaxFiles = 1, LabelKorean = "추천서", LabelEnglish = "Letter" },
                    new Question { Key = "partners", Type = QuestionType.Table, MaxRows = 2, LabelKorean = "협력 기관", LabelEnglish = "Partners", Columns = [new("name", "기관명", "Name"), new("role", "역할", "Role")] },
                ],
            },
        ],
    };

    private readonly List<AnswerChange> changes = [];

    [Fact]
    public void Every_question_type_gets_its_own_input_and_a_conditional_question_waits_for_its_answer()
    {
        var page = Render(new Dictionary<string, string>());

        foreach (var key in new[] { "name", "plan", "people", "cost", "start", "city", "media", "defectors", "letter", "partners" })
        {
            Assert.NotNull(page.Find($"[data-testid=question-{key}]"));
        }

        Assert.Empty(page.FindAll("[data-testid=question-role]"));
        Assert.Contains("As registered.", page.Find("[data-testid=question-name]").TextContent, StringComparison.Ordinal);
        Assert.Contains("people", page.Find("[data-testid=question-people]").TextContent, StringComparison.Ordinal);
        Assert.Contains("PDF; up to 1 file(s)", page.Find("[data-testid=question-letter]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Answering_yes_shows_the_conditional_question_at_once_and_no_hides_it()
    {
        var answers = new Dictionary<string, string>();
        var page = Render(answers);

        page.Find("[data-testid=question-defectors] input[type=radio]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=question-role]")));
        Assert.Equal(AnswerFormat.Yes, answers["defectors"]);
        Assert.Equal(new AnswerChange("defectors", AnswerFormat.Yes, Typing: false), changes[^1]);
    }

    [Fact]
    public void Long_text_counts_characters_live_against_its_limits()
    {
        var answers = new Dictionary<string, string>();
        var page = Render(answers);

        page.Find("[data-testid=question-plan] textarea").Input("Twelve chars");

        Assert.Equal("12 characters · 50 to 2,000 characters", page.Find("[data-testid=counter-plan]").TextContent.Trim());
        Assert.Equal(new AnswerChange("plan", "Twelve chars", Typing: true), changes[^1]);
    }

    [Fact]
    public void A_table_row_is_added_with_the_officers_columns_up_to_the_maximum()
    {
        var answers = new Dictionary<string, string>();
        var page = Render(answers);

        page.Find("[data-testid=answer-partners-add-row]").Click();
        page.Find("[data-testid=answer-partners-1-name]").Input("NKDB");
        page.Find("[data-testid=answer-partners-add-row]").Click();

        Assert.Equal("""[{"name":"NKDB","role":""},{"name":"","role":""}]""", answers["partners"]);
        Assert.True(page.Find("[data-testid=answer-partners-add-row]").HasAttribute("disabled"));
    }

    [Fact]
    public void Read_only_answers_read_as_text_in_the_readers_language_and_hidden_questions_stay_hidden()
    {
        UseLanguage("ko");
        var answers = new Dictionary<string, string>
        {
            ["city"] = "busan",
            ["media"] = """["film","book"]""",
            ["defectors"] = AnswerFormat.No,
            ["role"] = "A stale answer",
            ["partners"] = """[{"name":"NKDB","role":"기록"}]""",
        };

        var page = Render<FormQuestions>(p => p
            .Add(c => c.Definition, Form)
            .Add(c => c.Answers, answers)
            .Add(c => c.Language, "ko")
            .Add(c => c.ReadOnly, true));

        Assert.Contains("부산", page.Find("[data-testid=question-city]").TextContent, StringComparison.Ordinal);
        Assert.Contains("영화; 책", page.Find("[data-testid=question-media]").TextContent, StringComparison.Ordinal);
        Assert.Contains("기록", page.Find("[data-testid=question-partners]").TextContent, StringComparison.Ordinal);
        Assert.Contains("답하지 않음", page.Find("[data-testid=question-name]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=question-role]"));
        Assert.Empty(page.FindAll("input, textarea"));
    }

    [Fact]
    public void An_error_for_an_answer_shows_under_its_question()
    {
        var page = Render<FormQuestions>(p => p
            .Add(c => c.Definition, Form)
            .Add(c => c.Answers, new Dictionary<string, string>())
            .Add(c => c.Language, "en")
            .Add(c => c.ErrorOf, field => field == "Answers[city]" ? "Choose a city." : null));

        Assert.Contains("Choose a city.", page.Find("[data-testid=question-city]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Choose a city.", page.Find("[data-testid=question-name]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<FormQuestions> Render(Dictionary<string, string> answers) => Render<FormQuestions>(p => p
        .Add(c => c.Definition, Form)
        .Add(c => c.Answers, answers)
        .Add(c => c.Language, "en")
        .Add(c => c.AnswerChanged, (AnswerChange change) => changes.Add(change)));
}
