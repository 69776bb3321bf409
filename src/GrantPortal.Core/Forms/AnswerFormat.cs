namespace GrantPortal.Core.Forms;

/// <summary>
/// How an answer is written down: every answer is one string under its question's key. Text as typed; whole
/// numbers and amounts as invariant integers ("54000000"); dates as ISO ("2026-03-01"); a single choice as the
/// choice's key; yes/no as <see cref="Yes"/> or <see cref="No"/>; a multiple choice as a JSON array of keys; a table
/// as a JSON array of rows, each an object from column key to text. File questions have no answer string: their
/// files are attachments carrying the question's key.
/// </summary>
public static class AnswerFormat
{
    public const string Yes = "yes";

    public const string No = "no";

    private static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web);

    /// <summary>The choice keys an answer selects: one for a single choice or yes/no, several for a multiple choice.</summary>
    public static IReadOnlyList<string> SelectedKeys(Question question, string? answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrEmpty(answer))
        {
            return [];
        }

        return question.Type switch
        {
            QuestionType.MultipleChoice => ReadKeys(answer),
            QuestionType.SingleChoice or QuestionType.YesNo => [answer],
            _ => [],
        };
    }

    public static string WriteKeys(IEnumerable<string> keys) => JsonSerializer.Serialize(keys.Distinct(StringComparer.Ordinal).ToArray(), Compact);

    public static IReadOnlyList<string> ReadKeys(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(answer, Compact) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string WriteRows(IEnumerable<IReadOnlyDictionary<string, string>> rows) => JsonSerializer.Serialize(rows, Compact);

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadRows(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<Dictionary<string, string>>>(answer, Compact)?.Select(r => (IReadOnlyDictionary<string, string>)r).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string WriteNumber(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static long? ReadNumber(string? answer) =>
        long.TryParse(answer, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string WriteDate(LocalDate value) => value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    public static LocalDate? ReadDate(string? answer) =>
        answer is not null && NodaTime.Text.LocalDatePattern.Iso.Parse(answer) is { Success: true } parsed ? parsed.Value : null;

    /// <summary>
    /// The answer as a reader sees it in <paramref name="language"/>: choice labels instead of keys, amounts with
    /// their thousands, a table as one line per row. For lists, exports and the reviewer's screen.
    /// </summary>
    public static string Display(Question question, string? answer, string language, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(localizer);
        if (string.IsNullOrEmpty(answer))
        {
            return "";
        }

        string ChoiceLabel(string key) => question.Choices.FirstOrDefault(c => c.Key == key)?.Label(language) ?? key;
        return question.Type switch
        {
            QuestionType.YesNo => answer == Yes ? localizer["Common_Yes"] : localizer["Common_No"],
            QuestionType.SingleChoice => ChoiceLabel(answer),
            QuestionType.MultipleChoice => string.Join("; ", ReadKeys(answer).Select(ChoiceLabel)),
            QuestionType.Amount => ReadNumber(answer) is { } won ? new Krw(won).ForReader() : answer,
            QuestionType.WholeNumber => ReadNumber(answer) is { } n
                ? string.Join(' ', new[] { n.ToString("N0", CultureInfo.GetCultureInfo(language)), question.Unit(language) }.Where(s => s.Length > 0))
                : answer,
            QuestionType.Table => string.Join(
                Environment.NewLine,
                ReadRows(answer).Select(row => string.Join(" · ", question.Columns.Select(c => row.TryGetValue(c.Key, out var cell) ? cell : "")))),
            _ => answer,
        };
    }
}
