using GrantPortal.Core.Recommendations;
using GrantPortal.Core.Reviews;

namespace GrantPortal.Core.Auditing;

/// <summary>What an audit event is about, in words, and the page that shows it when the reader may open that page.</summary>
public sealed record AuditSubject(string Words, string? Link);

/// <summary>
/// Names the records of a page of audit events in the reader's language ("Final report of “…”") and links each to
/// its page under the same rules the page's service applies: an award's page for officers and finance, a report or
/// an application for officers, the budget for whoever may see it. Records are read in one query per kind.
/// </summary>
internal static class AuditSubjects
{
    /// <summary>The record kinds the portal writes, each with words in both languages (<c>Audit_Entity_{kind}</c>).</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        nameof(Application), nameof(Attachment), nameof(Award), nameof(BankAccount), nameof(BudgetYear), nameof(Call), nameof(ChangeRequest), "Database", nameof(GrantAgreement),
        nameof(Organization), nameof(Payment),
        nameof(PortalUser), nameof(ProjectReport), nameof(Recommendation), "Retention", nameof(Review), nameof(ReviewAssignment), nameof(ReviewerProfile),
        nameof(SavedNarrative), nameof(Tranche),
    ];

    public static async Task<Dictionary<(string Type, string Id), AuditSubject>> DescribeAsync(
        PortalDbContext db, IReadOnlyCollection<(string Type, string Id)> records, CurrentUser reader, IStringLocalizer<Strings> L, CancellationToken ct)
    {
        var result = new Dictionary<(string Type, string Id), AuditSubject>();
        var officer = reader.IsIn(Roles.ProgramOfficer);
        var awardsOpen = AwardDetailsQuery.MayReadEveryAward(reader);
        string? LinkIf(bool allowed, string path) => allowed ? path : null;
        List<int> Ids(string type) => records.Where(r => r.Type == type).Select(r => int.TryParse(r.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().ToList();
        void Add(string type, int id, string words, string? link) => result[(type, Key(id))] = new AuditSubject(words, link);

        var reportIds = Ids(nameof(ProjectReport));
        if (reportIds.Count > 0)
        {
            foreach (var r in await db.ProjectReports.AsNoTracking().Where(r => reportIds.Contains(r.Id))
                         .Select(r => new { r.Id, r.Kind, db.Awards.Single(a => a.Id == r.AwardId).Application!.ProjectTitle }).ToListAsync(ct))
            {
                Add(nameof(ProjectReport), r.Id, L["Audit_Subject_ProjectReport", L["Reports_Kind_" + r.Kind], r.ProjectTitle], LinkIf(officer, PortalPaths.Report(r.Id)));
            }
        }

        var paymentIds = Ids(nameof(Payment));
        if (paymentIds.Count > 0)
        {
            foreach (var p in await db.Payments.AsNoTracking().Where(p => paymentIds.Contains(p.Id))
                         .Select(p => new { p.Id, p.AwardId, p.Amount, db.Tranches.Single(t => t.Id == p.TrancheId).Sequence, db.Awards.Single(a => a.Id == p.AwardId).Application!.ProjectTitle })
                         .ToListAsync(ct))
            {
                Add(nameof(Payment), p.Id, L["Audit_Subject_Payment", p.Amount.ForReader(), p.ProjectTitle, p.Sequence], LinkIf(awardsOpen, PortalPaths.Award(p.AwardId)));
            }
        }

        var trancheIds = Ids(nameof(Tranche));
        if (trancheIds.Count > 0)
        {
            foreach (var t in await db.Tranches.AsNoTracking().Where(t => trancheIds.Contains(t.Id))
                         .Select(t => new { t.Id, t.AwardId, t.Sequence, db.Awards.Single(a => a.Id == t.AwardId).Application!.ProjectTitle }).ToListAsync(ct))
            {
                Add(nameof(Tranche), t.Id, L["Audit_Subject_Tranche", t.Sequence, t.ProjectTitle], LinkIf(awardsOpen, PortalPaths.Award(t.AwardId)));
            }
        }

        var changeIds = Ids(nameof(ChangeRequest));
        if (changeIds.Count > 0)
        {
            foreach (var c in await db.ChangeRequests.AsNoTracking().Where(c => changeIds.Contains(c.Id))
                         .Select(c => new { c.Id, c.AwardId, c.Kind, db.Awards.Single(a => a.Id == c.AwardId).Application!.ProjectTitle }).ToListAsync(ct))
            {
                Add(nameof(ChangeRequest), c.Id, L["Audit_Subject_ChangeRequest", L["Changes_Kind" + c.Kind], c.ProjectTitle], LinkIf(awardsOpen, PortalPaths.Award(c.AwardId)));
            }
        }

        var agreementIds = Ids(nameof(GrantAgreement));
        if (agreementIds.Count > 0)
        {
            foreach (var g in await db.GrantAgreements.AsNoTracking().Where(g => agreementIds.Contains(g.Id))
                         .Select(g => new { g.Id, g.AwardId, db.Awards.Single(a => a.Id == g.AwardId).Application!.ProjectTitle }).ToListAsync(ct))
            {
                Add(nameof(GrantAgreement), g.Id, L["Audit_Subject_GrantAgreement", g.ProjectTitle], LinkIf(awardsOpen, PortalPaths.Award(g.AwardId)));
            }
        }

        var accountIds = Ids(nameof(BankAccount));
        if (accountIds.Count > 0)
        {
            foreach (var b in await db.BankAccounts.AsNoTracking().Where(b => accountIds.Contains(b.Id))
                         .Select(b => new { b.Id, b.AwardId, b.BankCode, b.AccountNumber, db.Awards.Single(a => a.Id == b.AwardId).Application!.ProjectTitle }).ToListAsync(ct))
            {
                var bank = KoreanBanks.Find(b.BankCode) is { } known ? (IsKorean() ? known.NameKorean : known.NameEnglish) : b.BankCode;
                Add(nameof(BankAccount), b.Id, L["Audit_Subject_BankAccount", bank, KoreanBanks.Masked(b.AccountNumber), b.ProjectTitle], LinkIf(awardsOpen, PortalPaths.Award(b.AwardId)));
            }
        }

        var awardIds = Ids(nameof(Award));
        if (awardIds.Count > 0)
        {
            foreach (var a in await db.Awards.AsNoTracking().Where(a => awardIds.Contains(a.Id))
                         .Select(a => new { a.Id, a.Application!.ProjectTitle, a.Application.Organization!.Name, a.Application.Organization.NameKorean }).ToListAsync(ct))
            {
                Add(nameof(Award), a.Id, L["Audit_Subject_Award", NameOf(a.Name, a.NameKorean), a.ProjectTitle], LinkIf(awardsOpen, PortalPaths.Award(a.Id)));
            }
        }

        var applicationIds = Ids(nameof(Application));
        if (applicationIds.Count > 0)
        {
            foreach (var a in await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id))
                         .Select(a => new { a.Id, a.ProjectTitle, a.ReceiptNumber, a.Organization!.Name, a.Organization.NameKorean }).ToListAsync(ct))
            {
                Add(nameof(Application), a.Id, Application(L, a.ReceiptNumber, a.ProjectTitle, NameOf(a.Name, a.NameKorean)), LinkIf(officer, PortalPaths.Application(a.Id)));
            }
        }

        // Reviews are recorded under their assignment's id.
        var assignmentIds = Ids(nameof(Review)).Concat(Ids(nameof(ReviewAssignment))).Distinct().ToList();
        if (assignmentIds.Count > 0)
        {
            var assignments = await db.ReviewAssignments.AsNoTracking().Where(a => assignmentIds.Contains(a.Id))
                .Select(a => new { a.Id, a.ApplicationId, a.Application!.ReceiptNumber, a.Application.ProjectTitle, Reviewer = db.Users.Where(u => u.Id == a.ReviewerId).Select(u => u.DisplayName).FirstOrDefault() })
                .ToListAsync(ct);
            foreach (var a in assignments)
            {
                var words = L["Audit_Subject_Review", a.ReceiptNumber ?? "", a.ProjectTitle, a.Reviewer ?? ""];
                Add(nameof(Review), a.Id, words, LinkIf(officer, PortalPaths.Application(a.ApplicationId)));
                Add(nameof(ReviewAssignment), a.Id, words, LinkIf(officer, PortalPaths.Application(a.ApplicationId)));
            }
        }

        var callIds = Ids(nameof(Call));
        if (callIds.Count > 0)
        {
            var korean = IsKorean();
            foreach (var c in await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).Select(c => new { c.Id, c.Code, c.TitleKorean, c.TitleEnglish, c.IsPublished }).ToListAsync(ct))
            {
                var link = officer ? PortalPaths.CallEditor(c.Id) : c.IsPublished ? PortalPaths.Call(c.Id) : null;
                Add(nameof(Call), c.Id, L["Audit_Subject_Call", c.Code, korean ? c.TitleKorean : c.TitleEnglish], link);
            }
        }

        var organizationIds = Ids(nameof(Organization));
        if (organizationIds.Count > 0)
        {
            foreach (var o in await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.NameKorean }).ToListAsync(ct))
            {
                Add(nameof(Organization), o.Id, L["Audit_Subject_Organization", NameOf(o.Name, o.NameKorean)], LinkIf(officer, PortalPaths.Organizations));
            }
        }

        var attachmentIds = Ids(nameof(Attachment));
        if (attachmentIds.Count > 0)
        {
            foreach (var a in await db.Attachments.AsNoTracking().Where(a => attachmentIds.Contains(a.Id)).Select(a => new { a.Id, a.DisplayName, a.ApplicationId, a.ProjectReportId }).ToListAsync(ct))
            {
                var link = !officer ? null
                    : a.ApplicationId is { } applicationId ? PortalPaths.Application(applicationId)
                    : a.ProjectReportId is { } reportId ? PortalPaths.Report(reportId)
                    : null;
                Add(nameof(Attachment), a.Id, L["Audit_Subject_Attachment", a.DisplayName], link);
            }
        }

        var recommendationIds = Ids(nameof(Recommendation));
        if (recommendationIds.Count > 0)
        {
            foreach (var r in await db.Recommendations.AsNoTracking().Where(r => recommendationIds.Contains(r.Id)).Select(r => new { r.Id, r.Code }).ToListAsync(ct))
            {
                Add(nameof(Recommendation), r.Id, L["Audit_Subject_Recommendation", r.Code], LinkIf(MayOpenRecommendations(reader), PortalPaths.Recommendations));
            }
        }

        var userIds = records.Where(r => r.Type is nameof(PortalUser) or nameof(ReviewerProfile)).Select(r => r.Id).Distinct().ToList();
        if (userIds.Count > 0)
        {
            var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            foreach (var (type, id) in records.Where(r => r.Type is nameof(PortalUser) or nameof(ReviewerProfile) && names.ContainsKey(r.Id)))
            {
                result[(type, id)] = type == nameof(PortalUser)
                    ? new AuditSubject(L["Audit_Subject_PortalUser", names[id]], LinkIf(reader.IsIn(Roles.Administrator), PortalPaths.Admin))
                    : new AuditSubject(L["Audit_Subject_ReviewerProfile", names[id]], null);
            }
        }

        foreach (var (type, id) in records.Where(r => !result.ContainsKey(r)))
        {
            result[(type, id)] = type switch
            {
                nameof(BudgetYear) => new AuditSubject(L["Audit_Subject_BudgetYear", id], int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && BudgetQueries.MaySee(reader) ? PortalPaths.Budget(year) : null),
                nameof(SavedNarrative) => new AuditSubject(L["Audit_Subject_SavedNarrative", id.Split('/')[0]], LinkIf(officer || reader.IsIn(Roles.Administrator), PortalPaths.Accountability)),
                nameof(Recommendation) when id == "catalogue" => new AuditSubject(L["Audit_Subject_Catalogue"], LinkIf(MayOpenRecommendations(reader), PortalPaths.Recommendations)),
                "Database" => new AuditSubject(L["Audit_Subject_Database"], null),

                // A record since deleted (or a kind added later) is still named by kind and number.
                _ => new AuditSubject(L["Audit_Subject_Other", EntityWords(L, type), id], null),
            };
        }

        return result;
    }

    /// <summary>The words for a kind of record; the kind itself when it has none (a kind added later).</summary>
    public static string EntityWords(IStringLocalizer<Strings> L, string type)
    {
        var words = L["Audit_Entity_" + type];
        return words.ResourceNotFound ? type : words.Value;
    }

    private static string Application(IStringLocalizer<Strings> L, string? receipt, string title, string organization) =>
        receipt is null ? L["Audit_Subject_Draft", title, organization] : L["Audit_Subject_Application", receipt, title, organization];

    /// <summary>The recommendations page admits officers, administrators and finance.</summary>
    private static bool MayOpenRecommendations(CurrentUser reader) =>
        reader.IsIn(Roles.ProgramOfficer) || reader.IsIn(Roles.Administrator) || reader.IsIn(Roles.Finance);

    private static bool IsKorean() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en";

    private static string NameOf(string name, string nameKorean) => IsKorean() && !string.IsNullOrWhiteSpace(nameKorean) ? nameKorean : name;

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
