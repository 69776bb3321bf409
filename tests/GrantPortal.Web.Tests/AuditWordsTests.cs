using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Localization;
using GrantPortal.Testing;

namespace GrantPortal.Web.Tests;

/// <summary>The audit trail reads in words: every action the code base can write, and every kind of record, has them in both languages.</summary>
public sealed partial class AuditWordsTests
{
    private static readonly ResourceManager Resources = new("GrantPortal.Core.Localization.Strings", typeof(Strings).Assembly);

    public static TheoryData<string> Languages => new() { "en", "ko" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_declared_audit_action_has_words(string language)
    {
        var strings = Entries(language);

        var missing = AuditActions.All.Where(a => !strings.TryGetValue(AuditActions.WordsKey(a), out var words) || string.IsNullOrWhiteSpace(words) || words == a).ToList();

        Assert.NotEmpty(AuditActions.All);
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_action_group_and_record_kind_has_words(string language)
    {
        var strings = Entries(language);

        var groupsWithoutWords = AuditActions.Groups.Where(g => !strings.ContainsKey(AuditActions.GroupKey(g))).ToList();
        var kindsWithoutWords = AuditBrowser.RecordKinds.Where(k => !strings.ContainsKey("Audit_Entity_" + k)).ToList();

        Assert.Empty(groupsWithoutWords);
        Assert.Empty(kindsWithoutWords);
    }

    [Fact]
    public void Every_audit_code_written_in_the_source_is_declared()
    {
        // Codes look like "payment.approved" or "budget-year.opened"; mail domains like "naver.com" start with no audit group.
        var groups = AuditActions.Groups.ToHashSet(StringComparer.Ordinal);
        var found = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => CodePattern().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Code: m.Groups["code"].Value)))
            .Where(c => groups.Contains(AuditActions.GroupOf(c.Code)))
            .ToList();

        var undeclared = found.Where(c => !AuditActions.IsKnown(c.Code)).Select(c => $"{c.File}: {c.Code}").Distinct().ToList();

        Assert.Contains(found, c => c.Code == AuditActions.PaymentApproved);
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Korean_and_english_words_differ_from_each_other_for_every_action()
    {
        var english = Entries("en");
        var korean = Entries("ko");

        var untranslated = AuditActions.All.Where(a => english[AuditActions.WordsKey(a)] == korean[AuditActions.WordsKey(a)]).ToList();

        Assert.Empty(untranslated);
    }

    private static Dictionary<string, string> Entries(string language)
    {
        var culture = language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for {language}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
    }

    [GeneratedRegex("""
        "(?<code>[a-z][a-z-]*\.[a-z][a-z_-]*)"
        """)]
    private static partial Regex CodePattern();
}
