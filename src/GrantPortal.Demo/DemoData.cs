using GrantPortal.Core.Recommendations;

namespace GrantPortal.Demo;

/// <summary>A fictional but plausible civil-society organization; none is a real one.</summary>
internal sealed record DemoOrganization(
    string Name,
    string NameKorean,
    string Domain,
    OrganizationType Type,
    string Representative,
    string ContactName,
    string Language,
    string Address);

/// <summary>
/// A project proposal. <see cref="AwardMillions"/> is the award in millions of won (zero when rejected or undecided);
/// the request adds <see cref="ReductionMillions"/> to it when the panel cut the budget.
/// </summary>
internal sealed record DemoProject(
    int Organization,
    string Title,
    string Summary,
    ProjectCategories Category,
    long AwardMillions,
    long ReductionMillions = 0,
    string[]? ExtraRecommendations = null)
{
    public long RequestedMillions => AwardMillions + ReductionMillions;
}

/// <summary>The fixed tables the demo seeder draws on, so every fresh database looks the same.</summary>
internal static class DemoData
{
    public const int Applicant1Organization = 0;
    public const int Applicant2Organization = 1;

    /// <summary>Organizations 0–21 are verified, 22 and 23 wait for verification, 24 was rejected.</summary>
    public const int FirstPendingOrganization = 22;
    public const int RejectedOrganization = 24;

    public const string RejectionReason =
        "제출하신 등록증은 영리법인 사업자등록증입니다. 비영리민간단체 등록증 또는 비영리법인 설립허가증을 첨부해 다시 신청해 주십시오. "
        + "(The certificate submitted is a for-profit business registration; please reapply with a non-profit registration.)";

