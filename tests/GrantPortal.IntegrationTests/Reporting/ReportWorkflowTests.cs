using GrantPortal.Core.Accounts;
using GrantPortal.Core.Money;
using GrantPortal.Core.Reporting;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static GrantPortal.IntegrationTests.Reporting.ReportingScenario;

namespace GrantPortal.IntegrationTests.Reporting;

/// <summary>A grantee reports, the officer returns and then approves, and the tranche that waited is unlocked; strangers see nothing.</summary>
public abstract class ReportWorkflowTests : ProviderTest
{
    private ReportQueries Reports => Host.Services.GetRequiredService<ReportQueries>();

    private SaveReportDraft Drafts => Host.Services.GetRequiredService<SaveReportDraft>();

    private SubmitReport Submission => Host.Services.GetRequiredService<SubmitReport>();

    private ReviewReport Review => Host.Services.GetRequiredService<ReviewReport>();

    private UploadReceipt Receipts => Host.Services.GetRequiredService<UploadReceipt>();

    [Fact]
    public async Task Report_is_submitted_returned_resubmitted_and_approved_with_history_and_the_gated_tranche_unlocks()
    {
        var (reportId, organizationId) = await DueInterimReportAsync();
        var grantee = ApplicantOf(organizationId);

        var view = await Reports.GetAsync(grantee, reportId, CancellationToken.None);
        Assert.NotNull(view);
        Assert.True(view.CanEdit);
        Assert.Equal(view.AwardAmount, view.TotalBudgeted);
        Assert.Equal(2, Assert.Single(view.GatedTranches).Sequence);

        var form = view.Form with { ActivitiesCarriedOut = "Ran three workshops." };
        var saved = await Drafts.SaveDraftAsync(grantee, reportId, view.Version, form, CancellationToken.None);
        Assert.Equal(Outcome.Done, saved.Outcome);

        var incomplete = await Submission.SubmitAsync(grantee, reportId, saved.Value!.Version, form, CancellationToken.None);
        Assert.Equal(Outcome.Invalid, incomplete.Outcome);
        Assert.Contains(incomplete.Errors, e => e.Field == "Reports_Outcomes");
        Assert.Contains(incomplete.Errors, e => e.Field == "Reports_Lessons");

        form = Complete(form);
        form.SpendingLines[0].Spent = new Krw(form.SpendingLines[0].Budgeted.Won * 12 / 10);
        var unexplained = await Submission.SubmitAsync(grantee, reportId, saved.Value!.Version, form, CancellationToken.None);
        Assert.Equal(Outcome.Invalid, unexplained.Outcome);
        Assert.Contains(unexplained.Errors, e => e.Field == "Spending");

        form.SpendingLines[0].VarianceExplanation = "Venue prices rose; we moved money from printing.";
        var submitted = await Submission.SubmitAsync(grantee, reportId, saved.Value!.Version, form, CancellationToken.None);
        Assert.Equal(Outcome.Done, submitted.Outcome);
        Assert.Equal(Outcome.Refused, (await Drafts.SaveDraftAsync(grantee, reportId, submitted.Value!.Version, form, CancellationToken.None)).Outcome);

        Assert.Equal(Outcome.Invalid, (await Review.ReturnAsync(Officer, reportId, submitted.Value!.Version, " ", CancellationToken.None)).Outcome);
        await MemberAsync(organizationId, "reports@grantee.example");
        var returned = await Review.ReturnAsync(Officer, reportId, submitted.Value!.Version, "Attach the venue receipts.", CancellationToken.None);
        Assert.Equal(Outcome.Done, returned.Outcome);
        var returnMail = Assert.Single(await MailsToAsync("reports@grantee.example"));
        Assert.StartsWith("Interim report returned for changes: ", returnMail.Subject, StringComparison.Ordinal);
        Assert.Contains("Attach the venue receipts.", returnMail.TextBody, StringComparison.Ordinal);

        var afterReturn = await Reports.GetAsync(grantee, reportId, CancellationToken.None);
        Assert.Equal(ReportStatus.Returned, afterReturn!.Status);
        Assert.True(afterReturn.CanEdit);
        Assert.Equal("Attach the venue receipts.", afterReturn.OfficerComment);
        var resubmitted = await Submission.SubmitAsync(grantee, reportId, afterReturn.Version, afterReturn.Form, CancellationToken.None);
        Assert.Equal(Outcome.Done, resubmitted.Outcome);

        var approved = await Review.ApproveAsync(Officer, reportId, resubmitted.Value!.Version, null, CancellationToken.None);
        Assert.Equal(Outcome.Done, approved.Outcome);
        Assert.Contains(await MailsToAsync("reports@grantee.example"), m => m.Subject?.StartsWith("Interim report approved: ", StringComparison.Ordinal) == true);
        Assert.Equal(2, Assert.Single(approved.Value!.UnlockedTranches).Sequence);

        var final = await Reports.GetAsync(Officer, reportId, CancellationToken.None);
        Assert.Equal(ReportStatus.Approved, final!.Status);
        Assert.Equal(2, final.SubmissionCount);
        Assert.False(final.CanReview);
        Assert.Equal(["report.submitted", "report.returned", "report.submitted", "report.approved"], final.History.Select(h => h.Action));
        Assert.Equal("Attach the venue receipts.", final.History[1].Comment);
        Assert.Equal("Venue prices rose; we moved money from printing.", final.Form.SpendingLines[0].VarianceExplanation);

        // The awards feature pays a gated tranche once its report is approved: that is the status it reads.
        await using var db = await Host.CreateDbContextAsync();
        var gate = await db.Tranches.Include(t => t.GatingReport).SingleAsync(t => t.GatingReportId == reportId);
        Assert.Equal(ReportStatus.Approved, gate.GatingReport!.Status);
    }

