using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Dashboards;
using GrantPortal.Core.Forms;
using GrantPortal.Core.OpenData;
using GrantPortal.Core.Reviews;
using GrantPortal.Core.Time;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>The scenario's call made two-stage: concept notes until 2026-03-04 18:00 KST, full proposals until 2026-03-10 18:00 KST.</summary>
public abstract class TwoStageTests : ProviderTest
{
    private static readonly Instant ConceptDeadline = Seoul.ToInstant(new LocalDateTime(2026, 3, 4, 18, 0));

    private T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    private async Task<ApplicationScenario> TwoStageScenarioAsync(FormDefinition? conceptForm = null)
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await using var db = await Host.CreateDbContextAsync();
        var call = await db.Calls.SingleAsync(c => c.Id == scenario.CallId);
        call.ConceptNoteClosesAt = ConceptDeadline;

        // Members who have chosen a password are the ones the portal writes to.
        foreach (var user in await db.Users.ToListAsync())
        {
            user.PasswordHash = "chosen";
        }

        if (conceptForm is not null)
        {
            db.ApplicationFormVersions.Add(new ApplicationFormVersion
            {
                CallId = call.Id, Stage = FormStage.ConceptNote, Number = 1, Definition = conceptForm, SavedAt = Host.Clock.GetCurrentInstant(), SavedById = "officer-1",
            });
        }

