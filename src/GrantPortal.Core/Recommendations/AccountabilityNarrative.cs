using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Recommendations;

/// <summary>A generated answer in both languages, which the officer edits before exporting.</summary>
public sealed record AccountabilityDraft(string Code, int FromYear, int ToYear, RecommendationTotals Totals, string English, string Korean)
{
    public string Text(string language) => language == "en" ? English : Korean;
}

/// <summary>
/// Writes the paragraph a government sends to the UN about a recommendation ("Based on recommendation 1224,
/// the ROK government provided financial support of 2 billion Korean Won (KRW) to 18 organizations in 2023 …")
/// from the figures, in the words configured for the funder.
/// </summary>
public sealed class AccountabilityService(RecommendationFigures figures, IOptions<AccountabilityOptions> options)
{
    /// <summary>The draft for a code and years; null for anyone but program officers and administrators, or an unknown code.</summary>
    public async Task<AccountabilityDraft?> GenerateAsync(CurrentUser user, string code, int fromYear, int toYear, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!CanWrite(user) || fromYear > toYear)
        {
            return null;
        }

        // The answer to the UN is public: it counts what the feeds and the public page count, never a decision the
        // organizations have not been told of yet.
        var totals = await figures.ForCodeAsync(code, fromYear, toYear, AwardScope.Published, ct);
        if (totals is null)
        {
            return null;
        }

        return new AccountabilityDraft(
            totals.Code,
            fromYear,
            toYear,
            totals,
            AccountabilityNarrative.Write(totals, fromYear, toYear, options.Value.English, "en"),
            AccountabilityNarrative.Write(totals, fromYear, toYear, options.Value.Korean, "ko"));
    }

    public string Heading(string language, string code, int fromYear, int toYear) =>
        AccountabilityNarrative.Fill(options.Value.For(language).Heading, new Dictionary<string, string>
        {
            ["code"] = code,
            ["years"] = AccountabilityNarrative.Years(fromYear, toYear, language),
        });

    public static bool CanWrite(CurrentUser user) =>
        user is not null && (user.IsIn(Roles.ProgramOfficer) || user.IsIn(Roles.Administrator));
}

/// <summary>The wording rules, kept apart from data access so they can be tested on their own.</summary>
public static class AccountabilityNarrative
{
    private const int Examples = 3;

    public static string Write(RecommendationTotals totals, int fromYear, int toYear, AccountabilityWording wording, string language)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(wording);
        var values = new Dictionary<string, string>
        {
            ["code"] = totals.Code,
            ["title"] = totals.ShortTitle(language),
            ["government"] = wording.Government,
            ["funder"] = wording.Funder,
            ["years"] = Years(fromYear, toYear, language),
            ["amount"] = Amount(totals.Awarded, language),
            ["organizations"] = Count(totals.Organizations),
            ["projects"] = Count(totals.Projects),
            ["disbursed"] = Amount(totals.Disbursed, language),
            ["participants"] = Count(Standard(totals, StandardIndicators.Participants)),
            ["beneficiaries"] = Count(Standard(totals, StandardIndicators.Beneficiaries)),
            ["events"] = Count(Standard(totals, StandardIndicators.EventsHeld)),
            ["publications"] = Count(Standard(totals, StandardIndicators.Publications)),
            ["reach"] = Count(Standard(totals, StandardIndicators.MediaReach)),
            ["indicators"] = List(totals.Indicators, language, wording),
        };
        if (totals.Projects == 0)
        {
            return Fill(wording.NoFunding, values);
        }

        var kinds = totals.ProjectList
            .GroupBy(p => p.Category)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => wording.Categories.TryGetValue(g.Key.ToString(), out var name) ? name : g.Key.ToString())
            .ToList();
        var examples = totals.ProjectList
            .OrderByDescending(p => p.Awarded)
            .ThenBy(p => p.AwardId)
            .Take(Examples)
            .Select(p => language == "en" ? $"\u201C{p.ProjectTitle}\u201D" : $"\u300C{p.ProjectTitle}\u300D")
            .ToList();
        values["kinds"] = JoinList(kinds, wording);
        values["examples"] = JoinList(examples, wording);

        var text = new StringBuilder();
        text.Append(Fill(wording.Opening, values));
        text.Append(' ').Append(Fill(wording.Projects, values));
        text.Append("\n\n").Append(Fill(wording.Disbursed, values));
        if (!totals.Indicators.IsZero)
        {
            text.Append(' ').Append(Fill(wording.Indicators, values));
        }

        return text.ToString();
    }

    /// <summary>Money as the response writes it: "2 billion Korean Won (KRW)", "1.8 billion", and in Korean "20억 원".</summary>
    public static string Amount(Krw amount, string language)
    {
        if (language != "en")
        {
            return amount.ToKoreanUnits();
        }

        var won = amount.Won;
        (long Size, string Word)[] scales = [(1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million")];
        foreach (var (size, word) in scales)
        {
            if (Math.Abs(won) >= size)
            {
                var figure = ((decimal)won / size).ToString("0.###", CultureInfo.InvariantCulture);
                return $"{figure} {word} Korean Won (KRW)";
            }
        }

        return won.ToString("#,0", CultureInfo.InvariantCulture) + " Korean Won (KRW)";
    }

    public static string Years(int fromYear, int toYear, string language) =>
        fromYear == toYear
            ? fromYear.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{fromYear}{(language == "en" ? "\u2013" : "~")}{toYear}");

    /// <summary>Replaces each {name} with its value; an unknown name stays visible so a typo in the settings shows.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder(template.Length + 64);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                text.Append(template, position, template.Length - position);
                break;
            }

            text.Append(template, position, open - position);
            var name = template[(open + 1)..close];
            text.Append(values.TryGetValue(name, out var value) ? value : template[open..(close + 1)]);
            position = close + 1;
        }

        return text.ToString();
    }

    /// <summary>
    /// The wording's placeholders name the standard indicators: every call's indicator of the same name and unit
    /// counts, as in every other roll-up.
    /// </summary>
    private static long Standard(RecommendationTotals totals, IndicatorForm indicator) => totals.Indicators.Total(indicator.NameKorean, indicator.UnitKorean);

    /// <summary>Every indicator with a figure, for wordings that list them all: "Participants 1,200 people, Events 30 events".</summary>
    private static string List(ProjectIndicators indicators, string language, AccountabilityWording wording) =>
        JoinList(indicators.Figures.Where(f => f.Value != 0).Select(f => $"{f.Name(language)} {Count(f.Value)}{(language == Languages.English ? " " : "")}{f.Unit(language)}").ToList(), wording);

    private static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string JoinList(List<string> items, AccountabilityWording wording) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + wording.ListJoin + items[^1],
    };
}
