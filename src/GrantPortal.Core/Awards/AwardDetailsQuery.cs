using GrantPortal.Core.Documents;

namespace GrantPortal.Core.Awards;

/// <summary>An award's page and its letter, for the readers Core lets see that award.</summary>
public sealed class AwardDetailsQuery(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Strings> localizer)
{
    /// <summary>
    /// An award with its schedule, payments and report requirements. Officers and finance see every award; an
    /// applicant only their own organization's; anyone else gets null, as for an award that does not exist.
    /// </summary>
    public async Task<AwardDetails?> GetAsync(CurrentUser user, int awardId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AwardRecord.LoadAsync(db, user, awardId, ct) is { } record ? Details(record) : null;
    }

    /// <summary>The award's details from the award read once for its page.</summary>
    internal static AwardDetails Details(AwardRecord record)
    {
        var award = record.Award;
        var names = record.Names;
        var rejections = record.Rejections;
        var accounts = record.Accounts.ToDictionary(a => a.Id, a => a.Describe(Languages.Current));
        var reports = award.Reports.ToDictionary(r => r.Id);
        var application = award.Application!;
        var call = application.Call!;
        var tranches = award.Tranches.OrderBy(t => t.Sequence).Select(t =>
        {
            var gate = t.GatingReportId is { } reportId ? reports.GetValueOrDefault(reportId) : null;
            var payments = t.Payments.OrderBy(p => p.Id).Select(p => new PaymentView(
                p.Id, t.Id, p.Amount, p.Status, names.GetValueOrDefault(p.RecordedById, p.RecordedById), p.RecordedAt,
                p.ApprovedById is { } approver ? names.GetValueOrDefault(approver, approver) : null, p.ApprovedAt, p.PaidOn, p.BankReference, p.Note, p.Version,
                rejections.GetValueOrDefault(p.Id.ToString(CultureInfo.InvariantCulture)),
                p.BankAccountId is { } accountId ? accounts.GetValueOrDefault(accountId) : null)).ToList();
            return new TrancheView(
                t.Id, t.Sequence, t.Amount, t.PlannedOn, t.GatingReportId, gate?.Kind, gate?.Status,
                Krw.Sum(t.Payments.Where(p => p.CountsAgainstAward).Select(p => p.Amount)),
                Krw.Sum(t.Payments.Where(p => p.Status == PaymentStatus.Paid).Select(p => p.Amount)),
                payments);
        }).ToList();
        return new AwardDetails(
            award.Id,
            application.Id,
            call.Id,
            call.Code,
            call.TitleKorean,
            call.TitleEnglish,
            call.BudgetYear!.Year,
            new OrganizationName(application.Organization!.NameKorean, application.Organization.Name),
            application.ProjectTitle,
            application.ReceiptNumber,
            application.StartDate,
            application.EndDate,
            application.RequestedTotal,
            award.Amount,
            award.ReductionReason,
            award.Conditions,
            award.Status,
            award.AwardedAt,
            award.CancelledAt,
            award.CancellationReason,
            award.ReturnedAmount,
            award.Version,
            tranches,
            award.Reports.OrderBy(r => r.DueOn).Select(r => new ReportRequirement(r.Id, r.Kind, r.DueOn, r.Status)).ToList(),
            call.ReceiptsRequired,
            award.ClosedOn);
    }

    /// <summary>
    /// Officers and finance read every award's page; an applicant reads only its own organization's awards (checked
    /// per award by <see cref="GetAsync"/>), and reviewers and administrators none.
    /// </summary>
    public static bool MayReadEveryAward(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return AwardRules.IsOfficerOrFinance(user);
    }

    /// <summary>
    /// The award letter in Korean or English, as a Word document or a PDF made from the same content; null when the
    /// caller may not see the award.
    /// </summary>
    public async Task<DocumentFile?> LetterAsync(
        CurrentUser user, int awardId, string language, DocumentFileFormat format = DocumentFileFormat.Docx, CancellationToken ct = default)
    {
        var details = await GetAsync(user, awardId, ct);
        if (details is null)
        {
            return null;
        }

        var normalized = Languages.Normalize(language);
        return Languages.InLanguage(normalized, () => DocumentFile.Write(
            AwardLetter.Content(details, normalized, localizer), format, $"award-letter-{details.ReceiptNumber ?? AwardRules.Id(details.Id)}-{normalized}"));
    }
}