    [Fact]
    public async Task Another_organizations_report_is_not_found()
    {
        var (reportId, organizationId) = await DueInterimReportAsync();
        var stranger = ApplicantOf(organizationId + 1);
        var reviewer = new CurrentUser("reviewer-1", "Reviewer", null, new HashSet<string> { Roles.Reviewer });

        Assert.Null(await Reports.GetAsync(stranger, reportId, CancellationToken.None));
        Assert.Null(await Reports.GetAsync(reviewer, reportId, CancellationToken.None));
        Assert.DoesNotContain(await Reports.ListForOrganizationAsync(stranger, CancellationToken.None), r => r.Id == reportId);
        Assert.Equal(Outcome.NotFound, (await Drafts.SaveDraftAsync(stranger, reportId, 0, new ReportDraft(), CancellationToken.None)).Outcome);
        Assert.Equal(Outcome.NotFound, (await Submission.SubmitAsync(stranger, reportId, 0, new ReportDraft(), CancellationToken.None)).Outcome);
        Assert.Equal(Outcome.NotFound, (await Review.ApproveAsync(stranger, reportId, 0, null, CancellationToken.None)).Outcome);
        Assert.Null(await Reports.SearchAsync(stranger, new ReportQuery(), CancellationToken.None));
        Assert.Contains(await Reports.ListForOrganizationAsync(ApplicantOf(organizationId), CancellationToken.None), r => r.Id == reportId);
    }

    [Fact]
    public async Task Receipts_follow_the_attachment_rules_and_only_the_report_readers_may_open_them()
    {
        var (reportId, organizationId) = await DueInterimReportAsync();
        var grantee = ApplicantOf(organizationId);
        var store = Host.Services.GetRequiredService<Core.Applications.AttachmentStore>();

        var pdf = await Receipts.UploadReceiptAsync(grantee, reportId, "venue-invoice.pdf", Bytes("%PDF-1.4\n%%EOF\n"), CancellationToken.None);
        var disguised = await Receipts.UploadReceiptAsync(grantee, reportId, "invoice.pdf", Bytes("MZ\u0090\u0000 not a pdf"), CancellationToken.None);
        var strangers = await Receipts.UploadReceiptAsync(ApplicantOf(organizationId + 1), reportId, "x.pdf", Bytes("%PDF-1.4\n"), CancellationToken.None);

        Assert.True(pdf.Succeeded, pdf.Message);
        Assert.False(disguised.Succeeded);
        Assert.False(strangers.Succeeded);
        var receiptId = pdf.Value!.Id;
        Assert.True(await Reports.CanReadReceiptAsync(grantee, receiptId, CancellationToken.None));
        Assert.True(await Reports.CanReadReceiptAsync(Officer, receiptId, CancellationToken.None));
        Assert.False(await Reports.CanReadReceiptAsync(ApplicantOf(organizationId + 1), receiptId, CancellationToken.None));
        await using (var download = await store.OpenReceiptAsync(receiptId))
        {
            Assert.Equal("venue-invoice.pdf", download!.DisplayName);
        }

        Assert.Equal("venue-invoice.pdf", Assert.Single((await Reports.GetAsync(grantee, reportId, CancellationToken.None))!.Receipts).DisplayName);
    }