        await db.SaveChangesAsync();
        return scenario;
    }

    private async Task<int> SubmittedConceptNoteAsync(CurrentUser applicant, int callId, string title, Dictionary<string, string>? extra = null)
    {
        var started = await Get<StartConceptNote>().StartAsync(applicant, callId);
        Assert.True(started.Succeeded, started.Message);
        var view = await Get<ConceptNoteQueries>().GetAsync(applicant, started.Value);
        var draft = new ConceptNoteDraft
        {
            ProjectTitle = title,
            Summary = "A touring play on forced repatriation.",
            Answers = { [ConceptNoteForm.Concept] = "Six performances in three cities, with talks after each.", [ConceptNoteForm.EstimatedRequest] = "50000000" },
        };
        foreach (var (key, value) in extra ?? [])
        {
            draft.Answers[key] = value;
        }

        var saved = await Get<SaveConceptNote>().SaveAsync(applicant, started.Value, draft, view!.Version);
        Assert.True(saved.Succeeded, saved.Message);
        var submitted = await Get<SubmitConceptNote>().SubmitAsync(applicant, started.Value);
        Assert.True(submitted.Succeeded, string.Join("; ", submitted.Errors.Select(e => e.Message)) + submitted.Message);
        return started.Value;
    }

    [Fact]
    public async Task Concept_note_is_submitted_under_its_own_receipt_series()
    {
        var scenario = await TwoStageScenarioAsync();

        var first = await SubmittedConceptNoteAsync(scenario.Applicant, scenario.CallId, "Winter on the Yalu");
        var second = await SubmittedConceptNoteAsync(scenario.OtherApplicant, scenario.CallId, "Letters home");

        Assert.Equal("2026-NKHR-C0001", (await Get<ConceptNoteQueries>().GetAsync(scenario.Applicant, first))!.ReceiptNumber);
        Assert.Equal("2026-NKHR-C0002", (await Get<ConceptNoteQueries>().GetAsync(scenario.OtherApplicant, second))!.ReceiptNumber);
        Assert.Null(await Get<ConceptNoteQueries>().GetAsync(scenario.OtherApplicant, first));
        var mail = await Mail.ToAsync(Host.MailPickupDirectory, "jiwon@opendoors.example");
        Assert.Contains("2026-NKHR-C0001", Assert.Single(mail).Subject);
    }

    [Fact]
    public async Task Two_stage_call_refuses_a_direct_application_and_concept_notes_after_their_deadline()
    {
        var scenario = await TwoStageScenarioAsync();

        var direct = await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId);
        Host.Clock.Reset(ConceptDeadline + Duration.FromMinutes(1));
        var late = await Get<StartConceptNote>().StartAsync(scenario.Applicant, scenario.CallId);

        Assert.Equal(Outcome.Refused, direct.Outcome);
        Assert.Equal(Outcome.Refused, late.Outcome);
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.Applications.AnyAsync(a => a.CallId == scenario.CallId));
    }

    [Fact]
    public async Task Organization_not_invited_cannot_start_a_full_proposal_and_reads_why_by_mail()
    {
        var scenario = await TwoStageScenarioAsync();
        var note = await SubmittedConceptNoteAsync(scenario.OtherApplicant, scenario.CallId, "Letters home");
        var shortlist = Get<ShortlistConceptNote>();

        var withoutReason = await shortlist.DecideAsync(scenario.Officer, note, ShortlistDecision.NotInvited, " ");
        var declined = await shortlist.DecideAsync(scenario.Officer, note, ShortlistDecision.NotInvited, "The project repeats one funded last year.");
        var again = await shortlist.DecideAsync(scenario.Officer, note, ShortlistDecision.Invited, null);
        var full = await Get<StartFullProposal>().StartAsync(scenario.OtherApplicant, note);

        Assert.Equal(Outcome.Invalid, withoutReason.Outcome);
        Assert.True(declined.Succeeded, declined.Message);
        Assert.Equal(Outcome.Refused, again.Outcome);
        Assert.Equal(Outcome.Refused, full.Outcome);
        var view = await Get<ConceptNoteQueries>().GetAsync(scenario.OtherApplicant, note);
        Assert.Equal(ShortlistDecision.NotInvited, view!.Decision);
        Assert.False(view.CanStartFullProposal);
        var decision = (await Mail.ToAsync(Host.MailPickupDirectory, "min@hana.example")).Single(m => m.Subject?.StartsWith("Concept note decision", StringComparison.Ordinal) == true);
        Assert.Contains("The project repeats one funded last year.", decision.TextBody, StringComparison.Ordinal);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "concept-note.not-invited"));
        Assert.False(await db.Applications.AnyAsync(a => a.Stage == FormStage.Full));
    }

    [Fact]
    public async Task Invited_organization_submits_a_full_proposal_prefilled_from_its_concept_note()
    {
        var conceptForm = ConceptNoteForm.Definition with
        {
            Sections =
            [
                .. ConceptNoteForm.Definition.Sections,
                new FormSection { Key = "more", Questions = [new Question { Key = DefaultForm.Objectives, Type = QuestionType.LongText, LabelKorean = "목표", LabelEnglish = "Objectives" }] },
            ],
        };
        var scenario = await TwoStageScenarioAsync(conceptForm);
        var note = await SubmittedConceptNoteAsync(scenario.Applicant, scenario.CallId, "Winter on the Yalu", new() { [DefaultForm.Objectives] = "Audiences who know the story." });
        Host.Clock.Reset(ConceptDeadline + Duration.FromDays(1));

        Assert.True((await Get<ShortlistConceptNote>().DecideAsync(scenario.Officer, note, ShortlistDecision.Invited, null)).Succeeded);
        var started = await Get<StartFullProposal>().StartAsync(scenario.Applicant, note);
        var startedAgain = await Get<StartFullProposal>().StartAsync(scenario.Applicant, note);
        var byOther = await Get<StartFullProposal>().StartAsync(scenario.OtherApplicant, note);

        Assert.True(started.Succeeded, started.Message);
        Assert.Equal(started.Value, startedAgain.Value);
        Assert.Equal(Outcome.NotFound, byOther.Outcome);
        var invitation = (await Mail.ToAsync(Host.MailPickupDirectory, "jiwon@opendoors.example")).Single(m => m.Subject?.StartsWith("본 신청서 제출 안내", StringComparison.Ordinal) == true);
        Assert.Contains("2026-03-10 18:00 KST", invitation.TextBody, StringComparison.Ordinal);
        var proposal = await scenario.Queries.GetAsync(scenario.Applicant, started.Value);
        Assert.Equal("Winter on the Yalu", proposal!.Form.ProjectTitle);
        Assert.Equal("A touring play on forced repatriation.", proposal.Form.Summary);
        await using (var db = await Host.CreateDbContextAsync())
        {
            var answers = (await db.Applications.SingleAsync(a => a.Id == started.Value)).Answers;
            Assert.Equal("Audiences who know the story.", answers[DefaultForm.Objectives]);
            Assert.False(answers.ContainsKey(ConceptNoteForm.Concept));
        }

        var saved = await scenario.SaveDraft.SaveDraftAsync(scenario.Applicant, started.Value, ApplicationScenario.CompleteDraft("Winter on the Yalu"), proposal.Version);
        Assert.True(saved.Succeeded, saved.Message);
        var submitted = await scenario.Submit.SubmitAsync(scenario.Applicant, started.Value);

        Assert.True(submitted.Succeeded, string.Join("; ", submitted.Errors.Select(e => e.Message)) + submitted.Message);
        Assert.Equal("2026-NKHR-0001", submitted.Value!.ReceiptNumber);
    }

    [Fact]
    public async Task Concept_note_draft_moves_to_the_officer_s_new_concept_note_form_and_is_checked_against_it()
    {
        var scenario = await TwoStageScenarioAsync();
        var started = await Get<StartConceptNote>().StartAsync(scenario.Applicant, scenario.CallId);
        var before = (await Get<ConceptNoteQueries>().GetAsync(scenario.Applicant, started.Value))!;
        var draft = new ConceptNoteDraft
        {
            ProjectTitle = "Winter on the Yalu",
            Summary = "A touring play on forced repatriation.",
            Answers = { [ConceptNoteForm.Concept] = "Six performances in three cities.", [ConceptNoteForm.EstimatedRequest] = "50000000" },
        };
        Assert.True((await Get<SaveConceptNote>().SaveAsync(scenario.Applicant, started.Value, draft, before.Version)).Succeeded);

        // The officer adds a yes/no question with a required explanation shown only for "yes".
        var builder = (await Get<ApplicationFormQueries>().GetAsync(scenario.Officer, scenario.CallId, FormStage.ConceptNote, CancellationToken.None))!;
        var partnered = new Question { Key = "partnered", Type = QuestionType.YesNo, Required = true, LabelKorean = "협력 여부", LabelEnglish = "With partners" };
        var partners = new Question
        {
            Key = "partners", Type = QuestionType.LongText, Required = true, MaxLength = 300, LabelKorean = "협력 단체", LabelEnglish = "Partners",
            ShowWhen = new ShowWhen("partnered", [AnswerFormat.Yes]),
        };
        var form = builder.Definition with { Sections = [builder.Definition.Sections[0] with { Questions = [.. builder.Definition.Questions, partnered, partners] }] };
        var saved = await Get<SaveApplicationForm>().SaveAsync(scenario.Officer, scenario.CallId, FormStage.ConceptNote, form, builder.Edition, null, CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)) + saved.Message);
        Assert.True(saved.Value!.AddedVersion);

        var moved = (await Get<ConceptNoteQueries>().GetAsync(scenario.Applicant, started.Value))!;
        // Both new questions are required (the explanation once shown), and the notice names them in the reader's language.
        Assert.Equal(["협력 여부", "협력 단체"], moved.NewRequiredQuestions);
        Assert.Equal("Six performances in three cities.", moved.Draft.Answers[ConceptNoteForm.Concept]);
        Assert.NotNull(moved.Form.Find("partners"));
        var unanswered = await Get<SubmitConceptNote>().SubmitAsync(scenario.Applicant, started.Value);
        Assert.Equal(Outcome.Invalid, unanswered.Outcome);
        Assert.Equal(AnswerRules.Field("partnered"), Assert.Single(unanswered.Errors).Field);

        // "Yes" makes the explanation required; "no" hides it, and its stale answer is not submitted.
        var yes = moved.Draft with { Answers = new(moved.Draft.Answers) { ["partnered"] = AnswerFormat.Yes } };
        Assert.True((await Get<SaveConceptNote>().SaveAsync(scenario.Applicant, started.Value, yes, moved.Version)).Succeeded);
        var withoutPartners = await Get<SubmitConceptNote>().SubmitAsync(scenario.Applicant, started.Value);
        Assert.Equal(AnswerRules.Field("partners"), Assert.Single(withoutPartners.Errors).Field);
        var current = (await Get<ConceptNoteQueries>().GetAsync(scenario.Applicant, started.Value))!;
        var no = current.Draft with { Answers = new(current.Draft.Answers) { ["partnered"] = AnswerFormat.No, ["partners"] = "The Seoul Theatre Company" } };
        Assert.True((await Get<SaveConceptNote>().SaveAsync(scenario.Applicant, started.Value, no, current.Version)).Succeeded);
        var submitted = await Get<SubmitConceptNote>().SubmitAsync(scenario.Applicant, started.Value);

        Assert.True(submitted.Succeeded, string.Join("; ", submitted.Errors.Select(e => e.Message)) + submitted.Message);
        await using var db = await Host.CreateDbContextAsync();
        var stored = await db.Applications.SingleAsync(a => a.Id == started.Value);
        Assert.False(stored.Answers.ContainsKey("partners"));
        Assert.Equal(AnswerFormat.No, stored.Answers["partnered"]);
    }

    [Fact]
    public async Task Concept_notes_never_count_as_applications_in_intake_review_awards_or_open_data()
    {
        var scenario = await TwoStageScenarioAsync();
        var note = await SubmittedConceptNoteAsync(scenario.Applicant, scenario.CallId, "Winter on the Yalu");
        Assert.True((await Get<ShortlistConceptNote>().DecideAsync(scenario.Officer, note, ShortlistDecision.Invited, null)).Succeeded);

        var intake = await scenario.Intake.SearchAsync(scenario.Officer, new ApplicationQuery { CallId = scenario.CallId });
        var board = await Get<AssignmentQueries>().GetBoardAsync(scenario.Officer, scenario.CallId);
        var ranking = await Get<RankingQueries>().GetAsync(scenario.Officer, scenario.CallId);
        var officer = await Get<DashboardService>().ForOfficerAsync(scenario.Officer, CancellationToken.None);
        var applicant = await Get<DashboardService>().ForApplicantAsync(scenario.Applicant, CancellationToken.None);
        using var openData = new MemoryStream();
        await Get<OpenDataService>().WriteGrantsJsonAsync(2026, openData, CancellationToken.None);

        Assert.Equal(0, intake!.TotalCount);
        Assert.Empty(board!.Applications);
        Assert.Empty(ranking!.Rows);
        Assert.Equal(0, officer!.SubmittedInOpenCalls);
        Assert.Equal(0, applicant!.Submitted);
        Assert.DoesNotContain("Winter on the Yalu", System.Text.Encoding.UTF8.GetString(openData.ToArray()), StringComparison.Ordinal);
        Assert.Single(await Get<ConceptNoteQueries>().ListForOrganizationAsync(scenario.Applicant));
        Assert.Empty(await scenario.Queries.ListForOrganizationAsync(scenario.Applicant));

        // Once closed, the awarding list counts no application, and finalizing rejects undecided full proposals only:
        // the concept note keeps its decision and status.
        Host.Clock.Reset(ApplicationScenario.ClosesAt + Duration.FromDays(30));
        var awarding = (await Get<AwardQueries>().ListCallsAsync(scenario.Officer)).Single(c => c.Id == scenario.CallId);
        Assert.Equal(0, awarding.Applications);
        await Get<FinalizeCall>().FinalizeAsync(scenario.Officer, scenario.CallId);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync(a => a.Id == note)).Status);
    }
}

public sealed class TwoStageTests_on_Sqlite : TwoStageTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class TwoStageTests_on_PostgreSql(PostgresCluster cluster) : TwoStageTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
