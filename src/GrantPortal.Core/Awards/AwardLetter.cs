using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GrantPortal.Core.Awards;

/// <summary>
/// The award letter the ministry sends: organization, project, amount in figures and Korean units, tranches,
/// conditions and reporting obligations, as a DOCX any word processor opens.
/// </summary>
internal static class AwardLetter
{
    // Noto CJK is what the servers and CI have; Malgun Gothic is what Korean Windows desktops have.
    private const string KoreanFont = "Noto Sans CJK KR";

    /// <summary>Writes the letter; the caller sets the UI culture to <paramref name="language"/> for the resource texts.</summary>
    public static byte[] Write(AwardDetails award, string language, IStringLocalizer<Strings> l)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Heading(l["Awards_LetterTitle"], 32));
            body.Append(Text(l["Awards_LetterDate", Seoul.ToLocal(award.AwardedAt).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]));
            body.Append(Text(l["Awards_LetterTo", award.OrganizationName.In(language)]));
            body.Append(Text(l["Awards_LetterIntro", award.CallTitle(language), award.Year]));

            body.Append(Heading(l["Awards_LetterProject"], 24));
            body.Append(Text(l["Awards_LetterProjectTitle", award.ProjectTitle]));
            if (award.ReceiptNumber is { } receipt)
            {
                body.Append(Text(l["Awards_LetterReceipt", receipt]));
            }

            if (award.StartDate is { } start && award.EndDate is { } end)
            {
                body.Append(Text(l["Awards_LetterPeriod", Date(start), Date(end)]));
            }

            body.Append(Heading(l["Awards_LetterAmount"], 24));
            body.Append(Text(award.Amount.ForReader(), bold: true));
            if (award.ReductionReason is { Length: > 0 } reduction)
            {
                body.Append(Text(l["Awards_LetterReduced", award.Requested.ForReader(), reduction]));
            }

            body.Append(Heading(l["Awards_LetterTranches"], 24));
            var table = new Table(new TableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 })));
            table.Append(Row(bold: true, l["Awards_Tranche"], l["Awards_PlannedOn"], l["Awards_Amount"], l["Awards_Gate"]));
            foreach (var tranche in award.Tranches)
            {
                table.Append(Row(
                    bold: false,
                    tranche.Sequence.ToString(CultureInfo.InvariantCulture),
                    Date(tranche.PlannedOn),
                    tranche.Amount.ForReader(),
                    tranche.GatingReportKind is { } kind ? l["Awards_GateAfter", l["Awards_Report" + kind]] : l["Awards_GateNone"]));
            }

            body.Append(table);

            body.Append(Heading(l["Awards_LetterConditions"], 24));
            foreach (var line in (string.IsNullOrWhiteSpace(award.Conditions) ? l["Awards_LetterNoConditions"].Value : award.Conditions).Split('\n'))
            {
                body.Append(Text(line.TrimEnd('\r')));
            }

            body.Append(Heading(l["Awards_LetterReporting"], 24));
            foreach (var report in award.Reports)
            {
                body.Append(Text(l["Awards_LetterReportDue", l["Awards_Report" + report.Kind], Date(report.DueOn)]));
            }

            // The letter promises what the report form will enforce: receipts with the reports the call names.
            body.Append(Text(l["Awards_LetterReportingNote" + award.ReceiptsRequired]));
            body.Append(Text(l["Awards_LetterClosing"]));
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440 }));
            main.Document.Save();
        }

        return stream.ToArray();
    }


    private static string Date(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Paragraph Heading(string text, int halfPoints) =>
        new(new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" }), new Run(Properties(bold: true, halfPoints), new Text(text)));

    private static Paragraph Text(string text, bool bold = false) =>
        new(new Run(Properties(bold, 22), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static TableRow Row(bool bold, params string[] cells) =>
        new(cells.Select(c => new TableCell(new Paragraph(new Run(Properties(bold, 20), new Text(c))))));

    private static RunProperties Properties(bool bold, int halfPoints)
    {
        var properties = new RunProperties(new RunFonts { EastAsia = KoreanFont, Ascii = "Calibri", HighAnsi = "Calibri" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return properties;
    }
}
