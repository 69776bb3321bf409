using GrantPortal.Core.Money;

namespace GrantPortal.Core.Tests.Money;

public sealed class KrwTests
{
    [Fact]
    public void Amounts_add_and_subtract_in_whole_won()
    {
        Assert.Equal(new Krw(2_000_000_000), new Krw(1_800_000_000) + new Krw(200_000_000));
        Assert.Equal(new Krw(-200_000_000), new Krw(1_800_000_000) - new Krw(2_000_000_000));
        Assert.Equal(new Krw(-5_000), -new Krw(5_000));
        Assert.True(new Krw(-1).IsNegative);
        Assert.True(Krw.Zero.IsZero);
    }

    [Fact]
    public void Overflow_is_an_error_not_a_wrapped_amount()
    {
        Assert.Throws<OverflowException>(() => new Krw(long.MaxValue) + new Krw(1));
        Assert.Throws<OverflowException>(() => new Krw(long.MinValue) - new Krw(1));
        Assert.Throws<OverflowException>(() => -new Krw(long.MinValue));
        Assert.Throws<OverflowException>(() => Krw.Sum([new Krw(long.MaxValue), new Krw(1)]));
    }

    [Fact]
    public void Sum_of_the_2023_awards_is_the_envelope()
    {
        var awards = Enumerable.Repeat(new Krw(60_000_000), 28).Append(new Krw(320_000_000));

        Assert.Equal(new Krw(2_000_000_000), Krw.Sum(awards));
        Assert.Equal(Krw.Zero, Krw.Sum([]));
    }

    [Fact]
    public void Figures_show_the_won_sign_and_thousands_separators()
    {
        Assert.Equal("₩1,800,000,000", new Krw(1_800_000_000).ToFigures());
        Assert.Equal("₩0", Krw.Zero.ToFigures());
        Assert.Equal("-₩5,000", new Krw(-5_000).ToFigures());
    }

    [Theory]
    [InlineData(1_800_000_000, "18억 원")]
    [InlineData(2_000_000_000, "20억 원")]
    [InlineData(1_234_500_000, "12억 3,450만 원")]
    [InlineData(5_000, "5,000원")]
    [InlineData(100_005_000, "1억 5,000원")]
    [InlineData(0, "0원")]
    [InlineData(30_000, "3만 원")]
    [InlineData(1_000_000_000_000, "1조 원")]
    [InlineData(-1_800_000_000, "-18억 원")]
    [InlineData(-5_000, "-5,000원")]
    public void Korean_units_read_as_in_ministry_documents(long won, string expected) =>
        Assert.Equal(expected, new Krw(won).ToKoreanUnits());

    [Theory]
    [InlineData("1,800,000,000", 1_800_000_000)]
    [InlineData("₩5,000", 5_000)]
    [InlineData("5000원", 5_000)]
    [InlineData(" 2,000,000 ", 2_000_000)]
    [InlineData("0", 0)]
    public void What_people_type_is_understood(string text, long expected)
    {
        Assert.True(Krw.TryParse(text, out var amount));
        Assert.Equal(new Krw(expected), amount);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("99999999999999999999")]
    public void Text_that_is_not_whole_won_is_rejected(string? text)
    {
        Assert.False(Krw.TryParse(text, out var amount));
        Assert.Equal(Krw.Zero, amount);
    }

    [Fact]
    public void Korean_readers_see_units_and_others_see_figures()
    {
        var amount = new Krw(1_800_000_000);

        Assert.Equal("18억 원", amount.Format(new System.Globalization.CultureInfo("ko-KR")));
        Assert.Equal("₩1,800,000,000", amount.Format(new System.Globalization.CultureInfo("en-US")));
    }

    [Fact]
    public void Amount_for_the_reader_follows_the_page_language()
    {
        var saved = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("ko");
            Assert.Equal("4,500만 원", new Krw(45_000_000).ForReader());
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
            Assert.Equal("₩45,000,000", new Krw(45_000_000).ForReader());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = saved;
        }
    }
}
