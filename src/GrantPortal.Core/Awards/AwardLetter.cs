using GrantPortal.Core.Documents;

namespace GrantPortal.Core.Awards;

/// <summary>
/// The award letter the ministry sends: organization, project, amount in figures and Korean units, tranches,
/// conditions and reporting obligations. One content, written as DOCX or PDF (<see cref="DocumentFile.Write"/>).
/// </summary>
internal static class AwardLetter
{
    /// <summary>The letter's content; the caller sets the UI culture to <paramref name="language"/> for the resource texts.</summary>
    public static DocumentContent Content(AwardDetails award, string language, IStringLocalizer<Strings> l)
    {
        var blocks = new List<DocumentBlock>
        {
            Text(l["Awards_LetterDate", Seoul.ToLocal(award.AwardedAt).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]),
            Text(l["Awards_LetterTo", award.OrganizationName.In(language)]),
            Text(l["Awards_LetterIntro", award.CallTitle(language), award.Year]),
            new DocumentHeading(l["Awards_LetterProject"]),
            Text(l["Awards_LetterProjectTitle", award.ProjectTitle]),
        };
        if (award.ReceiptNumber is { } receipt)
        {
            blocks.Add(Text(l["Awards_LetterReceipt", receipt]));
        }

        if (award.StartDate is { } start && award.EndDate is { } end)
        {
            blocks.Add(Text(l["Awards_LetterPeriod", Date(start), Date(end)]));
        }

        blocks.Add(new DocumentHeading(l["Awards_LetterAmount"]));
        blocks.Add(new DocumentParagraph(award.Amount.ForReader(), Bold: true));
        if (award.ReductionReason is { Length: > 0 } reduction)
        {
            blocks.Add(Text(l["Awards_LetterReduced", award.Requested.ForReader(), reduction]));
        }

        blocks.Add(new DocumentHeading(l["Awards_LetterTranches"]));
        blocks.Add(new DocumentTable(
            [l["Awards_Tranche"], l["Awards_PlannedOn"], l["Awards_Amount"], l["Awards_Gate"]],
            award.Tranches.Select(t => (IReadOnlyList<string>)
            [
                t.Sequence.ToString(CultureInfo.InvariantCulture),
                Date(t.PlannedOn),
                t.Amount.ForReader(),
                t.GatingReportKind is { } kind ? l["Awards_GateAfter", l["Awards_Report" + kind]] : l["Awards_GateNone"],
            ]).ToList(),
            Widths: [1, 2, 3, 4],
            RightAligned: new HashSet<int> { 2 }));

        blocks.Add(new DocumentHeading(l["Awards_LetterConditions"]));
        blocks.Add(Text(string.IsNullOrWhiteSpace(award.Conditions) ? l["Awards_LetterNoConditions"].Value : award.Conditions));

        blocks.Add(new DocumentHeading(l["Awards_LetterReporting"]));
        blocks.AddRange(award.Reports.Select(r => Text(l["Awards_LetterReportDue", l["Awards_Report" + r.Kind], Date(r.DueOn)])));

        // The letter promises what the report form will enforce: receipts with the reports the call names.
        blocks.Add(Text(l["Awards_LetterReportingNote" + award.ReceiptsRequired]));
        blocks.Add(Text(l["Awards_LetterClosing"]));
        return new DocumentContent(l["Awards_LetterTitle"], blocks);
    }

    private static DocumentParagraph Text(string text) => new(text);

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