    public static readonly DemoOrganization[] Organizations =
    [
        new("Next Generation Human Rights Academy", "차세대 북한인권 아카데미", "nextgen-academy.example", OrganizationType.NonProfitPrivateOrganization, "윤재호", "김하늘", Languages.Korean, "서울특별시 종로구 율곡로 100, 4층"),
        new("Testimony Bridge Archive", "증언다리 아카이브", "testimony-bridge.example", OrganizationType.IncorporatedAssociation, "Sarah Kwon", "Grace Lee", Languages.English, "서울특별시 마포구 양화로 45, 7층"),
        new("Saebyeok Opera Ensemble", "새벽 오페라 앙상블", "saebyeok-opera.example", OrganizationType.NonProfitPrivateOrganization, "장은비", "오지훈", Languages.Korean, "서울특별시 서초구 남부순환로 2400"),
        new("Borderline Cinema Cooperative", "경계영화 협동조합", "borderline-cinema.example", OrganizationType.SocialCooperative, "류도현", "신예린", Languages.Korean, "서울특별시 마포구 월드컵북로 12"),
        new("Stage of Truth Theatre Company", "극단 진실의 무대", "truth-stage.example", OrganizationType.NonProfitPrivateOrganization, "문성호", "배수아", Languages.Korean, "서울특별시 종로구 대학로 88"),
        new("Forum for Justice and Accountability in Korea", "한반도 정의와 책임 포럼", "justice-forum.example", OrganizationType.IncorporatedAssociation, "Min-jun Song", "Helen Park", Languages.English, "서울특별시 중구 세종대로 21길 30"),
        new("Dongnyeok Institute for North Korean Human Rights", "동녘 북한인권연구소", "dongnyeok-institute.example", OrganizationType.IncorporatedAssociation, "홍석진", "임가은", Languages.Korean, "서울특별시 서대문구 연세로 50"),
        new("Voices of North Korean Women", "북한여성 목소리", "nk-women-voices.example", OrganizationType.NonProfitPrivateOrganization, "최은정", "박소희", Languages.Korean, "경기도 고양시 일산동구 중앙로 1200"),
        new("Peninsula Youth Rights Network", "한반도 청년인권 네트워크", "peninsula-youth.example", OrganizationType.NonProfitPrivateOrganization, "서지후", "고민서", Languages.Korean, "서울특별시 관악구 관악로 150"),
        new("Open Frequency Content Lab", "열린주파수 콘텐츠랩", "open-frequency.example", OrganizationType.SocialCooperative, "남궁현", "조아라", Languages.Korean, "서울특별시 영등포구 여의대로 24"),
        new("Hope Bridge Resettlement Association", "희망다리 정착지원협회", "hopebridge-assoc.example", OrganizationType.NonProfitPrivateOrganization, "김영철", "이수민", Languages.Korean, "인천광역시 남동구 예술로 150"),
        new("Seoul Society for Human Rights Law", "서울 인권법연구회", "hr-law-society.example", OrganizationType.IncorporatedAssociation, "변정우", "안지수", Languages.Korean, "서울특별시 서초구 서초대로 250"),
        new("Memory and Future Foundation", "기억과 미래 재단", "memory-future.example", OrganizationType.Foundation, "황인숙", "정다은", Languages.Korean, "서울특별시 용산구 한강대로 92"),
        new("Free Pen Writers' Circle", "자유의 펜 작가회", "free-pen.example", OrganizationType.NonProfitPrivateOrganization, "도명수", "윤서진", Languages.Korean, "서울특별시 성북구 보문로 34"),
        new("Peninsula Children's Rights Network", "한반도 아동권리 네트워크", "peninsula-children.example", OrganizationType.NonProfitPrivateOrganization, "송미란", "천하은", Languages.Korean, "대전광역시 서구 둔산로 100"),
        new("Global Partners for DPRK Human Rights Advocacy", "북한인권 국제연대 파트너스", "global-partners.example", OrganizationType.IncorporatedAssociation, "James Yoon", "Olivia Han", Languages.English, "서울특별시 중구 을지로 100, 12층"),
        new("Hana Art Collective", "하나 미술 공동체", "hana-art.example", OrganizationType.NonProfitPrivateOrganization, "전하나", "유태민", Languages.Korean, "서울특별시 종로구 삼청로 60"),
        new("Truth Mapping Initiative", "진실지도 이니셔티브", "truth-mapping.example", OrganizationType.NonProfitPrivateOrganization, "Eun-ji Ko", "Mark Jeong", Languages.English, "서울특별시 강남구 테헤란로 311"),
        new("Hana Voices Storytelling Collective", "하나목소리 이야기 공동체", "hana-voices.example", OrganizationType.NonProfitPrivateOrganization, "리춘희", "김소연", Languages.Korean, "서울특별시 양천구 목동로 201"),
        new("Peace Bridge Humanitarian Forum", "평화다리 인도주의 포럼", "peace-bridge.example", OrganizationType.IncorporatedAssociation, "권태영", "나유진", Languages.Korean, "서울특별시 중구 퇴계로 173"),
        new("Open Window Information Lab", "열린창 정보연구소", "open-window.example", OrganizationType.NonProfitPrivateOrganization, "백승훈", "허지안", Languages.Korean, "경기도 성남시 분당구 판교역로 235"),
        new("Separated Families Memory Project", "이산가족 기억 프로젝트", "separated-memory.example", OrganizationType.NonProfitPrivateOrganization, "석경자", "마동희", Languages.Korean, "경기도 파주시 문산읍 통일로 1700"),
        new("Dawn Bell Human Rights Choir", "새벽종 인권합창단", "dawnbell-choir.example", OrganizationType.NonProfitPrivateOrganization, "노은서", "노은서", Languages.Korean, "서울특별시 강서구 공항대로 500"),
        new("Northern Star Youth Mentoring Center", "북녘별 청소년 멘토링센터", "northern-star.example", OrganizationType.NonProfitPrivateOrganization, "명지호", "길수빈", Languages.Korean, "경기도 안산시 단원구 광덕대로 200"),
        new("Unity Korea Trading Co.", "유니티코리아 무역", "unity-trading.example", OrganizationType.Other, "방재석", "방재석", Languages.Korean, "부산광역시 중구 중앙대로 80"),
    ];

    private const ProjectCategories Capacity = ProjectCategories.CapacityBuilding;
    private const ProjectCategories Culture = ProjectCategories.CultureAndArts;
    private const ProjectCategories Research = ProjectCategories.ResearchAndDocumentation;
    private const ProjectCategories Conference = ProjectCategories.ConferencesAndAdvocacy;
    private const ProjectCategories Other = ProjectCategories.Other;

