namespace GrantPortal.Core.Recommendations;

/// <summary>
/// The recommendations of the 2014 UN Commission of Inquiry on human rights in the DPRK
/// (A/HRC/25/CRP.1) that the funder reports against. The texts are faithful paraphrases in
/// both languages, not quotations: the report itself is the authority.
/// </summary>
public static class CoiRecommendations
{
    public const string SourceDocument = "A/HRC/25/CRP.1";

    /// <summary>Inter-Korean dialogue and people-to-people contact.</summary>
    public const string InterKoreanDialogue = "1222";

    /// <summary>Reunions of separated families and humanitarian exchanges.</summary>
    public const string SeparatedFamilies = "1223";

    /// <summary>Support for civil society working on DPRK human rights: the code every demo award serves.</summary>
    public const string CivilSociety = "1224";

    /// <summary>A field-based OHCHR structure for accountability (the Seoul office).</summary>
    public const string FieldBasedStructure = "1225-(c)";

    /// <summary>Humanitarian assistance under humanitarian and human rights principles.</summary>
    public const string HumanitarianAssistance = "1225-(i)";

    public static IReadOnlyList<CoiRecommendation> All { get; } =
    [
        new(
            InterKoreanDialogue,
            "1222",
            "Inter-Korean dialogue and people-to-people contact",
            "남북 대화와 주민 간 교류",
            "The two Koreas should pursue dialogue with each other, and States and civil society should foster opportunities "
                + "for people-to-people dialogue and contact, such as cultural, sporting, academic and economic exchanges, "
                + "as a way to bring about change and reconciliation on the Korean peninsula.",
            "남북은 서로 대화를 추진하고, 각국 정부와 시민사회는 문화·체육·학술·경제 교류 등 주민 간 대화와 접촉의 기회를 넓혀 "
                + "한반도의 변화와 화해를 이끌어내야 한다."),
        new(
            SeparatedFamilies,
            "1223",
            "Reunions of separated families and humanitarian exchanges",
            "이산가족 상봉과 인도적 교류",
            "Families separated by the division of Korea and by abductions should be allowed regular reunions and free contact "
                + "by letter, telephone and video, and exchanges between the two Koreas for humanitarian purposes should be expanded.",
            "분단과 납치로 헤어진 가족들이 정기적으로 상봉하고 서신·전화·화상으로 자유롭게 연락할 수 있어야 하며, "
                + "인도적 목적의 남북 교류를 확대해야 한다."),
        new(
            CivilSociety,
            "1224",
            "Support for civil society organizations working on DPRK human rights",
            "북한인권 시민사회단체 활동 지원",
            "States, foundations and engaged business enterprises should give more support to the work of civil society "
                + "organizations to improve the human rights situation in the DPRK, including their efforts to document "
                + "human rights violations and to bring accessible information to the people of the DPRK.",
            "각국 정부와 재단, 관련 기업은 북한 인권 상황 개선을 위해 활동하는 시민사회단체에 대한 지원을 확대해야 한다. "
                + "여기에는 인권침해 실태를 기록하는 활동과 북한 주민이 외부 정보에 접근하도록 돕는 활동에 대한 지원이 포함된다."),
        new(
            FieldBasedStructure,
            "1225 (c)",
            "Field-based OHCHR structure for accountability (Seoul office)",
            "책임규명을 위한 유엔 인권최고대표사무소 현장 조직(서울사무소) 지원",
            "The Office of the High Commissioner for Human Rights, with the support of the Human Rights Council and the "
                + "General Assembly, should establish a field-based structure that strengthens the monitoring and documentation "
                + "of human rights violations in the DPRK and helps to ensure accountability, in particular for crimes against humanity.",
            "유엔 인권최고대표사무소는 인권이사회와 총회의 지원을 받아 북한 인권침해에 대한 모니터링과 기록을 강화하고, "
                + "특히 반인도범죄에 대한 책임규명을 뒷받침하는 현장 기반 조직을 설치해야 한다."),
        new(
            HumanitarianAssistance,
            "1225 (i)",
            "Humanitarian assistance under humanitarian and human rights principles",
            "인도주의와 인권 원칙에 따른 인도적 지원",
            "Humanitarian assistance to the people of the DPRK should be provided and monitored in line with humanitarian "
                + "and human rights principles, giving priority of access to those most in need and kept apart from political "
                + "and security considerations.",
            "북한 주민에 대한 인도적 지원은 가장 도움이 필요한 사람에게 우선 전달되도록 인도주의와 인권 원칙에 따라 "
                + "제공되고 모니터링되어야 하며, 정치·안보적 고려와 분리되어야 한다."),
    ];
}

/// <summary>One catalogue entry as shipped; <see cref="RecommendationCatalogue"/> inserts it once and never overwrites edits.</summary>
public sealed record CoiRecommendation(
    string Code,
    string Paragraph,
    string ShortTitleEnglish,
    string ShortTitleKorean,
    string TextEnglish,
    string TextKorean)
{
    public Recommendation ToEntity() => new()
    {
        Code = Code,
        SourceDocument = CoiRecommendations.SourceDocument,
        Paragraph = Paragraph,
        ShortTitleEnglish = ShortTitleEnglish,
        ShortTitleKorean = ShortTitleKorean,
        TextEnglish = TextEnglish,
        TextKorean = TextKorean,
    };
}
