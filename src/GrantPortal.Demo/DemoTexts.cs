using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;

namespace GrantPortal.Demo;

/// <summary>One line of a demo budget: a share of the request, named in both languages.</summary>
internal sealed record DemoBudgetShare(BudgetCategory Category, string ItemKorean, string ItemEnglish, int Percent);

/// <summary>What a project of one category says about itself, in Korean and English.</summary>
internal sealed record DemoCategoryText(
    string ObjectivesKorean,
    string ObjectivesEnglish,
    string ActivitiesKorean,
    string ActivitiesEnglish,
    string BeneficiariesKorean,
    string BeneficiariesEnglish,
    string OutcomesKorean,
    string OutcomesEnglish,
    DemoBudgetShare[] Budget);

/// <summary>The prose of the demo data, kept apart from the seeding logic so both stay readable.</summary>
internal static class DemoTexts
{
    public static DemoCategoryText For(ProjectCategories category) => category switch
    {
        ProjectCategories.CapacityBuilding => Capacity,
        ProjectCategories.CultureAndArts => Culture,
        ProjectCategories.ResearchAndDocumentation => Research,
        ProjectCategories.ConferencesAndAdvocacy => Conference,
        _ => Other,
    };

    public static string Pick(string language, string korean, string english) => language == Languages.English ? english : korean;

    public static string Justification(string language) =>
        Pick(language, "단가와 수량은 사업계획서의 세부 산출내역을 따릅니다.", "Unit costs and quantities follow the detailed breakdown in the proposal.");

    public static string ReviewComment(string language, bool positive) => positive
        ? Pick(language, "사업 목적이 분명하고 수행 계획이 구체적입니다. 단체의 수행 경험과 예산 산출 근거도 적정합니다.", "Clear objectives and a realistic work plan; the organization has done this before and the budget is well justified.")
        : Pick(language, "취지에는 공감하지만 수행 방법과 기대 효과가 구체적이지 않고, 일부 예산 항목의 근거가 부족합니다.", "A worthwhile idea, but the methods and expected results are not specific enough and some budget items lack justification.");

    public static string CriterionComment(string language, bool positive) => positive
        ? Pick(language, "우수합니다.", "Strong.")
        : Pick(language, "보완이 필요합니다.", "Needs work.");

    public static string Lessons(string language) => Pick(
        language,
        "참가자 모집에는 온라인 홍보와 협력 단체 추천이 가장 효과적이었습니다. 다음 사업에서는 지역 참여를 늘리고 사후 설문을 보강하겠습니다.",
        "Online outreach and referrals from partner organizations worked best for recruitment. Next time we will involve more participants outside Seoul and strengthen the follow-up survey.");

    public static string VarianceExplanation(string language) => Pick(
        language,
        "대관 일정이 바뀌어 행사장 비용이 줄었고, 남은 금액을 참가자 교통비로 변경 집행했습니다(담당관 사전 승인).",
        "A change of venue lowered hire costs; the balance went to participant travel, approved in advance by the programme officer.");

    public static string InterimSpendingNote(string language) => Pick(
        language,
        "중간보고 시점까지의 집행액입니다.",
        "Spending to date at the interim report.");

    private static readonly DemoCategoryText Capacity = new(
        "북한인권 현장에서 일할 차세대 활동가의 지식과 실무 역량을 높입니다.",
        "Build the knowledge and practical skills of the next generation of North Korean human rights activists.",
        "이론 강의, 현장 실습, 멘토링, 수료 프로젝트 발표",
        "Lectures, field practice, mentoring and a final project presentation.",
        "북한인권에 관심 있는 대학생과 청년, 탈북 청년",
        "University students, young professionals and young North Korean defectors.",
        "교육생 대부분이 과정을 수료했고, 수료생 가운데 일부가 북한인권 단체의 인턴이나 자원활동가로 활동을 시작했습니다.",
        "Most participants completed the course, and several graduates have started as interns or volunteers with human rights organizations.",
        [
            new(BudgetCategory.Personnel, "사업 담당 인건비", "Project staff", 25),
            new(BudgetCategory.Activities, "강사료 및 교육 운영비", "Trainers and course delivery", 30),
            new(BudgetCategory.Venue, "교육장 대관", "Venue hire", 15),
            new(BudgetCategory.Travel, "참가자 교통·숙박비", "Participant travel and lodging", 10),
            new(BudgetCategory.Publication, "교재 제작", "Course materials", 10),
            new(BudgetCategory.Administration, "일반 관리비", "Administration", 10),
        ]);