    /// <summary>2023: 29 projects from 18 organizations, exactly ₩2,000,000,000, all under COI 1224.</summary>
    public static readonly DemoProject[] Awarded2023 =
    [
        new(0, "차세대 북한인권 활동가 역량강화 과정", "대학생과 사회초년생 40명에게 북한인권 기초 이론, 기록 방법론, 국제 인권 메커니즘 활용법을 12주 동안 교육합니다.", Capacity, 170, 10),
        new(0, "청소년 북한인권 리더십 캠프", "고등학생 60명이 2박 3일 캠프에서 탈북민의 증언을 듣고 학교 안 캠페인을 직접 기획합니다.", Capacity, 62),
        new(1, "Survivor Testimony Digital Archive, Phase 2", "Digitizes, transcribes and indexes 300 recorded testimonies of former detainees, with consent management and secure access for researchers.", Research, 118, 12),
        new(1, "Oral Histories of Separated Families", "Records the life stories of 40 elderly members of separated families before their memories are lost.", Research, 54),
        new(2, "창작 오페라 「압록강의 겨울」 제작 및 공연", "강제송환된 한 가족의 이야기를 담은 창작 오페라를 제작해 서울과 부산에서 4회 공연합니다.", Culture, 200, 20),
        new(2, "찾아가는 청소년 해설 오페라", "중·고등학생을 위해 해설을 곁들인 오페라 축약 공연을 학교로 찾아가 6회 엽니다.", Culture, 45),
        new(3, "다큐멘터리 「경계의 아이들」 제작", "탈북 청소년 세 명의 정착과 성장을 3년 동안 기록한 장편 다큐멘터리를 완성합니다.", Culture, 96, 8),
        new(3, "북한인권 단편영화제", "공모로 뽑은 북한인권 단편영화 12편을 상영하고 감독과의 대화를 엽니다.", Culture, 58),
        new(3, "찾아가는 인권영화 상영회", "지역 도서관과 대학 10곳에서 북한인권 영화를 상영하고 관객 토론을 진행합니다.", Culture, 27),
        new(4, "연극 「수용소의 봄」 창작 및 공연", "정치범수용소 생존자의 증언을 바탕으로 한 창작극을 대학로에서 20회 공연합니다.", Culture, 84, 6),
        new(4, "청소년 토론연극 「두 개의 교실」", "남북 청소년의 학교생활을 다룬 토론연극으로, 관객이 무대에 올라 결말을 함께 만듭니다.", Culture, 31),
        new(5, "International Conference: A Decade after the Commission of Inquiry", "Brings former members of the Commission of Inquiry, UN special rapporteurs and eminent jurists together with Korean civil society to take stock of ten years of accountability work.", Conference, 151, 15),
        new(5, "Expert Roundtables on Accountability Mechanisms", "Four closed roundtables with prosecutors, archivists and UN staff on preserving evidence for future trials.", Conference, 48),
        new(6, "북한 구금시설 인권침해 실태조사", "탈북민 120명을 심층 면접해 구금시설에서 벌어진 고문과 가혹행위의 실태를 조사·분석합니다.", Research, 88, 7),
        new(6, "강제송환 피해 사례 분석 보고서", "제3국에서 강제송환된 80건의 사례를 분석해 송환 이후의 처우를 기록한 보고서를 발간합니다.", Research, 41),
        new(6, "북한인권 연례 동향 보고서 발간", "한 해 동안의 북한인권 주요 사건과 국제사회의 대응을 정리한 연례 보고서를 국문과 영문으로 발간합니다.", Research, 36),
        new(7, "탈북여성 인신매매 피해 증언 기록", "인신매매 피해를 겪은 탈북여성 30명의 증언을 트라우마를 고려한 방식으로 기록하고 지원기관과 연계합니다.", Research, 67, 5),
        new(8, "청년 북한인권 서포터즈", "대학생 서포터즈 50명이 6개월 동안 카드뉴스, 영상, 거리 캠페인으로 북한인권을 알립니다.", Capacity, 52),
        new(8, "대학 북한인권 동아리 연합 세미나", "전국 대학 동아리 15곳이 모여 연구를 발표하고 활동 사례를 나누는 연합 세미나를 엽니다.", Capacity, 23),
        new(9, "북한 주민을 위한 라디오 콘텐츠 제작", "외부 세계의 일상과 인권의 개념을 쉽게 전하는 10분 분량의 라디오 프로그램 48편을 제작합니다.", Other, 82, 10),
        new(10, "탈북민 인권강사 양성 과정", "탈북민 20명을 인권강사로 양성해 학교와 지역사회에서 증언 강연을 하도록 돕습니다.", Capacity, 44),
        new(11, "북한인권 책임규명 법률 아카데미", "변호사와 법학전문대학원생에게 국제형사법과 증거 수집 실무를 교육합니다.", Capacity, 57, 3),
        new(11, "인권침해 증거 수집 실무 매뉴얼 발간", "국제 형사재판의 기준에 맞춘 증언 기록과 증거 보존 방법을 담은 실무 매뉴얼을 발간합니다.", Research, 29),
        new(12, "납북자·억류자 가족 구술 기록", "납북자와 억류자 가족 25명의 구술을 기록해 영상 아카이브와 구술집으로 남깁니다.", Research, 63),
        new(13, "탈북 작가 문학작품 번역 출간", "탈북 작가의 소설과 시를 영어로 번역해 출간하고 해외 북토크를 엽니다.", Culture, 38),
        new(14, "북한 아동 인권 실태조사와 교육자료 개발", "북한 아동의 교육·노동·영양 실태를 조사하고 초등 교사용 인권 교육자료를 만듭니다.", Research, 49, 4),
        new(15, "UN Advocacy Training for Korean CSOs", "Trains 16 staff of Korean CSOs in the UN human rights mechanisms, with a study visit to a Human Rights Council session in Geneva.", Conference, 72, 8),
        new(16, "북한인권 사진·미술 순회전 「보이지 않는 사람들」", "탈북 작가와 국내 작가 12명의 작품으로 다섯 개 도시에서 순회 전시를 엽니다.", Culture, 46),
        new(17, "Satellite Mapping of Detention Facilities", "Combines commercial satellite imagery with survivor interviews to map and date changes at twelve detention sites.", Research, 69, 6),
    ];

