using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Text;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using NodaTime;

namespace GrantPortal.IntegrationTests.Applications;

public abstract class ApplicationTests : ProviderTest
{
    [Fact]
    public async Task Twenty_parallel_submits_of_one_draft_produce_one_submission()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => scenario.Submit.SubmitAsync(scenario.Applicant, id))));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join("; ", r.Errors.Select(e => e.Message))));
        Assert.Single(results.Select(r => r.Value!.ReceiptNumber).Distinct());
        Assert.Equal("2026-NKHR-0001", results[0].Value!.ReceiptNumber);
        Assert.Single(results, r => !r.Value!.AlreadySubmitted);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.Applications.CountAsync(a => a.ReceiptNumber != null));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "application.submitted"));
        Assert.Single(Directory.GetFiles(Host.MailPickupDirectory, "*.eml"));
    }

    [Fact]
    public async Task Officer_extending_a_call_while_applicants_submit_is_not_told_the_call_went_stale()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var opened = await Host.Services.GetRequiredService<CallQueries>().GetForEditAsync(scenario.Officer, scenario.CallId, CancellationToken.None);
        var id = await scenario.CompleteDraftAsync();

        Assert.True((await scenario.Submit.SubmitAsync(scenario.Applicant, id)).Succeeded);
        var extended = opened!.Form with { Closes = opened.Form.Closes.PlusDays(3) };
        extended.Criteria.Add(new CriterionForm { NameKorean = "적합성", NameEnglish = "Relevance", Weight = 1m, ScaleMinimum = 1, ScaleMaximum = 5 });
        // Moving a published call's deadline asks the officer first; the officer has confirmed.
        var saved = await Host.Services.GetRequiredService<UpdateCall>().UpdateAsync(scenario.Officer, extended, confirmDeadlineChange: true, CancellationToken.None);

        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task Ten_simultaneous_clicks_on_apply_open_one_draft()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Single(results.Select(r => r.Value).Distinct());
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.Applications.CountAsync(a => a.CallId == scenario.CallId && a.OrganizationId == scenario.Applicant.OrganizationId));
    }

    [Fact]
    public async Task Receipt_numbers_follow_each_other_within_a_call()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var first = await scenario.CompleteDraftAsync("First project");
        Assert.Equal("2026-NKHR-0001", (await scenario.Submit.SubmitAsync(scenario.Applicant, first)).Value!.ReceiptNumber);
        var second = await scenario.CompleteDraftAsync("Second project");

        Assert.Equal("2026-NKHR-0002", (await scenario.Submit.SubmitAsync(scenario.Applicant, second)).Value!.ReceiptNumber);
    }

    [Fact]
    public async Task Stale_draft_save_is_refused()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = (await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId)).Value;
        var opened = (await scenario.Queries.GetAsync(scenario.Applicant, id))!.Version;

        var firstTab = await scenario.SaveDraft.SaveDraftAsync(scenario.Applicant, id, new ApplicationDraft { ProjectTitle = "From the first tab" }, opened);
        var secondTab = await scenario.SaveDraft.SaveDraftAsync(scenario.Applicant, id, new ApplicationDraft { ProjectTitle = "From the second tab" }, opened);

        Assert.True(firstTab.Succeeded);
        Assert.False(secondTab.Succeeded);
        Assert.Equal(Outcome.Conflict, secondTab.Outcome);
        Assert.Contains("another tab", secondTab.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("From the first tab", (await scenario.Queries.GetAsync(scenario.Applicant, id))!.Form.ProjectTitle);
    }

    [Fact]
    public async Task Draft_save_keeps_budget_lines_as_a_set_and_trims_long_text()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        var view = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;
        var form = view.Form with { ProjectTitle = new string('가', 400), BudgetLines = [new BudgetLineDraft { Item = "Only line", Amount = new Krw(15_000_000) }] };

        var saved = await scenario.SaveDraft.SaveDraftAsync(scenario.Applicant, id, form, view.Version);

        Assert.True(saved.Succeeded);
        Assert.Equal(view.Version + 1, saved.Value!.Version);
        Assert.Equal(Host.Clock.GetCurrentInstant(), saved.Value.SavedAt);
        var reloaded = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;
        Assert.Equal(300, reloaded.Form.ProjectTitle.Length);
        Assert.Equal(new Krw(15_000_000), Assert.Single(reloaded.Form.BudgetLines).Amount);
    }

    [Fact]
    public async Task Negative_budget_amount_is_refused()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        var view = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;

        var saved = await scenario.SaveDraft.SaveDraftAsync(scenario.Applicant, id, view.Form with { BudgetLines = [new BudgetLineDraft { Item = "Refund", Amount = new Krw(-5) }] }, view.Version);

        Assert.False(saved.Succeeded);
        Assert.Equal("BudgetLines[0].Amount", saved.Errors[0].Field);
    }

    [Fact]
    public async Task Submit_after_deadline_is_refused_with_the_deadline_in_Seoul_time()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host, applicantLanguage: "en");
        var id = await scenario.CompleteDraftAsync();
        Host.Clock.Reset(ApplicationScenario.ClosesAt + Duration.FromSeconds(1));

        var result = await InEnglish(() => scenario.Submit.SubmitAsync(scenario.Applicant, id));

        Assert.False(result.Succeeded);
        Assert.Contains("2026-03-10 18:00 KST", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, (await scenario.Queries.GetAsync(scenario.Applicant, id))!.Status);
    }

    [Fact]
    public async Task Submit_exactly_at_the_deadline_is_accepted()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        Host.Clock.Reset(ApplicationScenario.ClosesAt);

        Assert.True((await scenario.Submit.SubmitAsync(scenario.Applicant, id)).Succeeded);
    }

    [Fact]
    public async Task Submit_with_missing_fields_names_each_field()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = (await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId)).Value;

        var result = await InEnglish(() => scenario.Submit.SubmitAsync(scenario.Applicant, id));

        Assert.False(result.Succeeded);
        var fields = result.Errors.Select(e => e.Field).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "ProjectTitle", "Summary", "Answers[objectives]", "Answers[activities]", "Answers[beneficiaries]", "StartDate", "EndDate", "Category", "BudgetLines", "DeclarationAccepted" },
            fields);
        Assert.Contains(result.Errors, e => e.Message == "Enter the project title.");
    }

    [Fact]
    public async Task Another_organization_cannot_read_an_application_or_its_attachments()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        var upload = await scenario.Uploads.UploadAsync(scenario.Applicant, id, "plan.pdf", Pdf());
        Assert.True(upload.Succeeded, upload.Message);
        var attachmentId = upload.Value!.Id;

        Assert.Null(await scenario.Queries.GetAsync(scenario.OtherApplicant, id));
        Assert.Null(await scenario.Attachments.OpenAsync(scenario.OtherApplicant, attachmentId));
        Assert.False((await scenario.SaveDraft.SaveDraftAsync(scenario.OtherApplicant, id, new ApplicationDraft(), 1)).Succeeded);
        Assert.False((await scenario.Submit.SubmitAsync(scenario.OtherApplicant, id)).Succeeded);
        Assert.False((await scenario.Deletions.DeleteAsync(scenario.OtherApplicant, attachmentId)).Succeeded);
        Assert.DoesNotContain(await scenario.Queries.ListForOrganizationAsync(scenario.OtherApplicant), r => r.Id == id);

        // The owner still sees both; an officer only once it is submitted (DraftPrivacyTests).
        Assert.NotNull(await scenario.Queries.GetAsync(scenario.Applicant, id));
        await using var download = await scenario.Attachments.OpenAsync(scenario.Applicant, attachmentId);
        Assert.NotNull(download);
        Assert.Equal("application/pdf", download.ContentType);
    }

    [Fact]
    public async Task Attachment_is_stored_under_a_generated_name_with_its_hash()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        var content = Pdf().ToArray();

        var upload = await scenario.Uploads.UploadAsync(scenario.Applicant, id, "../../etc/사업\u0000계획\u202E서.pdf", new MemoryStream(content));

        Assert.True(upload.Succeeded, upload.Message);
        Assert.Equal("사업계획서.pdf", upload.Value!.DisplayName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), upload.Value.Sha256);
        await using var db = await Host.CreateDbContextAsync();
        var stored = await db.Attachments.SingleAsync();
        Assert.Matches("^[0-9a-f]{32}$", stored.StoredName);
        Assert.Single(Directory.GetFiles(Path.Combine(Host.MailPickupDirectory, "..", "App_Data", "attachments")));
    }

    [Fact]
    public async Task Oversized_upload_is_rejected()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();

        var upload = await InEnglish(() => scenario.Uploads.UploadAsync(scenario.Applicant, id, "big.pdf", new PdfOfLength((20L * 1024 * 1024) + 1)));

        Assert.False(upload.Succeeded);
        Assert.Contains("20 MB", upload.Message, StringComparison.Ordinal);
        await AssertNoAttachmentsAsync();
    }

    [Fact]
    public async Task Simultaneous_uploads_never_fill_an_application_beyond_its_limit()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();

        // Three 18 MB files at once; only two fit into the 50 MB an application may hold.
        var uploads = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Task.Run(() =>
            InEnglish(() => scenario.Uploads.UploadAsync(scenario.Applicant, id, $"part-{i}.pdf", new PdfOfLength(18L * 1024 * 1024))))));

        Assert.Equal(2, uploads.Count(u => u.Succeeded));
        Assert.Contains("50 MB", Assert.Single(uploads, u => !u.Succeeded).Message, StringComparison.Ordinal);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(2, await db.Attachments.CountAsync(a => a.ApplicationId == id));
    }

    [Fact]
    public async Task Empty_upload_is_rejected()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();

        var upload = await InEnglish(() => scenario.Uploads.UploadAsync(scenario.Applicant, id, "empty.pdf", new MemoryStream()));

        Assert.Equal("The file is empty.", upload.Message);
        await AssertNoAttachmentsAsync();
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03 }, "Programs cannot be attached.")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02 }, "Programs cannot be attached.")]
    public async Task Executable_renamed_pdf_is_rejected(byte[] header, string message)
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();

        var upload = await InEnglish(() => scenario.Uploads.UploadAsync(scenario.Applicant, id, "report.pdf", new MemoryStream([.. header, .. new byte[100]])));

        Assert.Equal(message, upload.Message);
        await AssertNoAttachmentsAsync();
    }

    [Fact]
    public async Task Mismatched_magic_bytes_are_rejected()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

        var upload = await InEnglish(() => scenario.Uploads.UploadAsync(scenario.Applicant, id, "budget.pdf", new MemoryStream(png)));

        Assert.False(upload.Succeeded);
        Assert.Contains("does not match", upload.Message, StringComparison.Ordinal);
        await AssertNoAttachmentsAsync();
    }

    [Fact]
    public async Task Attachments_of_a_submitted_application_cannot_change()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        var attachmentId = (await scenario.Uploads.UploadAsync(scenario.Applicant, id, "plan.pdf", Pdf())).Value!.Id;
        await scenario.Submit.SubmitAsync(scenario.Applicant, id);

        Assert.False((await scenario.Uploads.UploadAsync(scenario.Applicant, id, "late.pdf", Pdf())).Succeeded);
        Assert.False((await scenario.Deletions.DeleteAsync(scenario.Applicant, attachmentId)).Succeeded);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.Attachments.CountAsync());
    }

    [Fact]
    public async Task Confirmation_mail_is_written_in_the_submitters_language()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host, applicantLanguage: "ko");
        var id = await scenario.CompleteDraftAsync();

        var receipt = (await InEnglish(() => scenario.Submit.SubmitAsync(scenario.Applicant, id))).Value!.ReceiptNumber;

        var file = Assert.Single(Directory.GetFiles(Host.MailPickupDirectory, "*.eml"));
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("신청서 접수 완료: " + receipt, message.Subject);
        Assert.Contains("접수번호: 2026-NKHR-0001", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026-03-10 18:00 KST", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("\"2026 북한인권 증진 사업\"에 제출하신", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5000/applications/{id}", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("jiwon@opendoors.example", message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Withdraw_before_deadline_works()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        await scenario.Submit.SubmitAsync(scenario.Applicant, id);

        var missingReason = await scenario.Withdraw.WithdrawAsync(scenario.Applicant, id, " ");
        var withdrawn = await scenario.Withdraw.WithdrawAsync(scenario.Applicant, id, "Our partner cancelled the venue.");

        Assert.False(missingReason.Succeeded);
        Assert.True(withdrawn.Succeeded, withdrawn.Message);
        var view = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;
        Assert.Equal(ApplicationStatus.Withdrawn, view.Status);
        Assert.Equal("Our partner cancelled the venue.", view.WithdrawalReason);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "application.withdrawn"));
    }

    [Fact]
    public async Task Withdraw_after_deadline_is_refused()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        await scenario.Submit.SubmitAsync(scenario.Applicant, id);
        Host.Clock.Reset(ApplicationScenario.ClosesAt + Duration.FromSeconds(1));

        var result = await InEnglish(() => scenario.Withdraw.WithdrawAsync(scenario.Applicant, id, "Too late"));

        Assert.False(result.Succeeded);
        Assert.Contains("2026-03-10 18:00 KST", result.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Submitted, (await scenario.Queries.GetAsync(scenario.Applicant, id))!.Status);
    }

    [Fact]
    public async Task Intake_pages_filters_and_searches()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await using (var db = await Host.CreateDbContextAsync())
        {
            var call = await db.Calls.SingleAsync();
            var organizations = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
            for (var i = 0; i < 30; i++)
            {
                var application = Application.StartDraft(call, organizations[i % 2], "applicant", Host.Clock.GetCurrentInstant());
                application.ProjectTitle = i == 7 ? "Opera 100%_Freedom" : string.Create(CultureInfo.InvariantCulture, $"Project {i:00}");
                application.Category = i % 3 == 0 ? ProjectCategories.CultureAndArts : ProjectCategories.CapacityBuilding;
                application.BudgetLines.Add(new BudgetLine { Item = "All", Amount = new Krw(10_000_000 + i) });
                if (i < 25)
                {
                    application.Submit(string.Create(CultureInfo.InvariantCulture, $"2026-NKHR-{i + 1:0000}"), Host.Clock.GetCurrentInstant() + Duration.FromMinutes(i));
                }

                if (i < 3)
                {
                    application.Withdraw("Changed plans", Host.Clock.GetCurrentInstant());
                }

                db.Applications.Add(application);
            }

            await db.SaveChangesAsync();
        }

        var firstPage = await scenario.Intake.SearchAsync(scenario.Officer, new ApplicationQuery { PageSize = 10 });
        var lastPage = await scenario.Intake.SearchAsync(scenario.Officer, new ApplicationQuery { PageSize = 10, Page = 2 });
        var byTotal = await scenario.Intake.SearchAsync(scenario.Officer, new ApplicationQuery { Sort = ApplicationSort.RequestedTotal, Descending = true, PageSize = 1 });
        var withdrawn = await scenario.Intake.SearchAsync(scenario.Officer, new ApplicationQuery { Status = ApplicationStatus.Withdrawn });
        var search = await scenario.Intake.SearchAsync(scenario.Officer, new ApplicationQuery { TitleSearch = "100%_f" });
        var wildcardOnly = await scenario.Intake.SearchAsync(scenario.Officer, new ApplicationQuery { TitleSearch = "%" });
        var culture = await scenario.Intake.SearchAsync(scenario.Officer, new ApplicationQuery { Category = ProjectCategories.CultureAndArts });

        Assert.NotNull(firstPage);
        Assert.Equal(25, firstPage.TotalCount);
        Assert.Equal(10, firstPage.Rows.Count);
        Assert.Equal("2026-NKHR-0025", firstPage.Rows[0].ReceiptNumber);
        Assert.Equal(5, lastPage!.Rows.Count);
        Assert.Equal(new Krw(10_000_024), byTotal!.Rows.Single().RequestedTotal);
        Assert.Equal(3, withdrawn!.TotalCount);
        Assert.Equal(22, withdrawn.CountsByStatus[ApplicationStatus.Submitted]);
        Assert.Equal(3, withdrawn.CountsByStatus[ApplicationStatus.Withdrawn]);
        Assert.Equal("Opera 100%_Freedom", Assert.Single(search!.Rows).ProjectTitle);
        Assert.Single(wildcardOnly!.Rows);
        Assert.Equal(9, culture!.TotalCount);
        Assert.Null(await scenario.Intake.SearchAsync(scenario.Applicant, new ApplicationQuery()));
    }

    [Fact]
    public async Task Csv_export_neutralises_formulas_and_starts_with_a_byte_order_mark()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync("=HYPERLINK(\"http://evil\")");
        await scenario.Submit.SubmitAsync(scenario.Applicant, id);
        using var output = new MemoryStream();

        Assert.True(await scenario.Intake.ExportCsvAsync(scenario.Officer, new ApplicationQuery(), output));
        Assert.False(await scenario.Intake.ExportCsvAsync(scenario.Applicant, new ApplicationQuery(), new MemoryStream()));

        var bytes = output.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("\"2026-NKHR-0001\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_filters_offer_every_call_and_organization_to_officers_only()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);

        var filters = await scenario.Intake.ListIntakeFiltersAsync(scenario.Officer);

        Assert.Equal(["NKHR"], filters!.Calls.Select(c => c.Label));
        Assert.Equal(["Hana Forum", "Open Doors Korea"], filters.Organizations.Select(o => o.Label));
        Assert.Null(await scenario.Intake.ListIntakeFiltersAsync(scenario.Applicant));
    }

    private async Task AssertNoAttachmentsAsync()
    {
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(0, await db.Attachments.CountAsync());
        var directory = Path.Combine(Host.MailPickupDirectory, "..", "App_Data", "attachments");
        Assert.Empty(Directory.Exists(directory) ? Directory.GetFiles(directory) : []);
    }

    private static MemoryStream Pdf() => new("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray());

    private static async Task<T> InEnglish<T>(Func<Task<T>> work)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            return await work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>A PDF header followed by zeros, produced on the fly so the test holds no large buffer.</summary>
    private sealed class PdfOfLength(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = position + i < 5 ? (byte)"%PDF-"[(int)(position + i)] : (byte)0;
            }

            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class ApplicationTests_on_Sqlite : ApplicationTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ApplicationTests_on_PostgreSql(PostgresCluster cluster) : ApplicationTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
