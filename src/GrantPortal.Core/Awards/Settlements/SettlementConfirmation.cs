using GrantPortal.Core.Documents;

namespace GrantPortal.Core.Awards;

/// <summary>
/// The settlement confirmation (정산 확인서): the award, the sheet by category with grant and own contribution, the
/// interest and what is returned. One content, written as DOCX or PDF (<see cref="DocumentFile.Write"/>).
/// </summary>
internal static class SettlementConfirmation
{
    /// <summary>The confirmation's content; the caller sets the UI culture to <paramref name="language"/> for the resource texts.</summary>
    public static DocumentContent Content(AwardDetails award, SettlementView settlement, string language, IStringLocalizer<Strings> l)
    {
        var sheet = settlement.Sheet;
        var confirmed = settlement.Confirmed!;
        var rows = sheet.Rows.Select(r => (IReadOnlyList<string>)
        [
            l["BudgetCategory_" + r.Category], r.GrantBudget.ForReader(), r.OwnBudget.ForReader(), r.GrantSpent.ForReader(), r.OwnSpent.ForReader(), r.Ineligible.ForReader(),
        ]).ToList();
        rows.Add([l["Settlement_Total"], sheet.GrantBudget.ForReader(), sheet.OwnBudget.ForReader(), sheet.GrantSpent.ForReader(), sheet.OwnSpent.ForReader(), sheet.Ineligible.ForReader()]);
        return new DocumentContent(l["Settlement_DocumentTitle"],
        [
            new DocumentParagraph(l["Agreement_NoticeDate", AwardRules.Day(Seoul.ToLocal(confirmed.ConfirmedAt).Date)]),
            new DocumentParagraph(l["Agreement_NoticeTo", award.OrganizationName.In(language)]),
            new DocumentParagraph(l["Settlement_DocumentIntro", award.CallTitle(language), award.Year, award.ProjectTitle]),
            new DocumentFields(
            [
                new DocumentField(l["Agreement_NoticeProject"], award.ProjectTitle),
                new DocumentField(l["Agreement_NoticeReceipt"], award.ReceiptNumber ?? AwardRules.Id(award.Id)),
                new DocumentField(l["Agreement_NoticeAmount"], award.Amount.ForReader()),
                new DocumentField(l["Settlement_GrantReceived"], sheet.GrantReceived.ForReader()),
                new DocumentField(l["Settlement_EligibleGrant"], sheet.EligibleGrantSpent.ForReader()),
                new DocumentField(l["Settlement_Interest"], sheet.Interest.ForReader()),
                new DocumentField(l["Settlement_AmountToReturn"], confirmed.AmountToReturn.ForReader()),
                new DocumentField(l["Settlement_ClosedOn"], confirmed.ClosedOn is { } closed ? AwardRules.Day(closed) : "–"),
            ]),
            new DocumentHeading(l["Settlement_SheetTitle"]),
            new DocumentTable(
                [l["Settlement_Category"], l["Settlement_GrantBudget"], l["Settlement_OwnBudget"], l["Settlement_GrantSpent"], l["Settlement_OwnSpent"], l["Settlement_Ineligible"]],
                rows,
                Widths: [3, 2, 2, 2, 2, 2],
                RightAligned: new HashSet<int> { 1, 2, 3, 4, 5 }),
            new DocumentParagraph(confirmed.AmountToReturn.IsZero ? l["Settlement_DocumentNothingToReturn"] : l["Settlement_DocumentReturn", confirmed.AmountToReturn.ForReader()]),
        ]);
    }
}