    public static readonly DemoProject[] Rejected2023 =
    [
        new(18, "탈북민 이야기 팟캐스트 시범 제작", "탈북민이 직접 진행하는 팟캐스트 시범 방송 6편을 제작합니다.", Culture, 0, 35),
        new(19, "대북 인도지원 모니터링 세미나", "인도적 지원의 분배 모니터링 경험을 나누는 세미나를 엽니다.", Conference, 0, 40),
        new(20, "북한 내부 정보 유입 실태 예비조사", "북한 주민의 외부 정보 접근 경로를 예비 조사합니다.", Research, 0, 55),
        new(8, "청년 통일 토크콘서트", "청년 세대가 통일과 인권을 이야기하는 토크콘서트를 엽니다.", Capacity, 0, 30),
        new(13, "북한인권 웹툰 공모전", "북한인권을 주제로 한 웹툰을 공모하고 수상작을 연재합니다.", Culture, 0, 25),
    ];

    /// <summary>2024: 22 awards, ₩1,780,000,000 of a ₩1,800,000,000 envelope.</summary>
    public static readonly DemoProject[] Awarded2024 =
    [
        new(0, "차세대 북한인권 활동가 심화 과정", "1기 수료생 30명이 현장 단체 인턴십과 국제 인권 메커니즘 실습을 통해 실무 역량을 기릅니다.", Capacity, 165, 15),
        new(1, "Testimony Archive: Public Access Portal", "Opens a searchable, consent-based public portal to 150 anonymized testimonies in Korean and English.", Research, 120),
        new(2, "창작 오페라 「압록강의 겨울」 지방 순회공연", "대구, 광주, 대전에서 순회공연을 열고 공연 실황 영상을 제작합니다.", Culture, 140, 10),
        new(3, "다큐멘터리 「경계의 아이들」 국내외 상영", "국내 극장 개봉과 해외 영화제 출품, 영어 자막 제작을 진행합니다.", Culture, 80),
        new(4, "연극 「수용소의 봄」 재공연과 영어 자막 공연", "재공연 16회 가운데 4회를 영어 자막 공연으로 열어 외국인 관객을 맞습니다.", Culture, 90, 5),
        new(5, "Regional Dialogue on Accountability for the DPRK", "A two-day dialogue in Seoul with the OHCHR Seoul office, regional experts and survivors on accountability options.", Conference, 140, 10, [CoiRecommendations.FieldBasedStructure]),
        new(6, "북한 내 종교의 자유 침해 실태조사", "탈북민 100명 면접으로 종교 활동에 대한 처벌 실태를 조사합니다.", Research, 100),
        new(7, "탈북여성 자립과 증언 활동 지원", "탈북여성 20명이 증언 활동가로 설 수 있도록 교육과 상담을 제공합니다.", Capacity, 48),
        new(8, "청년 북한인권 서포터즈 2기", "2기 서포터즈 60명이 지역 캠페인과 온라인 콘텐츠를 만듭니다.", Capacity, 67, 3),
        new(9, "라디오 콘텐츠 시즌 2: 북한 청년을 위한 이야기", "북한 청년의 관심사에 맞춘 라디오 프로그램 52편을 제작합니다.", Other, 90),
        new(10, "탈북민 인권강사 심화 과정", "1기 강사 15명이 강의 기법과 트라우마 대응을 심화 학습합니다.", Capacity, 40),
        new(11, "국제형사법 실무 워크숍", "증거 보존과 보편적 관할권 활용에 관한 실무 워크숍을 4회 엽니다.", Capacity, 52),
        new(12, "억류자 가족 증언 영상 아카이브", "억류자 가족의 증언 영상을 정리해 온라인 아카이브로 공개합니다.", Research, 70, 5),
        new(14, "북한 아동 교육권 실태 보고서", "북한 아동의 교육권 침해 실태를 담은 보고서를 발간합니다.", Research, 45),
        new(15, "Geneva Advocacy Week for Korean CSOs", "Supports eight Korean CSOs to brief UN treaty bodies and missions during a Human Rights Council session.", Conference, 70),
        new(16, "순회전 「보이지 않는 사람들」 해외 전시", "베를린과 런던에서 순회 전시를 열고 작가와의 대화를 진행합니다.", Culture, 52),
        new(17, "Detention Sites Atlas, 2024 Update", "Updates the atlas with new imagery and publishes site profiles for twelve facilities.", Research, 80, 5),
        new(18, "탈북민 이야기 팟캐스트 「건너온 사람들」", "탈북민 진행자가 이웃의 정착 이야기를 나누는 팟캐스트 24편을 제작합니다.", Culture, 38),
        new(19, "이산가족 화상상봉 준비와 인도적 교류 토론회", "화상상봉에 대비한 가족 기록을 돕고, 남북 인도적 교류 재개 방안을 논의하는 토론회를 엽니다.", Conference, 110, 10, [CoiRecommendations.SeparatedFamilies, CoiRecommendations.InterKoreanDialogue, CoiRecommendations.HumanitarianAssistance]),
        new(20, "북한 주민 외부정보 접근 실태조사", "북한 주민이 외부 정보를 접하는 경로와 처벌 위험을 조사합니다.", Research, 90),
        new(21, "이산가족 1세대 구술 기록과 편지 쓰기", "이산가족 1세대 30명의 구술을 기록하고 북녘 가족에게 보내는 편지를 모읍니다.", Research, 62, 0, [CoiRecommendations.SeparatedFamilies]),
        new(13, "탈북 작가 시선집 출간과 낭독회", "탈북 시인 8명의 시선집을 출간하고 낭독회를 엽니다.", Culture, 31),
    ];

