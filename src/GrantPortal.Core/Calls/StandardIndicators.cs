namespace GrantPortal.Core.Calls;

/// <summary>
/// The five counts every report collected before calls had their own indicators. New calls start with them, the
/// data migration gave them to every earlier call, and the accountability narrative names them in its wording.
/// </summary>
public static class StandardIndicators
{
    public static IndicatorForm Participants => new()
    {
        Key = "participants", Kind = IndicatorKind.Output, NameKorean = "참여자 수", NameEnglish = "Participants", UnitKorean = "명", UnitEnglish = "people",
    };

    public static IndicatorForm Beneficiaries => new()
    {
        Key = "beneficiaries", Kind = IndicatorKind.Outcome, NameKorean = "수혜자 수", NameEnglish = "Beneficiaries reached", UnitKorean = "명", UnitEnglish = "people",
    };

    public static IndicatorForm EventsHeld => new()
    {
        Key = "events_held", Kind = IndicatorKind.Output, NameKorean = "행사 수", NameEnglish = "Events", UnitKorean = "회", UnitEnglish = "events",
    };

    public static IndicatorForm Publications => new()
    {
        Key = "publications", Kind = IndicatorKind.Output, NameKorean = "발간물 수", NameEnglish = "Publications", UnitKorean = "건", UnitEnglish = "publications",
    };

    public static IndicatorForm MediaReach => new()
    {
        Key = "media_reach", Kind = IndicatorKind.Outcome, NameKorean = "미디어 도달 규모", NameEnglish = "Media reach", UnitKorean = "명", UnitEnglish = "people",
    };

    /// <summary>Fresh copies, in the order reports always listed them.</summary>
    public static IReadOnlyList<IndicatorForm> All => [Participants, Beneficiaries, EventsHeld, Publications, MediaReach];
}
