using GrantPortal.Core.Calls;

namespace GrantPortal.Demo;

/// <summary>The open YOUTH call's own indicators: two it shares (by name and unit) with every other call, one of its own.</summary>
internal static class DemoIndicators
{
    public static IReadOnlyList<IndicatorForm> Youth =>
    [
        StandardIndicators.Participants,
        new()
        {
            Key = "youth_trained", Kind = IndicatorKind.Outcome, NameKorean = "교육을 수료한 청년", NameEnglish = "Young people trained", UnitKorean = "명", UnitEnglish = "people",
        },
        StandardIndicators.EventsHeld,
    ];
}