    public static readonly DemoProject[] Rejected2024 =
    [
        new(3, "북한인권 애니메이션 시리즈 기획", "어린이를 위한 북한인권 애니메이션 시리즈의 기획안을 만듭니다.", Culture, 0, 60),
        new(6, "북한 경제와 인권의 연계 연구", "시장화가 인권 상황에 미친 영향을 연구합니다.", Research, 0, 75),
        new(9, "북한 청소년 대상 e-러닝 콘텐츠", "북한 청소년이 볼 수 있는 e-러닝 콘텐츠를 제작합니다.", Other, 0, 85),
        new(16, "북한인권 벽화 프로젝트", "접경 지역에 북한인권을 주제로 한 벽화를 그립니다.", Culture, 0, 40),
        new(20, "북한 스마트폰 감시 기술 분석", "북한 스마트폰의 감시 기능을 기술적으로 분석합니다.", Research, 0, 65),
    ];

    /// <summary>Current year, first call: decided, projects running, interim reports and second tranches in motion.</summary>
    public static readonly DemoProject[] AwardedCurrentSpring =
    [
        new(0, "차세대 북한인권 활동가 역량강화 과정 3기", "3기 교육생 40명을 선발해 기록 방법론과 국제 옹호 실무를 교육합니다.", Capacity, 120, 10),
        new(1, "Training Community Documenters", "Trains 25 community members in resettlement areas to record testimonies safely and to archive them to a common standard.", Research, 90),
        new(2, "오페라 갈라 콘서트 「자유를 노래하다」", "창작 오페라의 주요 아리아와 탈북 음악인의 무대를 엮은 갈라 콘서트를 엽니다.", Culture, 85, 5),
        new(5, "Seoul Accountability Dialogue with the OHCHR Seoul Office", "A public dialogue with the OHCHR Seoul office on its documentation work and how civil society can contribute evidence.", Conference, 95, 0, [CoiRecommendations.FieldBasedStructure]),
        new(6, "북한 해외 노동자 인권 실태조사", "해외 파견 노동 경험자 60명을 면접해 임금 착취와 감시 실태를 조사합니다.", Research, 70),
        new(11, "북한인권 사건 기록 표준화 워크숍", "단체마다 다른 사건 기록 양식을 국제 기준에 맞춰 표준화하는 워크숍을 엽니다.", Capacity, 40),
        new(19, "인도적 지원 원칙과 모니터링 국제 세미나", "대북 인도적 지원의 원칙과 분배 모니터링 사례를 국제기구와 함께 논의합니다.", Conference, 60, 0, [CoiRecommendations.HumanitarianAssistance]),
        new(21, "이산가족 편지 아카이브 구축", "이산가족이 써 온 편지 500통을 디지털화해 공개 아카이브로 만듭니다.", Research, 55, 0, [CoiRecommendations.SeparatedFamilies]),
    ];