    [Fact]
    public async Task Draft_saved_from_a_stale_page_is_refused()
    {
        var (reportId, organizationId) = await DueInterimReportAsync();
        var grantee = ApplicantOf(organizationId);
        var view = await Reports.GetAsync(grantee, reportId, CancellationToken.None);

        var first = await Drafts.SaveDraftAsync(grantee, reportId, view!.Version, view.Form with { Lessons = "first tab" }, CancellationToken.None);
        var second = await Drafts.SaveDraftAsync(grantee, reportId, view.Version, view.Form with { Lessons = "second tab" }, CancellationToken.None);

        Assert.Equal(Outcome.Done, first.Outcome);
        Assert.Equal(Outcome.Conflict, second.Outcome);
        Assert.Equal("first tab", (await Reports.GetAsync(grantee, reportId, CancellationToken.None))!.Form.Lessons);
    }

    [Fact]
    public async Task Officer_queue_lists_submitted_reports_oldest_first()
    {
        await SeedAsync(Host);

        var page = await Reports.SearchAsync(Officer, new ReportQuery { Status = ReportStatus.Submitted, PageSize = 100 }, CancellationToken.None);

        Assert.NotNull(page);
        Assert.True(page.TotalCount >= 4);
        Assert.All(page.Rows, r => Assert.Equal(ReportStatus.Submitted, r.Status));
        Assert.Equal(page.Rows.Select(r => r.SubmittedAt).Order(), page.Rows.Select(r => r.SubmittedAt));
    }

    private static MemoryStream Bytes(string text) => new(System.Text.Encoding.Latin1.GetBytes(text));

    private static ReportDraft Complete(ReportDraft form) => form with
    {
        Outcomes = "Forty activists trained.",
        Lessons = "Start recruiting earlier.",
        Indicators = form.Indicators.Select(i => i with { Actual = i.ExpectedActual ?? 40 }).ToList(),
        SpendingLines = form.SpendingLines.Select(l => l with { Spent = l.ExpectedSpent }).ToList(),
    };

    /// <summary>A demo interim report that is still due and that a second tranche waits for.</summary>
    /// <summary>A member of the grantee organization who has chosen a password and reads English.</summary>
    private Task MemberAsync(int organizationId, string email) => Host.InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Grantee Reporter", PreferredLanguage = "en", OrganizationId = organizationId, CreatedAt = Host.Clock.GetCurrentInstant() };
        Assert.True((await users.CreateAsync(user, "a long passphrase of mine")).Succeeded);
    });

    private async Task<List<MimeMessage>> MailsToAsync(string email)
    {
        var mails = new List<MimeMessage>();
        foreach (var file in Directory.Exists(Host.MailPickupDirectory) ? Directory.GetFiles(Host.MailPickupDirectory, "*.eml") : [])
        {
            var mail = await MimeMessage.LoadAsync(file);
            if (mail.To.Mailboxes.Any(m => m.Address == email))
            {
                mails.Add(mail);
            }
        }

        return mails;
    }

    private async Task<(int ReportId, int OrganizationId)> DueInterimReportAsync()
    {
        await SeedAsync(Host);
        await using var db = await Host.CreateDbContextAsync();
        var report = await db.ProjectReports
            .Where(r => r.Kind == ReportKind.Interim && r.Status == ReportStatus.Due && db.Tranches.Any(t => t.GatingReportId == r.Id))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, db.Awards.Single(a => a.Id == r.AwardId).OrganizationId })
            .FirstAsync();
        return (report.Id, report.OrganizationId);
    }
}

public sealed class ReportWorkflowTests_on_Sqlite : ReportWorkflowTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ReportWorkflowTests_on_PostgreSql(PostgresCluster cluster) : ReportWorkflowTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
