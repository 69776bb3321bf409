using GrantPortal.Core.Applications;

namespace GrantPortal.Demo;

/// <summary>The open YOUTH call's application form: the default questions, then the call's own.</summary>
internal static class DemoForms
{
    public const string DefectorParticipation = "defector_participation";

    public const string DefectorRole = "defector_role";

    public const string Partners = "partners";

    public const string SafetyPlan = "safety_plan";

    public const string RecommendationLetter = "recommendation_letter";

    public static FormDefinition Youth { get; } = DefaultForm.Definition with
    {
        Sections =
        [
            .. DefaultForm.Definition.Sections,
            new FormSection
            {
                Key = "youth",
                TitleKorean = "청년 참여와 안전",
                TitleEnglish = "Youth participation and safety",
                Questions =
                [
                    new Question
                    {
                        Key = DefectorParticipation, Type = QuestionType.YesNo, Required = true,
                        LabelKorean = "북한이탈주민이 사업에 참여합니까?", LabelEnglish = "Do North Korean defectors take part in the project?",
                        HelpKorean = "강사, 참가자, 운영진 등 어떤 형태든 포함합니다.", HelpEnglish = "As trainers, participants or staff.",
                    },
                    new Question
                    {
                        Key = DefectorRole, Type = QuestionType.LongText, Required = true, MaxLength = 1000,
                        LabelKorean = "북한이탈주민 참여 방식", LabelEnglish = "How defectors take part",
                        HelpKorean = "역할과 인원, 신변 보호 방법을 적어 주세요.", HelpEnglish = "Their roles, how many, and how their identities are protected.",
                        ShowWhen = new ShowWhen(DefectorParticipation, [AnswerFormat.Yes]),
                    },
                    new Question
                    {
                        Key = Partners, Type = QuestionType.Table, MaxRows = 10,
                        LabelKorean = "협력 기관", LabelEnglish = "Partner organizations",
                        HelpKorean = "함께하는 기관이 있으면 적어 주세요.", HelpEnglish = "Organizations working with you, if any.",
                        Columns =
                        [
                            new TableColumn("name", "기관명", "Name"),
                            new TableColumn("role", "역할", "Role"),
                            new TableColumn("contact", "연락처", "Contact"),
                        ],
                    },
                    new Question
                    {
                        Key = SafetyPlan, Type = QuestionType.LongText, Required = true, MinLength = 50, MaxLength = 2000,
                        LabelKorean = "참가자 안전 계획", LabelEnglish = "Participant safety plan",
                        HelpKorean = "참가자의 신원 노출과 신변 위험을 어떻게 막는지 적어 주세요.", HelpEnglish = "How participants' identities and safety are protected.",
                    },
                    new Question
                    {
                        Key = RecommendationLetter, Type = QuestionType.File, FileKinds = [AttachmentKind.Pdf], MaxFiles = 1,
                        LabelKorean = "추천서", LabelEnglish = "Letter of recommendation",
                        HelpKorean = "협력 기관이나 전문가의 추천서(PDF)를 첨부할 수 있습니다.", HelpEnglish = "A letter from a partner or an expert, as a PDF.",
                    },
                ],
            },
        ],
    };

    /// <summary>What a YOUTH applicant answers beyond the default questions; every other one names defector trainers.</summary>
    public static IEnumerable<KeyValuePair<string, string>> YouthAnswers(int k, string language)
    {
        var korean = language == Languages.Korean;
        if (k % 2 == 0)
        {
            yield return new(DefectorParticipation, AnswerFormat.Yes);
            yield return new(DefectorRole, korean
                ? "북한이탈주민 청년 2명이 강사로 참여합니다. 이름과 얼굴은 공개하지 않습니다."
                : "Two young defectors teach; their names and faces are not published.");
        }
        else
        {
            yield return new(DefectorParticipation, AnswerFormat.No);
        }

        yield return new(SafetyPlan, korean
            ? "참가자 명단은 암호화해 보관하고, 사진과 영상은 동의한 사람만 촬영합니다. 행사장 위치는 참가 확정자에게만 알립니다."
            : "The participant list is kept encrypted, photos and video only of those who agree, and the venue is told to confirmed participants only.");
        yield return new(Partners, AnswerFormat.WriteRows(
        [
            new Dictionary<string, string> { ["name"] = korean ? "북한인권청년네트워크" : "Youth Network for North Korean Human Rights", ["role"] = korean ? "참가자 모집" : "Recruiting participants", ["contact"] = "02-3000-1234" },
        ]));
    }
}