    public static readonly DemoProject[] RejectedCurrentSpring =
    [
        new(9, "북한 주민 대상 생활정보 영상", "북한 주민을 위한 생활정보 영상을 제작합니다.", Other, 0, 70),
        new(13, "탈북 작가 창작 지원 레지던시", "탈북 작가 4명에게 3개월 창작 레지던시를 제공합니다.", Culture, 0, 45),
    ];

    /// <summary>
    /// Current year, rapid-response call decided a week ago: its grantees are at the grant-agreement step (교부), one
    /// not started, one half-way, one with the checklist complete and waiting for the officer's grant decision.
    /// </summary>
    public static readonly DemoProject[] AwardedCurrentRapid =
    [
        new(11, "강제북송 위기 탈북민 법률 긴급 지원", "제3국에서 구금된 탈북민의 강제송환을 막기 위해 현지 변호인 선임과 유엔 긴급 청원을 지원합니다.", Research, 45, 5),
        new(17, "Rapid Satellite Review of New Detention Sites", "Reviews recent commercial satellite imagery of four suspected detention sites and publishes a verified briefing within three months.", Research, 40),
        new(6, "북한 구금시설 생존자 긴급 증언 기록", "최근 입국한 구금시설 생존자 15명의 증언을 국제 기준에 맞춰 기록하고 보존합니다.", Research, 50, 0, [CoiRecommendations.FieldBasedStructure]),
    ];

    public static readonly DemoProject[] RejectedCurrentRapid =
    [
        new(20, "정보 유입 경로 긴급 실태 조사", "최근 북한 내 외부 정보 유입 경로의 변화를 면접 조사로 파악합니다.", Research, 0, 35),
    ];

