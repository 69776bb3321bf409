using GrantPortal.Core.Applications;
using GrantPortal.Core.Forms;
using NodaTime;

namespace GrantPortal.Benchmarks;

/// <summary>
/// Large application forms for the form and intake benchmarks: every question type in turn, with the limits, units,
/// choices, columns and conditions a real call sets, and answers each question accepts.
/// </summary>
internal static class BenchmarkForms
{
    private static readonly QuestionType[] Cycle =
    [
        QuestionType.ShortText, QuestionType.LongText, QuestionType.WholeNumber, QuestionType.Amount, QuestionType.Date,
        QuestionType.SingleChoice, QuestionType.MultipleChoice, QuestionType.YesNo, QuestionType.Table, QuestionType.File,
    ];

    /// <summary>
    /// <paramref name="count"/> questions in sections of ten; every tenth a file question unless
    /// <paramref name="withFiles"/> is false (then a second long text). Every fifth question after a yes/no depends on it.
    /// </summary>
    public static FormDefinition Build(int count, bool withFiles)
    {
        var sections = new List<FormSection>();
        for (var start = 0; start < count; start += 10)
        {
            var questions = new List<Question>();
            for (var i = start; i < Math.Min(count, start + 10); i++)
            {
                var type = Cycle[i % Cycle.Length];
                if (type == QuestionType.File && !withFiles)
                {
                    type = QuestionType.LongText;
                }

                questions.Add(NewQuestion(i, type));
            }

            sections.Add(new FormSection
            {
                Key = $"section{start / 10 + 1}",
                TitleKorean = $"{start / 10 + 1}. 사업 세부 내용",
                TitleEnglish = $"{start / 10 + 1}. Project details",
                Questions = questions,
            });
        }

        return new FormDefinition { Sections = sections };
    }

    /// <summary>An answer to every question that takes one as text (files are uploads, not answers).</summary>
    public static Dictionary<string, string> Answers(FormDefinition form, int seed)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in form.Sections.SelectMany(s => s.Questions))
        {
            var answer = Answer(question, seed);
            if (answer is not null)
            {
                answers[question.Key] = answer;
            }
        }

        return answers;
    }

    public static string? Answer(Question question, int seed) => question.Type switch
    {
        QuestionType.ShortText => $"북한인권 기록 {seed}",
        QuestionType.LongText => $"탈북민 증언을 기록하고 청년 활동가를 교육합니다. 지역 협력 기관과 함께 {seed % 12 + 1}개월 동안 진행하며, 결과는 보고서로 공개합니다.",
        QuestionType.WholeNumber => AnswerFormat.WriteNumber(10 + seed % 90),
        QuestionType.Amount => AnswerFormat.WriteNumber(1_000_000 + seed % 50 * 100_000),
        QuestionType.Date => AnswerFormat.WriteDate(new LocalDate(2026, 3, 1).PlusDays(seed % 200)),
        QuestionType.SingleChoice => question.Choices[seed % question.Choices.Count].Key,
        QuestionType.MultipleChoice => AnswerFormat.WriteKeys(question.Choices.Where((_, i) => (seed + i) % 2 == 0).Select(c => c.Key)),
        QuestionType.YesNo => seed % 3 == 0 ? AnswerFormat.No : AnswerFormat.Yes,
        QuestionType.Table => AnswerFormat.WriteRows(
        [
            new Dictionary<string, string> { ["name"] = $"협력 단체 {seed % 40}", ["role"] = "공동 기획" },
            new Dictionary<string, string> { ["name"] = $"지역 센터 {seed % 17}", ["role"] = "참여자 모집" },
        ]),
        _ => null,
    };

    private static Question NewQuestion(int i, QuestionType type)
    {
        var key = $"q{i + 1:00}";
        var question = new Question
        {
            Key = key,
            Type = type,
            LabelKorean = $"질문 {i + 1}: 사업의 세부 내용",
            LabelEnglish = $"Question {i + 1}: project detail",
            HelpKorean = "구체적으로 적어 주세요.",
            HelpEnglish = "Be specific.",
            Required = i % 3 == 0,

            // A question right after a yes/no shows only when the answer is yes.
            ShowWhen = i > 0 && Cycle[(i - 1) % Cycle.Length] == QuestionType.YesNo ? new ShowWhen($"q{i:00}", [AnswerFormat.Yes]) : null,
        };
        return type switch
        {
            QuestionType.LongText => question with { MinLength = 20, MaxLength = 2_000 },
            QuestionType.WholeNumber => question with { Minimum = 0, Maximum = 10_000, UnitKorean = "명", UnitEnglish = "people" },
            QuestionType.SingleChoice or QuestionType.MultipleChoice => question with
            {
                Choices = [new("seoul", "서울", "Seoul"), new("busan", "부산", "Busan"), new("online", "온라인", "Online"), new("abroad", "해외", "Abroad")],
            },
            QuestionType.File => question with { FileKinds = [AttachmentKind.Pdf, AttachmentKind.Hwp], MaxFiles = 2, Required = false },
            QuestionType.Table => question with { Columns = [new("name", "기관명", "Organization"), new("role", "역할", "Role")], MaxRows = 10 },
            _ => question,
        };
    }
}