    private static readonly DemoCategoryText Culture = new(
        "예술 작품을 통해 북한 주민의 인권 현실을 더 많은 시민에게 알립니다.",
        "Bring the human rights situation of North Koreans to a wider public through the arts.",
        "작품 기획과 제작, 공연·상영·전시, 관객과의 대화",
        "Development and production, performances, screenings or exhibitions, and audience talks.",
        "일반 시민, 청소년 관객, 문화예술계",
        "The general public, young audiences and the arts community.",
        "관객 설문에서 응답자의 대다수가 북한인권 문제에 대한 이해가 깊어졌다고 답했고, 언론 보도와 온라인 후기가 이어졌습니다.",
        "Most respondents to the audience survey said they understood the human rights situation better; press coverage and online reviews followed.",
        [
            new(BudgetCategory.Personnel, "출연료 및 제작 인력비", "Cast and crew fees", 30),
            new(BudgetCategory.Activities, "제작비(무대·촬영·편집)", "Production (stage, filming, editing)", 25),
            new(BudgetCategory.Venue, "공연장·상영관·전시장 대관", "Venue hire", 20),
            new(BudgetCategory.Publication, "홍보물 제작", "Promotion", 10),
            new(BudgetCategory.Equipment, "장비 임차", "Equipment rental", 8),
            new(BudgetCategory.Administration, "일반 관리비", "Administration", 7),
        ]);

    private static readonly DemoCategoryText Research = new(
        "인권침해 실태를 검증 가능한 방식으로 기록해 책임규명의 기초 자료를 만듭니다.",
        "Document human rights violations in a verifiable way that can support future accountability.",
        "심층 면접, 자료 분석, 보고서 집필과 발간, 결과 발표회",
        "In-depth interviews, analysis, writing and publishing a report, and a launch event.",
        "피해자와 가족, 연구자, 정책 결정자, 국제기구",
        "Survivors and their families, researchers, policy makers and international organizations.",
        "조사 결과를 보고서로 발간해 관계 기관과 국제기구에 전달했고, 기록은 동의 범위 안에서 아카이브에 보존했습니다.",
        "The findings were published and shared with the authorities and UN bodies; the records are preserved in the archive within the consent given.",
        [
            new(BudgetCategory.Personnel, "연구원 인건비", "Researchers", 40),
            new(BudgetCategory.Activities, "면접 조사비", "Interviews and fieldwork", 20),
            new(BudgetCategory.Travel, "조사 출장비", "Research travel", 10),
            new(BudgetCategory.Publication, "보고서 번역·인쇄", "Translation and printing", 20),
            new(BudgetCategory.Administration, "일반 관리비", "Administration", 10),
        ]);

    private static readonly DemoCategoryText Conference = new(
        "국내외 전문가와 시민사회가 북한인권 책임규명 방안을 함께 논의합니다.",
        "Bring Korean and international experts and civil society together on accountability for human rights violations in the DPRK.",
        "국제회의, 분과 토론, 결과 자료집 발간",
        "An international conference, breakout discussions and published proceedings.",
        "시민사회 활동가, 연구자, 정부와 국제기구 관계자",
        "Civil society activists, researchers, government and UN officials.",
        "회의 결과를 담은 권고문을 채택해 관계 기관에 전달했고, 발표 영상과 자료집을 공개했습니다.",
        "Participants adopted recommendations that were sent to the relevant institutions; recordings and proceedings are public.",
        [
            new(BudgetCategory.Personnel, "사업 담당 인건비", "Project staff", 15),
            new(BudgetCategory.Travel, "연사 항공·숙박비", "Speaker travel and lodging", 30),
            new(BudgetCategory.Venue, "회의장 대관", "Conference venue", 25),
            new(BudgetCategory.Activities, "동시통역", "Simultaneous interpretation", 15),
            new(BudgetCategory.Publication, "자료집 발간", "Proceedings", 8),
            new(BudgetCategory.Administration, "일반 관리비", "Administration", 7),
        ]);

    private static readonly DemoCategoryText Other = new(
        "북한 주민이 외부 세계의 정보에 안전하게 접근할 수 있도록 콘텐츠를 제작합니다.",
        "Produce content that lets people in North Korea reach outside information safely.",
        "콘텐츠 기획, 녹음과 편집, 배포",
        "Planning, recording, editing and distribution.",
        "북한 주민과 해외에 체류하는 북한 주민",
        "People in North Korea and North Koreans abroad.",
        "계획한 회차를 모두 제작해 배포했고, 탈북민 청취 평가에서 이해하기 쉽다는 평가를 받았습니다.",
        "All planned episodes were produced and distributed; a listening panel of defectors found them easy to follow.",
        [
            new(BudgetCategory.Personnel, "제작 인력비", "Production staff", 35),
            new(BudgetCategory.Activities, "콘텐츠 제작비", "Content production", 35),
            new(BudgetCategory.Equipment, "녹음 장비", "Recording equipment", 15),
            new(BudgetCategory.Publication, "배포비", "Distribution", 8),
            new(BudgetCategory.Administration, "일반 관리비", "Administration", 7),
        ]);
}
