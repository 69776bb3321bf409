using System.Globalization;
using GrantPortal.Core.Organizations;

namespace GrantPortal.Core.Tests.Organizations;

public sealed class OrganizationNameTests
{
    private static readonly OrganizationName Both = new("증언다리 아카이브", "Testimony Bridge Archive");
    private static readonly OrganizationName KoreanOnly = new("새벽종 인권합창단", "");

    [Fact]
    public void Korean_readers_see_the_korean_name_and_english_readers_the_english_name()
    {
        Assert.Equal("증언다리 아카이브", Both.In("ko"));
        Assert.Equal("Testimony Bridge Archive", Both.In("en"));
    }

    [Fact]
    public void Without_an_english_name_english_readers_see_the_korean_one()
    {
        Assert.Equal("새벽종 인권합창단", KoreanOnly.In("en"));
        Assert.Equal("새벽종 인권합창단", new OrganizationName("새벽종 인권합창단", "   ").In("en"));
    }

    [Fact]
    public void Without_a_korean_name_korean_readers_see_the_english_one()
    {
        Assert.Equal("Testimony Bridge Archive", new OrganizationName("", "Testimony Bridge Archive").In("ko"));
    }

    [Fact]
    public void Written_into_a_page_the_name_follows_the_ui_language()
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
            Assert.Equal("증언다리 아카이브", $"{Both}");
            Assert.Equal("Testimony Bridge Archive", Both.Alternate());

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("Testimony Bridge Archive", $"{Both}");
            Assert.Equal("증언다리 아카이브", Both.Alternate());
            Assert.Equal("새벽종 인권합창단", $"{KoreanOnly}");
            Assert.Equal("", KoreanOnly.Alternate());
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
