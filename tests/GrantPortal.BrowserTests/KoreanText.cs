using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MudBlazor;

namespace GrantPortal.BrowserTests;

/// <summary>
/// Finds English left in a page of the Korean UI: our own texts in English, MudBlazor's built-in English, and English
/// written straight into markup. Proper names, codes and data are not English UI and are let through.
/// </summary>
/// <remarks>
/// <para>Use it in any browser test that shows a page in Korean:</para>
/// <code>
/// var korean = await KoreanText.FromDatabaseAsync(fixture.Server.Services);   // once per test, after seeding or changing data
/// korean = korean.Allow("Youth rights camp", "plan.pdf");                      // what the test itself typed or uploaded
/// await korean.AssertNoEnglishAsync(page, "officer /awards");                  // fails listing every English string found
/// IReadOnlyList&lt;string&gt; found = await korean.FindEnglishAsync(page);          // the same findings, to inspect
/// </code>
/// <para>What is read: every visible text node of the page, including open MudBlazor popovers, dialogs and snackbars,
/// and the aria-label, placeholder, title and alt of visible elements. Content marked <c>lang="en"</c> (the
/// language switch's "English", an organization's English name shown for checking) is skipped, and so are
/// <c>code</c>, <c>kbd</c> and <c>samp</c> (file formats and other literals) and inputs' values (what someone typed).</para>
/// <para>What counts as English UI, after removing data (every text column in the database except the English twin of
/// a Korean column, such as <c>Call.TitleEnglish</c> or <c>Organization.Name</c> next to <c>NameKorean</c>), text the
/// test allowed, e-mail addresses, web addresses, file names and <see cref="ProperNames"/>:
/// <list type="bullet">
/// <item><description>an English value of Strings.resx that differs from its Korean value, or one of MudBlazor's
/// English texts, found whole-word (single words of three letters or more count too);</description></item>
/// <item><description>two or more English words in a row (a hard-coded phrase);</description></item>
/// <item><description>a text that is a single English word ("Draft", "None"), or any lower-case English word
/// ("of" in "1-25 of 87").</description></item>
/// </list>
/// All-capital codes and acronyms (NKHR, COI, KRW, PDF) never count.</para>
/// </remarks>
public sealed partial class KoreanText
{
    /// <summary>Names that stay as they are in Korean text: the product, and names of things that have no Korean name here.</summary>
    public static readonly IReadOnlyList<string> ProperNames = ["GrantPortal", "Hangfire", "Excel", "Markdown", "360Giving"];

    private static readonly ResourceManager Ours = new("GrantPortal.Core.Localization.Strings", typeof(Strings).Assembly);
    private static readonly ResourceManager MudBlazorTexts = new("MudBlazor.Resources.LanguageResource", typeof(MudLocalizer).Assembly);

    /// <summary>English UI texts, split at their placeholders, with where each comes from; longest first.</summary>
    private static readonly Lazy<List<(string Text, string Source)>> EnglishUi = new(LoadEnglishUi);

    private readonly IReadOnlyList<string> allowed;

    private KoreanText(IEnumerable<string> allowed)
    {
        this.allowed = allowed
            .Where(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Length >= 2 && AnyLatin().IsMatch(a))
            .Select(Normalize)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(a => a.Length)
            .ToList();
    }

    /// <summary>A checker that lets through the given data and proper names only (no database).</summary>
    public static KoreanText WithData(IEnumerable<string> data) => new(data.Concat(ProperNames));

