using GrantPortal.Core.Documents;

namespace GrantPortal.Core.Awards;

/// <summary>
/// The grant decision notice (교부결정 통지서): organization, project, amount, tranche schedule, the approved account and
/// the conditions accepted with the pledge. One content, written as DOCX or PDF (<see cref="DocumentFile.Write"/>).
/// </summary>
internal static class GrantDecisionNotice
{
    /// <summary>The notice's content; the caller sets the UI culture to <paramref name="language"/> for the resource texts.</summary>
    public static DocumentContent Content(AwardDetails award, GrantAgreement agreement, BankAccount? account, string callConditions, string language, IStringLocalizer<Strings> l)
    {
        var blocks = new List<DocumentBlock>
        {
            new DocumentParagraph(l["Agreement_NoticeDate", Date(Seoul.ToLocal(agreement.DecidedAt!.Value).Date)]),
            new DocumentParagraph(l["Agreement_NoticeTo", award.OrganizationName.In(language)]),
            new DocumentParagraph(l["Agreement_NoticeIntro", award.CallTitle(language), award.Year, award.ProjectTitle]),
            new DocumentFields(
            [
                new DocumentField(l["Agreement_NoticeProject"], award.ProjectTitle),
                new DocumentField(l["Agreement_NoticeReceipt"], award.ReceiptNumber ?? AwardRules.Id(award.Id)),
                new DocumentField(l["Agreement_NoticeAmount"], award.Amount.ForReader()),
                new DocumentField(l["Agreement_NoticePeriod"], award.StartDate is { } start && award.EndDate is { } end ? $"{Date(start)} – {Date(end)}" : "–"),
                new DocumentField(l["Agreement_NoticeAccount"], account is null ? "–" : account.Describe(language)),
                new DocumentField(l["Agreement_NoticePledge"], $"{agreement.PledgeSignerName} ({agreement.PledgeSignerPosition}) · {Date(Seoul.ToLocal(agreement.PledgeSignedAt!.Value).Date)}"),
            ]),
            new DocumentHeading(l["Awards_LetterTranches"]),
            new DocumentTable(
                [l["Awards_Tranche"], l["Awards_PlannedOn"], l["Awards_Amount"], l["Awards_Gate"]],
                award.Tranches.Select(t => (IReadOnlyList<string>)
                [
                    t.Sequence.ToString(CultureInfo.InvariantCulture),
                    Date(t.PlannedOn),
                    t.Amount.ForReader(),
                    t.GatingReportKind is { } kind ? l["Awards_GateAfter", l["Awards_Report" + kind]] : l["Awards_GateNone"],
                ]).ToList(),
                Widths: [1, 2, 3, 4],
                RightAligned: new HashSet<int> { 2 }),
            new DocumentHeading(l["Agreement_NoticeConditions"]),
            new DocumentParagraph(string.IsNullOrWhiteSpace(callConditions) ? l["Awards_LetterNoConditions"].Value : callConditions),
        };
        if (!string.IsNullOrWhiteSpace(award.Conditions))
        {
            blocks.Add(new DocumentHeading(l["Agreement_NoticeAwardConditions"]));
            blocks.Add(new DocumentParagraph(award.Conditions));
        }

        blocks.Add(new DocumentParagraph(l["Agreement_NoticeClosing"]));
        return new DocumentContent(l["Agreement_NoticeTitle"], blocks);
    }

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
