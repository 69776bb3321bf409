using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Notifications;
using GrantPortal.IntegrationTests.Infrastructure;
using GrantPortal.IntegrationTests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using NodaTime;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>Requests for more information (보완 요청) on a submitted application, on SQLite and PostgreSQL.</summary>
public abstract class InformationRequestTests : ProviderTest
{
    private static readonly LocalDate DueOn = new(2026, 3, 6);

    protected InformationRequestTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private RequestMoreInformation Request => Host.Services.GetRequiredService<RequestMoreInformation>();

    private AnswerInformationRequest Answer => Host.Services.GetRequiredService<AnswerInformationRequest>();

    private InformationRequestQueries Requests => Host.Services.GetRequiredService<InformationRequestQueries>();

    /// <summary>A submitted application answering a form with a safety-plan question; its applicant can receive mail.</summary>
    private async Task<(ApplicationScenario Scenario, int Id)> SubmittedAsync()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        Assert.True((await scenario.Submit.SubmitAsync(scenario.Applicant, id)).Succeeded);
        await using var db = await Host.CreateDbContextAsync();
        // The call's form (version 1, made when the call or its first draft was) asks for a safety plan.
        var form = await db.ApplicationFormVersions.Where(v => v.CallId == scenario.CallId && v.Stage == FormStage.Full).OrderByDescending(v => v.Number).FirstAsync();
        form.Definition = SafetyForm("Safety plan");
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        application.FormVersionId = form.Id;
        application.Answers = new Dictionary<string, string> { ["safety"] = "Buddy system.", ["partners"] = "None yet." };
        var applicant = await db.Users.SingleAsync(u => u.Id == "applicant-1");
        applicant.PasswordHash = "set";
        await db.SaveChangesAsync();
        return (scenario, id);
    }

    private static FormDefinition SafetyForm(string label, params Question[] more) => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "plan",
                Questions =
                [
                    new Question { Key = "safety", Type = QuestionType.LongText, Required = true, MaxLength = 2000, LabelEnglish = label, LabelKorean = "안전 계획" },
                    new Question { Key = "partners", Type = QuestionType.ShortText, LabelEnglish = "Partners", LabelKorean = "협력 기관" },
                    .. more,
                ],
            },
        ],
    };

    private static MemoryStream Pdf() => new("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray());

    /// <summary>A file the application already held when it was submitted (its content is never read here).</summary>
    private Attachment StoredFile(int applicationId, string questionKey, string name) => new()
    {
        ApplicationId = applicationId, QuestionKey = questionKey, StoredName = Guid.NewGuid().ToString("N"), DisplayName = name, Kind = AttachmentKind.Pdf,
        SizeBytes = 48, Sha256 = new string('0', 64), UploadedById = "applicant-1", UploadedAt = Host.Clock.GetCurrentInstant(),
    };

    private static InformationRequestForm Asking(params string[] keys) =>
        new() { Message = "Please describe how participants stay safe.", QuestionKeys = keys, DueOn = DueOn };

    [Fact]
    public async Task A_request_reopens_only_the_named_questions_and_editing_another_is_refused()
    {
        var (scenario, id) = await SubmittedAsync();
        Assert.True((await Request.RequestAsync(scenario.Officer, id, Asking("safety", ReopenableFields.Summary))).Succeeded);

        var title = await Answer.ResubmitAsync(scenario.Applicant, id, new InformationAnswer { ProjectTitle = "Another title", Answers = new Dictionary<string, string> { ["safety"] = "Escorts." } });
        var otherAnswer = await Answer.ResubmitAsync(scenario.Applicant, id, new InformationAnswer { Answers = new Dictionary<string, string> { ["safety"] = "Escorts.", ["partners"] = "Hana Forum" } });
        var budget = await Answer.ResubmitAsync(scenario.Applicant, id, new InformationAnswer { BudgetLines = [new BudgetLineDraft { Item = "More", Amount = new Core.Money.Krw(50_000_000) }] });
        var byOtherOrganization = await Answer.ResubmitAsync(scenario.OtherApplicant, id, new InformationAnswer { Answers = new Dictionary<string, string> { ["safety"] = "Escorts." } });

        Assert.Equal(Outcome.Refused, title.Outcome);
        Assert.Equal("'Project title' was not reopened by the request; only the reopened questions can change.", title.Message);
        Assert.Equal("'Partners' was not reopened by the request; only the reopened questions can change.", otherAnswer.Message);
        Assert.Equal(Outcome.Refused, budget.Outcome);
        Assert.Equal(Outcome.NotFound, byOtherOrganization.Outcome);
        await using var db = await Host.CreateDbContextAsync();
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        Assert.Equal("Young defenders academy", application.ProjectTitle);
        Assert.Equal("Buddy system.", application.Answers["safety"]);
        Assert.True(await db.InformationRequests.AnyAsync(r => r.ApplicationId == id && r.AnsweredAt == null));
    }

    [Fact]
    public async Task Resubmission_keeps_the_receipt_number_and_both_versions()
    {
        var (scenario, id) = await SubmittedAsync();
        Assert.True((await Request.RequestAsync(scenario.Officer, id, Asking("safety", ReopenableFields.Summary))).Succeeded);
        var awaiting = await scenario.Intake.SearchAsync(scenario.Officer, new ApplicationQuery { AwaitingInformation = true });
        Host.Clock.Advance(Duration.FromDays(1));

        var emptyRequired = await Answer.ResubmitAsync(scenario.Applicant, id, new InformationAnswer { Answers = new Dictionary<string, string> { ["safety"] = " " } });
        var answered = await Answer.ResubmitAsync(scenario.Applicant, id, new InformationAnswer
        {
            ProjectTitle = "Young defenders academy",
            Summary = "Training, with an escort for every trip.",
            Answers = new Dictionary<string, string> { ["safety"] = "Two escorts on every trip.", ["partners"] = "None yet." },
        });
        var again = await Answer.ResubmitAsync(scenario.Applicant, id, new InformationAnswer { Answers = new Dictionary<string, string> { ["safety"] = "Three." } });

        Assert.Equal(["Answers[safety]"], emptyRequired.Errors.Select(e => e.Field));
        Assert.True(answered.Succeeded, answered.Message);
        Assert.Equal(Outcome.Refused, again.Outcome);
        Assert.Equal([id], awaiting!.Rows.Select(r => r.Id));
        Assert.Equal(DueOn, awaiting.Rows[0].AwaitingInformationDueOn);
        Assert.Empty((await scenario.Intake.SearchAsync(scenario.Officer, new ApplicationQuery { AwaitingInformation = true }))!.Rows);

        var view = (await scenario.Queries.GetAsync(scenario.Officer, id))!;
        Assert.Equal("2026-NKHR-0001", view.ReceiptNumber);
        Assert.Equal(ApplicationStatus.Submitted, view.Status);
        Assert.Equal("Training, with an escort for every trip.", view.Form.Summary);
        var information = (await Requests.ForApplicationAsync(scenario.Officer, id))!;
        var request = Assert.Single(information.Requests);
        Assert.Equal("Buddy system.", request.Before.Answers["safety"]);
        Assert.Equal("Two escorts on every trip.", request.After.Answers["safety"]);
        Assert.Equal("Training for young North Korean defectors who document rights violations.", request.Before.Summary);
        Assert.Equal("Training, with an escort for every trip.", request.After.Summary);
        Assert.Equal(["Safety plan", "Summary"], request.Items.Select(i => i.Label("en", Host.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Core.Localization.Strings>>())));
        Assert.True(information.CanRequest);

        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.Applications.CountAsync());
        Assert.Equal(
            ["application.submitted", "application.information-requested", "application.information-answered"],
            await db.AuditEvents.Where(e => e.EntityType == nameof(Application) && e.Action != "application.draft-started").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        var mail = await db.OutboxMessages.Where(m => m.Purpose == MailPurposes.InformationRequested).Select(m => new { m.RecipientEmail, m.Subject }).SingleAsync();
        Assert.Equal("jiwon@opendoors.example", mail.RecipientEmail);
        Assert.Equal("[GrantPortal] 보완 요청: 2026-NKHR-0001 Young defenders academy", mail.Subject);
    }

    [Fact]
    public async Task A_reopened_file_question_takes_a_replacement_and_every_other_question_keeps_its_files()
    {
        var (scenario, id) = await SubmittedAsync();
        var letter = new Question
        {
            Key = "letter", Type = QuestionType.File, Required = true, MaxFiles = 1, FileKinds = [AttachmentKind.Pdf], LabelEnglish = "Recommendation letter", LabelKorean = "추천서",
        };
        var photo = new Question { Key = "photo", Type = QuestionType.File, LabelEnglish = "Team photo", LabelKorean = "팀 사진" };
        int unsignedLetter, teamPhoto;
        await using (var db = await Host.CreateDbContextAsync())
        {
            var application = await db.Applications.SingleAsync(a => a.Id == id);
            var version = await db.ApplicationFormVersions.SingleAsync(v => v.Id == application.FormVersionId);
            version.Definition = SafetyForm("Safety plan", letter, photo);
            var files = new[] { StoredFile(id, "letter", "unsigned letter.pdf"), StoredFile(id, "photo", "team.pdf") };
            db.Attachments.AddRange(files);
            await db.SaveChangesAsync();
            (unsignedLetter, teamPhoto) = (files[0].Id, files[1].Id);
        }

        var beforeRequest = await scenario.Uploads.UploadAsync(scenario.Applicant, id, "signed letter.pdf", Pdf(), "letter");
        Assert.True((await Request.RequestAsync(scenario.Officer, id, Asking("letter"))).Succeeded);

        var toOtherQuestion = await scenario.Uploads.UploadAsync(scenario.Applicant, id, "new team.pdf", Pdf(), "photo");
        var toGeneralAttachments = await scenario.Uploads.UploadAsync(scenario.Applicant, id, "extra.pdf", Pdf());
        var removeOtherQuestion = await scenario.Deletions.DeleteAsync(scenario.Applicant, teamPhoto);
        var beyondItsCount = await scenario.Uploads.UploadAsync(scenario.Applicant, id, "signed letter.pdf", Pdf(), "letter");
        var removed = await scenario.Deletions.DeleteAsync(scenario.Applicant, unsignedLetter);
        var missing = await Answer.ResubmitAsync(scenario.Applicant, id, new InformationAnswer());
        var wrongKind = await scenario.Uploads.UploadAsync(scenario.Applicant, id, "signed letter.docx", Pdf(), "letter");
        var replacement = await scenario.Uploads.UploadAsync(scenario.Applicant, id, "signed letter.pdf", Pdf(), "letter");
        var resubmitted = await Answer.ResubmitAsync(scenario.Applicant, id, new InformationAnswer());
        var afterResubmission = await scenario.Uploads.UploadAsync(scenario.Applicant, id, "late.pdf", Pdf(), "letter");

        Assert.Equal("This application has been submitted and can no longer be changed.", beforeRequest.Message);
        Assert.Equal("'Team photo' was not reopened by the request; only the reopened questions can change.", toOtherQuestion.Message);
        Assert.Equal("'Attachments' was not reopened by the request; only the reopened questions can change.", toGeneralAttachments.Message);
        Assert.Equal("'Team photo' was not reopened by the request; only the reopened questions can change.", removeOtherQuestion.Message);
        Assert.Equal("“Recommendation letter” takes at most 1 file(s); remove one before adding another.", beyondItsCount.Message);
        Assert.True(removed.Succeeded, removed.Message);
        Assert.Equal(["Attach a file for “Recommendation letter”."], missing.Errors.Select(e => e.Message));
        Assert.Equal("“Recommendation letter” accepts only PDF files; this file is DOCX.", wrongKind.Message);
        Assert.True(replacement.Succeeded, replacement.Message);
        Assert.True(resubmitted.Succeeded, resubmitted.Message);
        Assert.Equal("This application has been submitted and can no longer be changed.", afterResubmission.Message);

        var request = Assert.Single((await Requests.ForApplicationAsync(scenario.Officer, id))!.Requests);
        var item = Assert.Single(request.Items);
        var localizer = Host.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Core.Localization.Strings>>();
        Assert.Equal("unsigned letter.pdf", InformationRequestRules.Text(request.Before, item, "en", localizer));
        Assert.Equal("signed letter.pdf", InformationRequestRules.Text(request.After, item, "en", localizer));
        await using var check = await Host.CreateDbContextAsync();
        Assert.Equal(
            ["letter signed letter.pdf", "photo team.pdf"],
            (await check.Attachments.Where(f => f.ApplicationId == id && f.QuestionKey != null).Select(f => f.QuestionKey + " " + f.DisplayName).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_second_request_while_one_is_open_and_a_request_on_a_draft_are_refused()
    {
        var (scenario, id) = await SubmittedAsync();
        var draft = await scenario.CompleteDraftAsync("Second project");

        var unknown = await Request.RequestAsync(scenario.Officer, id, Asking("no-such-question"));
        var first = await Request.RequestAsync(scenario.Officer, id, Asking("safety"));
        var second = await Request.RequestAsync(scenario.Officer, id, Asking(ReopenableFields.Summary));
        var onDraft = await Request.RequestAsync(scenario.Officer, draft, Asking(ReopenableFields.Summary));

        Assert.True(first.Succeeded, first.Message);
        Assert.Equal("This application already has a request for more information waiting for an answer.", second.Message);
        Assert.Equal(Outcome.NotFound, onDraft.Outcome);
        Assert.Equal("'no-such-question' is not a question of this application.", unknown.Errors.Single().Message);
    }

    [Fact]
    public async Task Reminders_of_information_due_go_out_once_per_member_and_request()
    {
        var (scenario, id) = await SubmittedAsync();
        Assert.True((await Request.RequestAsync(scenario.Officer, id, Asking("safety"))).Succeeded);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        var reminders = ReminderScenario.Reminders(Host, smtp.Configuration.Port);

        async Task<List<string>> PassAsync(LocalDate day)
        {
            Host.Clock.Reset(Core.Time.Seoul.StartOf(day) + Duration.FromHours(9));
            await reminders.RunAsync(CancellationToken.None);
            await reminders.RunAsync(CancellationToken.None);
            await using var db = await Host.CreateDbContextAsync();
            return await db.ReminderDeliveries.Where(d => d.Rule == ReminderRules.InformationDue).OrderBy(d => d.Id).Select(d => d.RecipientId + " " + d.LeadTime).ToListAsync();
        }

        Assert.Empty(await PassAsync(DueOn.PlusDays(-4)));
        Assert.Equal(["applicant-1 3d"], await PassAsync(DueOn.PlusDays(-3)));
        Assert.Equal(["applicant-1 3d"], await PassAsync(DueOn.PlusDays(-2)));
        Assert.Equal(["applicant-1 3d", "applicant-1 1d"], await PassAsync(DueOn.PlusDays(-1)));
        Assert.Equal(["applicant-1 3d", "applicant-1 1d"], await PassAsync(DueOn));
        Assert.Equal(2, smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task Intake_csv_has_a_column_per_question_of_the_calls_newest_form()
    {
        var (scenario, id) = await SubmittedAsync();
        await using (var db = await Host.CreateDbContextAsync())
        {
            var count = new Question { Key = "staff", Type = QuestionType.WholeNumber, LabelEnglish = "Staff", LabelKorean = "인원", UnitEnglish = "people", UnitKorean = "명" };
            var letter = new Question { Key = "letter", Type = QuestionType.File, LabelEnglish = "Recommendation letter", LabelKorean = "추천서" };
            db.ApplicationFormVersions.Add(new ApplicationFormVersion
            {
                CallId = scenario.CallId, Stage = FormStage.Full, Number = 2, Definition = SafetyForm("Safety plan (revised)", count, letter), SavedAt = Host.Clock.GetCurrentInstant(),
            });
            await db.SaveChangesAsync();
        }

        using var output = new MemoryStream();
        Assert.True(await scenario.Intake.ExportCsvAsync(scenario.Officer, new ApplicationQuery { CallId = scenario.CallId }, output));

        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.EndsWith("\"Safety plan (revised)\",\"Partners\",\"Staff\",\"Recommendation letter\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("\"2026-NKHR-0001\"", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("\"Buddy system.\",\"None yet.\",\"\",\"0\"", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Count);
    }
}

public sealed class InformationRequestTests_on_Sqlite : InformationRequestTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class InformationRequestTests_on_PostgreSql(PostgresCluster cluster) : InformationRequestTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
