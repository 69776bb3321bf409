namespace GrantPortal.Core.Forms;

/// <summary>
/// The questions every call starts with, beyond the built-in fields: the project's objectives, activities and
/// beneficiaries. They are ordinary questions, so an officer can keep, reword or drop them.
/// </summary>
public static class DefaultForm
{
    public const string Objectives = "objectives";

    public const string Activities = "activities";

    public const string Beneficiaries = "beneficiaries";

    public static FormDefinition Definition { get; } = new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "project",
                TitleKorean = "사업 내용",
                TitleEnglish = "The project",
                Questions =
                [
                    new Question
                    {
                        Key = Objectives, Type = QuestionType.LongText, Required = true, MaxLength = 8000,
                        LabelKorean = "사업 목표", LabelEnglish = "Objectives",
                        HelpKorean = "이 사업으로 이루려는 것을 적어 주세요.", HelpEnglish = "What the project sets out to achieve.",
                    },
                    new Question
                    {
                        Key = Activities, Type = QuestionType.LongText, Required = true, MaxLength = 8000,
                        LabelKorean = "세부 활동 및 일정", LabelEnglish = "Activities and timeline",
                        HelpKorean = "언제, 무엇을 하는지 적어 주세요.", HelpEnglish = "What the project will do, and when.",
                    },
                    new Question
                    {
                        Key = Beneficiaries, Type = QuestionType.LongText, Required = true, MaxLength = 4000,
                        LabelKorean = "수혜 대상", LabelEnglish = "Beneficiaries",
                        HelpKorean = "누가 이 사업의 혜택을 받는지 적어 주세요.", HelpEnglish = "Who benefits from the project.",
                    },
                ],
            },
        ],
    };
}
