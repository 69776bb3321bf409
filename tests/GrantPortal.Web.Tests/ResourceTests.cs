using GrantPortal.Testing;
using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using GrantPortal.Core.Localization;

namespace GrantPortal.Web.Tests;

/// <summary>Every string a person can see exists in both languages, and every key the markup asks for exists.</summary>
public sealed partial class ResourceTests
{
    private static readonly ResourceManager Resources = new("GrantPortal.Core.Localization.Strings", typeof(Strings).Assembly);

    [Fact]
    public void Every_english_string_has_a_korean_translation()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var korean = Entries(CultureInfo.GetCultureInfo("ko"));

        var missing = english.Keys.Where(k => !korean.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).ToList();

        Assert.Empty(missing);
        Assert.Empty(korean.Keys.Except(english.Keys));
    }

    [Fact]
    public void Every_key_used_in_pages_and_services_exists()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var root = Repository.Root;
        var used = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();

        var unknown = used.Where(u => !english.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.Empty(unknown);
    }

    private static Dictionary<string, string> Entries(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for {culture.Name}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
    }

    // L["Key"], L["Key", arg], localizer["Key"]: literal keys only; computed keys are covered by the pages' own tests.
    [GeneratedRegex("""(?:\bL|localizer)\["(?<key>[A-Za-z]+_[A-Za-z]+)"[\],]""")]
    private static partial Regex KeyPattern();
}
