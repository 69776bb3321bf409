namespace GrantPortal.Core.Forms;

/// <summary>
/// The concept-note form every two-stage call starts with, beyond the built-in title and summary: the idea in
/// 1,500 characters and a rough request. The full proposal is prefilled with the answers whose keys it also asks.
/// </summary>
public static class ConceptNoteForm
{
    public const string Concept = "concept";

    public const string EstimatedRequest = "estimated_request";

    public static FormDefinition Definition { get; } = new()
    {
        Sections =
        [
            new FormSection
            {
                // A key the builder accepts, so an officer can save the default form as it stands.
                Key = "concept_note",
                TitleKorean = "사업 개요서",
                TitleEnglish = "Concept note",
                Questions =
                [
                    new Question
                    {
                        Key = Concept, Type = QuestionType.LongText, Required = true, MaxLength = 1500,
                        LabelKorean = "사업 개요", LabelEnglish = "Concept",
                        HelpKorean = "무엇을, 누구와, 왜 하려는지 1,500자 안에서 적어 주세요.",
                        HelpEnglish = "What you plan to do, with whom and why, in at most 1,500 characters.",
                    },
                    new Question
                    {
                        Key = EstimatedRequest, Type = QuestionType.Amount, Required = true, Minimum = 1,
                        LabelKorean = "예상 신청 금액", LabelEnglish = "Estimated request",
                        HelpKorean = "본 신청서에서 요청할 지원금의 대략적인 금액입니다.",
                        HelpEnglish = "Roughly how much the full proposal will ask of the grant.",
                    },
                ],
            },
        ],
    };
}
