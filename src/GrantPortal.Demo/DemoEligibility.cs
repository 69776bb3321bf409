namespace GrantPortal.Demo;

/// <summary>The demo's eligibility: the open YOUTH call's screening question, and when each demo organization was founded.</summary>
internal static class DemoEligibility
{
    /// <summary>The YOUTH call funds non-profit civil organizations (비영리민간단체) only, and asks so before a draft starts.</summary>
    public static EligibilityRules Youth { get; } = new()
    {
        Questions =
        [
            new ScreeningQuestion
            {
                Key = "nonprofit-registered",
                Type = QuestionType.YesNo,
                TextKorean = "비영리민간단체로 등록되어 있습니까?",
                TextEnglish = "Is your organization registered as a non-profit civil organization (비영리민간단체)?",
                IneligibleAnswers = [AnswerFormat.No],
                ReasonKorean = "이 공모는 「비영리민간단체 지원법」에 따라 등록된 비영리민간단체만 신청할 수 있습니다. 주무관청에 비영리민간단체로 등록한 뒤 신청해 주십시오.",
                ReasonEnglish = "This call is open only to organizations registered as non-profit civil organizations (비영리민간단체) under the Assistance for Non-Profit Non-Governmental Organizations Act. Register with the competent authority first, then apply.",
            },
        ],
    };

    /// <summary>Founding dates (설립일) by organization index, fixed so every fresh demo reads the same; each well before its registration in the portal.</summary>
    private static readonly LocalDate[] Founded =
    [
        new(2012, 3, 15), new(2008, 9, 1), new(2015, 5, 20), new(2017, 11, 7), new(2010, 4, 12),
        new(2006, 6, 25), new(1999, 10, 3), new(2013, 2, 28), new(2016, 8, 15), new(2019, 1, 21),
        new(2004, 12, 10), new(2011, 7, 4), new(2001, 3, 1), new(2014, 10, 9), new(2009, 5, 5),
        new(2007, 11, 19), new(2018, 3, 30), new(2016, 1, 18), new(2020, 6, 1), new(2005, 8, 23),
        new(2017, 4, 14), new(2003, 9, 27), new(2021, 2, 3), new(2022, 6, 16), new(2019, 12, 2),
    ];

    public static LocalDate FoundedOn(int index) => Founded[index % Founded.Length];
}
