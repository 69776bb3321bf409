using Bunit;
using GrantPortal.Core.Money;
using GrantPortal.Web.Components.Shared;

namespace GrantPortal.Web.Tests;

public sealed class KrwTextTests : PortalComponentTest
{
    [Fact]
    public void English_reader_sees_figures_with_the_won_sign()
    {
        var text = Render<KrwText>(p => p.Add(c => c.Amount, new Krw(1_800_000_000)));

        Assert.Equal("₩1,800,000,000", text.Find(".krw").TextContent);
    }

    [Fact]
    public void Korean_reader_sees_korean_units_with_figures_on_hover()
    {
        UseLanguage("ko");

        var text = Render<KrwText>(p => p.Add(c => c.Amount, new Krw(1_800_000_000)));

        Assert.Equal("18억 원", text.Find(".krw").TextContent);
        Assert.Equal("₩1,800,000,000", text.Find(".krw").GetAttribute("title"));
    }

    [Theory]
    [InlineData("en", "₩40,000,000", "만 원")]
    [InlineData("ko", "4,000만 원", "₩")]
    public void Amount_field_helps_in_the_readers_amount_style_only(string language, string hint, string foreign)
    {
        UseLanguage(language);

        var input = Render<KrwInput>(p => p.Add(c => c.Value, new Krw(40_000_000)).Add(c => c.Label, "Amount"));

        var help = input.Find(".mud-input-helper-text").TextContent;
        Assert.Contains(hint, help, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign, help, StringComparison.Ordinal);
    }
}