    /// <summary>Current year, second call: closed, under review, reviews due in a few days.</summary>
    public static readonly DemoProject[] UnderReviewCurrent =
    [
        new(0, "북한인권 청소년 연극 교실", "청소년 30명이 탈북민 증언을 바탕으로 짧은 연극을 만들고 학교에서 공연합니다.", Culture, 0, 48),
        new(3, "단편 애니메이션 「돌아오지 못한 편지」", "이산가족의 편지를 소재로 한 12분 분량의 단편 애니메이션을 제작합니다.", Culture, 0, 75),
        new(4, "연극 「수용소의 봄」 청소년판", "청소년 관객을 위해 재구성한 70분 버전을 학교 강당에서 10회 공연합니다.", Culture, 0, 62),
        new(7, "탈북여성 자전 에세이 낭독 공연", "탈북여성 8명이 자신의 이야기를 쓰고 무대에서 낭독합니다.", Culture, 0, 35),
        new(13, "북한인권 문학상 제정과 시상", "북한인권을 다룬 문학 작품을 공모해 시상하고 수상작집을 펴냅니다.", Culture, 0, 40),
        new(16, "디지털 전시 「보이지 않는 사람들」", "순회전 작품을 온라인 가상 전시관으로 옮겨 상시 관람하도록 합니다.", Culture, 0, 55),
        new(18, "탈북민 뮤지컬 배우 양성 워크숍", "무대에 서고 싶은 탈북민 12명에게 연기와 노래를 가르치고 쇼케이스를 엽니다.", Culture, 0, 58),
        new(8, "청년 창작자 북한인권 숏폼 영상 공모", "청년 창작자가 만든 1분 영상 공모전을 열고 우수작을 알립니다.", Culture, 0, 30),
    ];

    /// <summary>Open call A (closes in 7–14 days, for the open-call budget year): the first <see cref="SubmittedInCallA"/> are submitted, the rest drafts.</summary>
    public static readonly DemoProject[] CallA =
    [
        new(0, "탈북 청년 북한인권 리더 양성 과정", "탈북 청년 25명이 발표, 글쓰기, 국제 옹호 활동을 배우는 6개월 과정을 운영합니다.", Capacity, 0, 90),
        new(8, "청년 북한인권 서포터즈 4기", "4기 서포터즈 60명이 지역 대학과 함께 캠페인을 엽니다.", Capacity, 0, 70),
        new(10, "탈북민 인권강사 지역 확산 과정", "인권강사를 충청과 호남 지역으로 넓혀 20명을 새로 양성합니다.", Capacity, 0, 45),
        new(14, "어린이 북한인권 교실", "초등학생 대상 북한 아동의 삶 이해 수업을 30개 학교에서 엽니다.", Capacity, 0, 38),
        new(20, "대학생 정보 자유 연구 캠프", "대학생 30명이 정보 접근권과 북한 사회를 연구하는 캠프를 엽니다.", Capacity, 0, 42),
        new(15, "Youth Delegates to the UN Human Rights Council", "Prepares six young Korean advocates to deliver statements at the Human Rights Council.", Conference, 0, 65),
        new(0, "북한인권 기록 활동가 멘토링", "현장 기록 활동가와 청년 10쌍을 맺어 6개월 동안 멘토링합니다.", Capacity, 0, 55),
        new(1, "Youth Oral History Fellows", "Ten young fellows record and edit oral histories with the archive's documentation team.", Research, 0, 60),
        new(11, "청년 법조인 국제인권법 아카데미", "로스쿨 학생 30명을 대상으로 국제인권법 실무 과정을 엽니다.", Capacity, 0, 50),
        new(18, "청년 스토리텔러 학교", "탈북 청년과 남한 청년이 함께 이야기를 쓰고 녹음합니다.", Capacity, 0, 33),
    ];

    public const int SubmittedInCallA = 6;

    /// <summary>Open call B (closes within two days, same budget year as A): drafts still to submit, one submitted.</summary>
    public static readonly DemoProject[] CallB =
    [
        new(17, "Rapid Imagery Review of New Border Fencing", "Reviews recent imagery of new border fencing and guard posts and publishes a short brief.", Research, 0, 40),
        new(0, "북한인권 기록 기초 교육 긴급 과정", "새로 입국한 탈북민의 증언을 기록할 활동가 15명을 긴급 교육합니다.", Research, 0, 35),
        new(1, "Emergency Digitization of Testimony Tapes", "Digitizes 120 deteriorating cassette testimonies before they become unreadable.", Research, 0, 48),
        new(6, "최근 입국 탈북민 구금 경험 조사", "최근 2년 안에 입국한 탈북민의 구금 경험을 조사합니다.", Research, 0, 52),
        new(12, "억류자 가족 증언 긴급 기록", "고령의 억류자 가족 10명의 증언을 긴급히 기록합니다.", Research, 0, 28),
    ];

    public const int SubmittedInCallB = 1;
}
