using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Recommendations;
using NodaTime;

namespace GrantPortal.Core.Tests.Recommendations;

public sealed class AccountabilityNarrativeTests
{
    private static readonly AccountabilityWording English = new()
    {
        Government = "the Government",
        Opening = "Under {code}, {government} gave {amount} to {organizations} organizations in {years}.",
        Projects = "{projects} projects, including {kinds}, among them {examples}.",
        Disbursed = "{disbursed} was paid.",
        Indicators = "{participants} took part.",
        NoFunding = "Nothing under {code} in {years}.",
        ListJoin = ", and ",
        Categories = new() { ["CultureAndArts"] = "arts", ["CapacityBuilding"] = "training" },
    };

    [Theory]
    [InlineData(2_000_000_000, "en", "2 billion Korean Won (KRW)")]
    [InlineData(1_800_000_000, "en", "1.8 billion Korean Won (KRW)")]
    [InlineData(350_000_000, "en", "350 million Korean Won (KRW)")]
    [InlineData(5_000, "en", "5,000 Korean Won (KRW)")]
    [InlineData(2_000_000_000, "ko", "20억 원")]
    [InlineData(1_800_000_000, "ko", "18억 원")]
    public void Amounts_read_as_the_response_writes_them(long won, string language, string expected) =>
        Assert.Equal(expected, AccountabilityNarrative.Amount(new Krw(won), language));

    [Fact]
    public void Placeholders_are_filled_and_an_unknown_one_stays_visible()
    {
        var text = AccountabilityNarrative.Fill("{a} and {b} but {typo}", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });

        Assert.Equal("1 and 2 but {typo}", text);
    }

    [Fact]
    public void Narrative_counts_organizations_once_and_names_the_kinds_by_frequency_and_the_largest_projects()
    {
        FundedProject[] projects =
        [
            Project(1, organization: 10, 300_000_000, ProjectCategories.CultureAndArts, "Opera"),
            Project(2, organization: 10, 200_000_000, ProjectCategories.CultureAndArts, "Film"),
            Project(3, organization: 11, 500_000_000, ProjectCategories.CapacityBuilding, "Academy"),
        ];
        var totals = new RecommendationTotals("1224", "Civil society", "시민사회", new Krw(1_000_000_000), new Krw(600_000_000), 2, 3, Standard(120, 120, 4, 1, 1000), projects);

        var text = AccountabilityNarrative.Write(totals, 2023, 2024, English, "en");

        Assert.Equal(
            "Under 1224, the Government gave 1 billion Korean Won (KRW) to 2 organizations in 2023\u20132024. "
                + "3 projects, including arts, and training, among them \u201CAcademy\u201D, \u201COpera\u201D, and \u201CFilm\u201D.\n\n"
                + "600 million Korean Won (KRW) was paid. 120 took part.",
            text);
    }

    [Fact]
    public void Year_without_projects_says_so()
    {
        var totals = new RecommendationTotals("1222", "Dialogue", "대화", Krw.Zero, Krw.Zero, 0, 0, ProjectIndicators.Zero, []);

        Assert.Equal("Nothing under 1222 in 2023.", AccountabilityNarrative.Write(totals, 2023, 2023, English, "en"));
    }

    [Fact]
    public void Markdown_export_keeps_the_officers_paragraphs()
    {
        var markdown = AccountabilityExport.ToMarkdown("Heading", "First line\nsame paragraph.\r\n\r\nSecond.");

        Assert.Equal("# Heading\n\nFirst line same paragraph.\n\nSecond.\n", markdown);
    }

    private static ProjectIndicators Standard(long participants, long beneficiaries, long events, long publications, long reach) => new(
        StandardIndicators.All.Zip([participants, beneficiaries, events, publications, reach])
            .Select(p => new IndicatorFigure(p.First.NameKorean, p.First.NameEnglish, p.First.UnitKorean, p.First.UnitEnglish, p.Second))
            .ToList());

    private static FundedProject Project(int id, int organization, long won, ProjectCategories category, string title) =>
        new(id, 2023, 1, "NKHR", "Call", "공모", null, title, "", category, organization, "Org", "단체", "101-82-10001",
            new Krw(won), Krw.Zero, Instant.FromUtc(2023, 5, 12, 6, 0), null, null, ["1224"], ProjectIndicators.Zero, null);
}
