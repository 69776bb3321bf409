namespace GrantPortal.BrowserTests;

/// <summary>The rules of <see cref="KoreanText"/>, on texts as a page would give them (no browser needed).</summary>
public sealed class KoreanTextTests
{
    private static readonly KoreanText Checker = KoreanText.WithData(["Thomas Becker", "Youth Oral History Fellows", "Institute for Peace Studies, Seohae University"]);

    [Theory]
    [InlineData("Rows per page:")]
    [InlineData("1-25 of 87")]
    [InlineData("First page")]
    [InlineData("저장 · Save")]
    [InlineData("None")]
    [InlineData("Draft")]
    [InlineData("신청 3건 overdue now")]
    [InlineData("Awaiting your review")]
    public void English_ui_text_is_found(string text) =>
        Assert.Single(Checker.FindEnglish([text]));

    [Theory]
    [InlineData("페이지당 행 수:")]
    [InlineData("87건 중 1-25")]
    [InlineData("2027-YOUTH-0001 · NKHR · COI 1224")]
    [InlineData("4,500만 원 (₩45,000,000)")]
    [InlineData("GrantPortal")]
    [InlineData("2026-12-10 18:00 KST")]
    [InlineData("심사위원 Thomas Becker")]
    [InlineData("증언다리 아카이브 · Youth Oral History Fellows")]
    [InlineData("소속: Institute for Peace Studies, Seohae University")]
    [InlineData("담당자 office@testimony-bridge.example")]
    [InlineData("https://www.testimony-bridge.example")]
    [InlineData("첨부: project-plan.pdf")]
    [InlineData("PDF, DOCX, HWP, JPG, PNG 파일")]
    public void Korean_text_codes_names_and_data_pass(string text) =>
        Assert.Empty(Checker.FindEnglish([text]));

    [Fact]
    public void Data_is_removed_as_whole_words_only()
    {
        var findings = KoreanText.WithData(["en"]).FindEnglish(["Mentoring Center"]);

        Assert.Contains("\"Mentoring Center\"", Assert.Single(findings), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_the_test_typed_passes_once_allowed()
    {
        const string typed = "Youth rights documentation camp";

        Assert.NotEmpty(Checker.FindEnglish([typed]));
        Assert.Empty(Checker.Allow(typed).FindEnglish([typed]));
    }
}