    /// <summary>
    /// A checker that knows the portal's data: every text value in the database except the English twins of Korean
    /// columns, which must not show in the Korean UI. Call it again after a test changes data it will look at.
    /// </summary>
    public static async Task<KoreanText> FromDatabaseAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var data = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var columns = entity.GetProperties()
                .Where(p => (p.GetValueConverter()?.ProviderClrType ?? p.ClrType) == typeof(string) && !IsEnglishTwin(p.Name, entity.GetProperties().Select(q => q.Name)))
                .Select(p => p.GetColumnName())
                .ToList();
            foreach (var column in columns)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT DISTINCT \"{column}\" FROM \"{entity.GetTableName()}\" WHERE \"{column}\" IS NOT NULL";
                await ReadInto(command, data);
            }
        }

        return WithData(data);
    }

    /// <summary>The same checker that also lets through <paramref name="texts"/>: what the test typed, uploaded or chose.</summary>
    public KoreanText Allow(params string[] texts) => new(allowed.Concat(texts));

    /// <summary>Fails, listing each English string with the text it was found in, when the page shows any.</summary>
    public async Task AssertNoEnglishAsync(IPage page, string where)
    {
        var found = await FindEnglishAsync(page);
        Assert.True(found.Count == 0, $"English in the Korean UI at {where} ({page.Url}):{Environment.NewLine}{string.Join(Environment.NewLine, found)}");
    }

    /// <summary>Each English string the page shows, as "english ← in: text [source]", without repeats.</summary>
    public async Task<IReadOnlyList<string>> FindEnglishAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        // Popovers and dialogs fade in: read them once fully shown, or their texts would count as hidden.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.mud-popover-open, .mud-dialog')].every(e => getComputedStyle(e).opacity === '1')", null, new() { Timeout = 5_000 });
        var texts = await page.EvaluateAsync<string[]>(CollectVisibleText);
        return FindEnglish(texts);
    }

    /// <summary>The rules of <see cref="KoreanText"/> applied to texts already collected.</summary>
    public IReadOnlyList<string> FindEnglish(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var findings = new List<string>();
        foreach (var text in texts.Select(Normalize).Distinct(StringComparer.Ordinal))
        {
            var rest = Strip(text);
            if (!LowerCaseWord().IsMatch(rest))
            {
                continue;
            }

            var known = EnglishUi.Value.FirstOrDefault(e => ContainsWord(rest, e.Text));
            if (known.Text is not null)
            {
                findings.Add($"\"{known.Text}\" ← in: {text} [{known.Source}]");
            }
            else if (WordRun().Matches(rest).FirstOrDefault(run => LowerCaseWord().IsMatch(run.Value)) is { } phrase)
            {
                findings.Add($"\"{phrase.Value}\" ← in: {text} [hard-coded phrase]");
            }
            else if (LoneWord().IsMatch(rest.Trim(' ', ':', '.', ',', '!', '?', '(', ')', '·')))
            {
                findings.Add($"\"{rest.Trim()}\" ← in: {text} [lone English word]");
            }
            else if (LowerCaseOnlyWord().Match(rest) is { Success: true } word)
            {
                findings.Add($"\"{word.Value}\" ← in: {text} [English word]");
            }
        }

        return findings;
    }

    /// <summary>Removes what is not English UI: data, allowed text, e-mail and web addresses, file names.</summary>
    private string Strip(string text)
    {
        var rest = text;
        foreach (var data in allowed)
        {
            rest = RemoveWords(rest, data);
        }

        rest = EmailAddress().Replace(rest, " ");
        rest = WebAddress().Replace(rest, " ");
        return FileName().Replace(rest, " ");
    }

    /// <summary>Removes <paramref name="words"/> where they stand as words, not inside longer ones ("en" of "Center").</summary>
    private static string RemoveWords(string text, string words)
    {
        var at = text.IndexOf(words, StringComparison.Ordinal);
        while (at >= 0)
        {
            if (IsWordAt(text, at, words.Length))
            {
                text = string.Concat(text.AsSpan(0, at), " ", text.AsSpan(at + words.Length));
                at = text.IndexOf(words, at + 1, StringComparison.Ordinal);
            }
            else
            {
                at = text.IndexOf(words, at + 1, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static bool IsWordAt(string text, int at, int length) =>
        (at == 0 || !char.IsAsciiLetter(text[at - 1])) && (at + length >= text.Length || !char.IsAsciiLetter(text[at + length]));

    private static bool ContainsWord(string text, string english)
    {
        var at = text.IndexOf(english, StringComparison.Ordinal);
        while (at >= 0)
        {
            if (IsWordAt(text, at, english.Length))
            {
                return true;
            }

            at = text.IndexOf(english, at + 1, StringComparison.Ordinal);
        }

        return false;
    }

    /// <summary><c>Name</c> next to <c>NameKorean</c>, or anything ending in <c>English</c>: shown only in the English UI.</summary>
    private static bool IsEnglishTwin(string property, IEnumerable<string> siblings) =>
        property.EndsWith("English", StringComparison.Ordinal) || siblings.Contains(property + "Korean", StringComparer.Ordinal);

    private static async Task ReadInto(DbCommand command, HashSet<string> data)
    {
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var value = reader.GetString(0);
            foreach (var text in JsonLeaves(value))
            {
                if (AnyLatin().IsMatch(text))
                {
                    data.Add(text);
                    foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        data.Add(line);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A JSON column (answers, a call's rules) is data in each of its strings, except the English twins of Korean
    /// texts (labelEnglish beside labelKorean), as for columns; any other value is one text.
    /// </summary>
    private static List<string> JsonLeaves(string value)
    {
        if (value.Length == 0 || value[0] is not ('{' or '['))
        {
            return [value];
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(value);
            var leaves = new List<string>();
            Walk(document.RootElement, leaves);
            return leaves;
        }
        catch (System.Text.Json.JsonException)
        {
            return [value];
        }

        static void Walk(System.Text.Json.JsonElement element, List<string> leaves)
        {
            switch (element.ValueKind)
            {
                case System.Text.Json.JsonValueKind.String:
                    // A table or multiple-choice answer is itself JSON inside the string.
                    leaves.AddRange(JsonLeaves(element.GetString()!));

                    break;
                case System.Text.Json.JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, leaves);
                    }

                    break;
                case System.Text.Json.JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject().Where(p => !p.Name.EndsWith("English", StringComparison.OrdinalIgnoreCase)))
                    {
                        Walk(property.Value, leaves);
                    }

                    break;
            }
        }
    }

    private static List<(string Text, string Source)> LoadEnglishUi()
    {
        var english = Entries(Ours, CultureInfo.InvariantCulture);
        var korean = Entries(Ours, CultureInfo.GetCultureInfo("ko"));
        var ours = english
            .Where(e => !korean.TryGetValue(e.Key, out var k) || k != e.Value)
            .Where(e => !e.Key.StartsWith("MudBlazor_", StringComparison.Ordinal))
            .Select(e => (e.Value, "Strings.resx " + e.Key));
        var mudBlazor = Entries(MudBlazorTexts, CultureInfo.InvariantCulture).Select(e => (e.Value, "MudBlazor " + e.Key));
        return ours.Concat(mudBlazor)
            .SelectMany(e => Placeholder().Split(e.Item1).Select(part => (Text: Normalize(part).Trim(' ', ':', '.', ',', '(', ')', '“', '”', '"'), Source: e.Item2)))
            .Where(e => LetterRun().IsMatch(e.Text))
            .DistinctBy(e => e.Text, StringComparer.Ordinal)
            .OrderByDescending(e => e.Text.Length)
            .ToList();
    }

    private static Dictionary<string, string> Entries(ResourceManager resources, CultureInfo culture) =>
        (resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) ?? throw new InvalidOperationException($"No {culture.Name} resources in {resources.BaseName}."))
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Visible text nodes and the labels of visible elements, skipping content marked as English on purpose.</summary>
    private const string CollectVisibleText = """
        () => {
          const out = [];
          const shown = el => {
            for (let e = el; e; e = e.parentElement) {
              const s = getComputedStyle(e);
              if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false;
            }
            return el.getClientRects().length > 0;
          };
          // Inside the body only: a page whose own lang is wrong must still be read.
          const skipped = el => {
            for (let e = el; e && e !== document.body; e = e.parentElement) {
              if (e.matches('script, style, noscript, template, code, kbd, samp, [lang^="en"]')) return true;
            }
            return false;
          };
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.nodeValue.trim();
            const el = node.parentElement;
            if (text && el && !skipped(el) && shown(el)) out.push(text);
          }
          for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt], [aria-placeholder], input[type=submit], input[type=button]')) {
            if (skipped(el) || !shown(el)) continue;
            for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'aria-placeholder']) {
              const value = el.getAttribute(name);
              if (value && value.trim()) out.push(value.trim());
            }
            if (el.matches('input[type=submit], input[type=button]') && el.value) out.push(el.value);
          }
          return out;
        }
        """;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex AnyLatin();

    /// <summary>An English word with lower-case letters; all-capital codes and acronyms never count.</summary>
    [GeneratedRegex("[A-Za-z]*[a-z]{2}[A-Za-z]*")]
    private static partial Regex LowerCaseWord();

    /// <summary>A piece of an English text worth looking for: a word of three letters or more, two of them lower-case.</summary>
    [GeneratedRegex("(?=[A-Za-z]{3})[A-Za-z]*[a-z][A-Za-z]*[a-z][A-Za-z]*")]
    private static partial Regex LetterRun();

    [GeneratedRegex(@"\{\d+[^}]*\}|\r?\n")]
    private static partial Regex Placeholder();

    /// <summary>Two or more English words in a row; a run counts when one of its words has lower-case letters.</summary>
    [GeneratedRegex(@"\b[A-Za-z][A-Za-z'’-]*(?:,? [A-Za-z][A-Za-z'’-]*)+\b")]
    private static partial Regex WordRun();

    [GeneratedRegex("^[A-Za-z]?[a-z]{2,}$")]
    private static partial Regex LoneWord();

    /// <summary>A lower-case English word anywhere ("of", "overdue"): Korean text has none once data is removed.</summary>
    [GeneratedRegex("(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])")]
    private static partial Regex LowerCaseOnlyWord();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+")]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"\b[\w-]+\.(?:pdf|docx|xlsx|csv|hwp|hwpx|jpg|jpeg|png|eml|json|md)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();
}
