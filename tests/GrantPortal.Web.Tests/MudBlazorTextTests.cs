using System.Collections;
using System.Globalization;
using System.Resources;
using Bunit;
using GrantPortal.Core.Localization;
using GrantPortal.Web.Hosting;
using MudBlazor;

namespace GrantPortal.Web.Tests;

/// <summary>MudBlazor's own texts (pager, spin buttons, pickers, "Required") read in the page's language.</summary>
public sealed class MudBlazorTextTests : PortalComponentTest
{
    private static readonly ResourceManager Ours = new("GrantPortal.Core.Localization.Strings", typeof(Strings).Assembly);

    [Fact]
    public void Every_mudblazor_text_has_our_english_and_a_korean_translation()
    {
        var mudBlazor = MudBlazorEnglish();
        var english = Entries(Ours, CultureInfo.InvariantCulture);
        var korean = Entries(Ours, CultureInfo.GetCultureInfo("ko"));

        var missingEnglish = mudBlazor.Keys.Where(k => !english.ContainsKey(PortalMudLocalizer.KeyPrefix + k)).ToList();
        var untranslated = mudBlazor
            .Where(m => m.Value.Any(char.IsAsciiLetter))
            .Where(m => !korean.TryGetValue(PortalMudLocalizer.KeyPrefix + m.Key, out var text) || !text.Any(IsHangul))
            .Select(m => $"{m.Key} ({m.Value})")
            .ToList();

        Assert.True(mudBlazor.Count > 100, $"Only {mudBlazor.Count} MudBlazor texts were found; has the resource moved?");
        Assert.Empty(missingEnglish);
        Assert.Empty(untranslated);
    }

    [Fact]
    public void Korean_pager_and_number_field_read_in_korean()
    {
        UseLanguage("ko");

        var page = Render<PagedSample>();

        page.WaitForAssertion(() => Assert.Contains("87건 중 1-25", page.Markup, StringComparison.Ordinal));
        Assert.Contains("페이지당 행 수:", page.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[aria-label='첫 페이지']"));
        Assert.NotEmpty(page.FindAll("[aria-label='값 늘리기']"));
        Assert.DoesNotContain("Rows per page", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void English_pager_keeps_mudblazors_english()
    {
        var page = Render<PagedSample>();

        page.WaitForAssertion(() => Assert.Contains("1-25 of 87", page.Markup, StringComparison.Ordinal));
        Assert.Contains("Rows per page:", page.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[aria-label='First page']"));
    }

    /// <summary>MudBlazor's built-in English texts, read from its own assembly so a new MudBlazor key fails this test until we translate it.</summary>
    internal static Dictionary<string, string> MudBlazorEnglish() =>
        Entries(new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudLocalizer).Assembly), CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Entries(ResourceManager resources, CultureInfo culture)
    {
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for {culture.Name} in {resources.BaseName}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
    }

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';
}
