using System.Text.Encodings.Web;
using GrantPortal.Core.Recommendations;
using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace GrantPortal.Core.OpenData;

/// <summary>
/// The public feeds: a year's grants as a 360Giving package (JSON and the standard's flattened CSV) and the
/// money per recommendation. Built from <see cref="RecommendationFigures"/>, which reads no personal data:
/// organizations appear by name and registration number, never a contact person, e-mail or telephone. Only awards of
/// finalized calls are published (<see cref="AwardScope.Published"/>): the organizations hear of a decision before the public.
/// </summary>
public sealed class OpenDataService(RecommendationFigures figures, IOptions<AccountabilityOptions> options)
{
    public const string SchemaVersion = "1.4";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,

        // Korean names stay readable in the file; the content type says UTF-8.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] CsvColumns =
    [
        "Identifier", "Title", "Description", "Currency", "Amount Awarded", "Amount Disbursed", "Award Date",
        "Recipient Org:Identifier", "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name",
        "Planned Dates:Start Date", "Planned Dates:End Date", "Grant Programme:Code", "Grant Programme:Title",
        "Classifications:Vocabulary", "Classifications:Code", "Classifications:Title",
    ];

    /// <summary>Writes the year's 360Giving package; false (nothing written) when the year has no grants, which the schema cannot express.</summary>
    public async Task<bool> WriteGrantsJsonAsync(int year, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (await GrantsAsync(year, ct) is not ({ } projects, { } titles))
        {
            return false;
        }

        var settings = options.Value;
        await using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteString("version", SchemaVersion);
        json.WriteStartArray("grants");
        foreach (var project in projects)
        {
            json.WriteStartObject();
            json.WriteString("id", GrantId(project));
            json.WriteString("title", project.ProjectTitle);
            json.WriteString("description", Description(project));
            json.WriteString("currency", "KRW");
            json.WriteNumber("amountAwarded", project.Awarded.Won);
            json.WriteNumber("amountDisbursed", project.Disbursed.Won);
            json.WriteString("awardDate", AwardDate(project));
            json.WriteStartArray("recipientOrganization");
            json.WriteStartObject();
            json.WriteString("id", RecipientId(project));
            json.WriteString("name", project.OrganizationDisplayName(Languages.English));
            json.WriteString("alternateName", project.OrganizationNameKorean);
            json.WriteString("addressCountry", "KR");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("fundingOrganization");
            json.WriteStartObject();
            json.WriteString("id", settings.FunderIdentifier);
            json.WriteString("name", settings.English.FunderName);
            json.WriteEndObject();
            json.WriteEndArray();
            if (project.StartDate is { } start && project.EndDate is { } end)
            {
                json.WriteStartArray("plannedDates");
                json.WriteStartObject();
                json.WriteString("startDate", LocalDatePattern.Iso.Format(start));
                json.WriteString("endDate", LocalDatePattern.Iso.Format(end));
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteStartArray("grantProgramme");
            json.WriteStartObject();
            json.WriteString("code", ProgrammeCode(project));
            json.WriteString("title", project.CallTitleEnglish);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("classifications");
            foreach (var code in project.Codes)
            {
                json.WriteStartObject();
                json.WriteString("vocabulary", settings.ClassificationVocabulary);
                json.WriteString("code", code);
                json.WriteString("title", titles.GetValueOrDefault(code, code));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        return true;
    }

    /// <summary>The same grants in 360Giving's flattened CSV: one row per grant, several codes joined by ";".</summary>
    public async Task<bool> WriteGrantsCsvAsync(int year, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (await GrantsAsync(year, ct) is not ({ } projects, { } titles))
        {
            return false;
        }

        var settings = options.Value;
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', CsvColumns.Select(Csv.Cell)));
        foreach (var project in projects)
        {
            string[] cells =
            [
                GrantId(project),
                project.ProjectTitle,
                Description(project),
                "KRW",
                project.Awarded.Won.ToString(CultureInfo.InvariantCulture),
                project.Disbursed.Won.ToString(CultureInfo.InvariantCulture),
                AwardDate(project),
                RecipientId(project),
                project.OrganizationDisplayName(Languages.English),
                settings.FunderIdentifier,
                settings.English.FunderName,
                project.StartDate is { } start ? LocalDatePattern.Iso.Format(start) : "",
                project.EndDate is { } end ? LocalDatePattern.Iso.Format(end) : "",
                ProgrammeCode(project),
                project.CallTitleEnglish,
                project.Codes.Count == 0 ? "" : settings.ClassificationVocabulary,
                string.Join(';', project.Codes),
                string.Join(';', project.Codes.Select(c => titles.GetValueOrDefault(c, c))),
            ];
            await writer.WriteLineAsync(string.Join(',', cells.Select(Csv.Cell)));
        }

        await writer.FlushAsync(ct);
        return true;
    }

    /// <summary>Per catalogue code: money awarded and paid, organizations and projects in the year, of finalized calls.</summary>
    public async Task WriteRecommendationsJsonAsync(int year, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        var totals = await figures.TotalsAsync(year, year, AwardScope.Published, ct);
        var settings = options.Value;
        await using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteNumber("year", year);
        json.WriteString("currency", "KRW");
        json.WriteString("funder", settings.English.FunderName);
        json.WriteStartArray("recommendations");
        foreach (var total in totals)
        {
            json.WriteStartObject();
            json.WriteString("code", total.Code);
            json.WriteString("title", total.ShortTitleEnglish);
            json.WriteString("titleKorean", total.ShortTitleKorean);
            json.WriteNumber("amountAwarded", total.Awarded.Won);
            json.WriteNumber("amountDisbursed", total.Disbursed.Won);
            json.WriteNumber("organizations", total.Organizations);
            json.WriteNumber("projects", total.Projects);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    /// <summary>The year's grants with the catalogue's titles for their codes; null when the year has none.</summary>
    private async Task<(IReadOnlyList<FundedProject> Projects, IReadOnlyDictionary<string, string> Titles)?> GrantsAsync(int year, CancellationToken ct)
    {
        var projects = await figures.ProjectsAsync(year, year, AwardScope.Published, ct);
        return projects.Count == 0 ? null : (projects, await figures.TitlesAsync(ct));
    }

    private string GrantId(FundedProject project) =>
        options.Value.GrantIdentifierPrefix + (project.ReceiptNumber ?? string.Create(CultureInfo.InvariantCulture, $"{project.Year}-AWARD-{project.AwardId}"));

    private string RecipientId(FundedProject project) =>
        options.Value.RecipientIdentifierPrefix + new string(project.RegistrationNumber.Where(char.IsAsciiDigit).ToArray());

    private static string Description(FundedProject project) =>
        string.IsNullOrWhiteSpace(project.Summary) ? project.ProjectTitle : project.Summary;

    private static string AwardDate(FundedProject project) => LocalDatePattern.Iso.Format(Seoul.ToLocal(project.AwardedAt).Date);

    private static string ProgrammeCode(FundedProject project) => string.Create(CultureInfo.InvariantCulture, $"{project.Year}-{project.CallCode}");
}
