using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Kernel;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>Answers to a call's own questions: saved, validated against the version answered, moved, kept.</summary>
public abstract class AnswerTests : ProviderTest
{
    private static readonly Question Partners = new() { Key = "partners", Type = QuestionType.ShortText, LabelKorean = "협력 기관", LabelEnglish = "Partners" };

    private static readonly Question Venue = new() { Key = "venue", Type = QuestionType.ShortText, LabelKorean = "장소", LabelEnglish = "Venue" };

    private static readonly Question Defectors = new() { Key = "defectors", Type = QuestionType.YesNo, Required = true, LabelKorean = "북한이탈주민 참여", LabelEnglish = "Defectors take part" };

    private static readonly Question Role = new()
    {
        Key = "role", Type = QuestionType.LongText, Required = true, LabelKorean = "참여 방식", LabelEnglish = "Their role",
        ShowWhen = new ShowWhen("defectors", [AnswerFormat.Yes]),
    };

    private static readonly Question Letter = new()
    {
        Key = "letter", Type = QuestionType.File, Required = true, FileKinds = [AttachmentKind.Pdf], MaxFiles = 1, LabelKorean = "추천서", LabelEnglish = "Letter",
    };

    [Fact]
    public async Task A_new_draft_answers_version_1_of_the_default_form_when_the_call_has_none()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);

        var id = (await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId)).Value;

        var view = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;
        Assert.Equal(1, view.FormVersionNumber);
        Assert.Equal([DefaultForm.Objectives, DefaultForm.Activities, DefaultForm.Beneficiaries], view.FormDefinition.Questions.Select(q => q.Key));
    }

    [Fact]
    public async Task Parallel_saves_of_a_draft_with_custom_answers_keep_one_consistent_version()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await AddFormVersionAsync(scenario, Partners, Venue);
        var id = await scenario.CompleteDraftAsync();
        var view = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;

        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            var form = view.Form with { Answers = new(view.Form.Answers) { ["partners"] = $"Partner {i}", ["venue"] = $"Hall {i}" } };
            return scenario.SaveDraft.SaveDraftAsync(scenario.Applicant, id, form, view.Version);
        })));

        var winner = Array.FindIndex(saves, s => s.Succeeded);
        Assert.Single(saves, s => s.Succeeded);
        Assert.All(saves.Where(s => !s.Succeeded), s => Assert.Equal(Outcome.Conflict, s.Outcome));
        var stored = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;
        Assert.Equal(saves[winner].Value!.Version, stored.Version);
        Assert.Equal($"Partner {winner}", stored.Form.Answers["partners"]);
        Assert.Equal($"Hall {winner}", stored.Form.Answers["venue"]);
    }

    [Fact]
    public async Task Answers_to_questions_the_form_does_not_ask_are_not_stored()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        var view = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;

        var form = view.Form with { Answers = new(view.Form.Answers) { ["salary_of_director"] = "1", [DefaultForm.Objectives] = new string('가', 9000) } };
        Assert.True((await scenario.SaveDraft.SaveDraftAsync(scenario.Applicant, id, form, view.Version)).Succeeded);

        var stored = (await scenario.Queries.GetAsync(scenario.Applicant, id))!.Form.Answers;
        Assert.False(stored.ContainsKey("salary_of_director"));
        Assert.Equal(8000, stored[DefaultForm.Objectives].Length);
    }

    [Fact]
    public async Task A_submitted_applications_answers_and_form_version_survive_later_form_edits()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await AddFormVersionAsync(scenario, Partners, Venue);
        var id = await scenario.CompleteDraftAsync();
        await SaveAnswersAsync(scenario, id, ("partners", "NKDB"), ("venue", "Seoul"));
        Assert.True((await scenario.Submit.SubmitAsync(scenario.Applicant, id)).Succeeded);

        // The officer drops "venue" and rewords "partners" in version 3.
        await AddFormVersionAsync(scenario, Partners with { LabelEnglish = "Partner organizations" });

        var submitted = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.Equal(2, submitted.FormVersionNumber);
        Assert.Equal("Venue", submitted.FormDefinition.Find("venue")!.LabelEnglish);
        Assert.Equal("Seoul", submitted.Form.Answers["venue"]);
        Assert.Equal("NKDB", submitted.Form.Answers["partners"]);
    }

    [Fact]
    public async Task Opening_a_draft_moves_it_to_the_newest_form_carrying_answers_by_key_and_names_new_required_questions()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await AddFormVersionAsync(scenario, Partners, Venue);
        var id = await scenario.CompleteDraftAsync();
        await SaveAnswersAsync(scenario, id, ("partners", "NKDB"), ("venue", "Seoul"));
        await AddFormVersionAsync(scenario, Partners, Defectors);

        var moved = (await InEnglish(() => scenario.Queries.GetAsync(scenario.Applicant, id)))!;

        Assert.Equal(3, moved.FormVersionNumber);
        Assert.Equal(["Defectors take part"], moved.NewRequiredQuestions);
        Assert.Equal("NKDB", moved.Form.Answers["partners"]);
        Assert.False(moved.Form.Answers.ContainsKey("venue"));
        var again = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;
        Assert.Empty(again.NewRequiredQuestions);
        Assert.Equal(moved.Version, again.Version);
        var refused = await InEnglish(() => scenario.Submit.SubmitAsync(scenario.Applicant, id));
        Assert.Equal("Answer “Defectors take part”.", Assert.Single(refused.Errors, e => e.Field == "Answers[defectors]").Message);
    }

    [Fact]
    public async Task A_hidden_questions_stale_answer_is_dropped_on_submission()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await AddFormVersionAsync(scenario, Defectors, Role);
        var id = await scenario.CompleteDraftAsync();
        await SaveAnswersAsync(scenario, id, ("defectors", AnswerFormat.Yes), ("role", "Two trainers."));
        await SaveAnswersAsync(scenario, id, ("defectors", AnswerFormat.No), ("role", "Two trainers."));

        Assert.True((await scenario.Submit.SubmitAsync(scenario.Applicant, id)).Succeeded);

        var submitted = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;
        Assert.Equal(AnswerFormat.No, submitted.Form.Answers["defectors"]);
        Assert.False(submitted.Form.Answers.ContainsKey("role"));
    }

    [Fact]
    public async Task A_file_question_takes_only_its_kinds_and_its_number_of_files_and_a_required_one_needs_a_file()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await AddFormVersionAsync(scenario, Letter);
        var id = await scenario.CompleteDraftAsync();

        var missing = await InEnglish(() => scenario.Submit.SubmitAsync(scenario.Applicant, id));
        var wrongKind = await InEnglish(() => scenario.Uploads.UploadAsync(scenario.Applicant, id, "letter.docx", Pdf(), "letter"));
        var first = await scenario.Uploads.UploadAsync(scenario.Applicant, id, "letter.pdf", Pdf(), "letter");
        var second = await InEnglish(() => scenario.Uploads.UploadAsync(scenario.Applicant, id, "letter-2.pdf", Pdf(), "letter"));
        var unknown = await InEnglish(() => scenario.Uploads.UploadAsync(scenario.Applicant, id, "x.pdf", Pdf(), "no-such-question"));
        var general = await scenario.Uploads.UploadAsync(scenario.Applicant, id, "budget.pdf", Pdf());

        Assert.Equal("Attach a file for “Letter”.", Assert.Single(missing.Errors, e => e.Field == "Answers[letter]").Message);
        Assert.Equal("“Letter” accepts only PDF files; this file is DOCX.", wrongKind.Message);
        Assert.True(first.Succeeded, first.Message);
        Assert.Equal("letter", first.Value!.QuestionKey);
        Assert.Equal("“Letter” takes at most 1 file(s); remove one before adding another.", second.Message);
        Assert.Equal(Outcome.Refused, unknown.Outcome);
        Assert.True(general.Succeeded, general.Message);
        Assert.Null(general.Value!.QuestionKey);
        Assert.True((await scenario.Submit.SubmitAsync(scenario.Applicant, id)).Succeeded);
    }

    /// <summary>A new version of the call's full form: the default questions, then these (what the form builder saves).</summary>
    private static async Task AddFormVersionAsync(ApplicationScenario scenario, params Question[] questions)
    {
        await using var db = await scenario.Host.CreateDbContextAsync();
        var number = await db.ApplicationFormVersions.Where(v => v.CallId == scenario.CallId).Select(v => (int?)v.Number).MaxAsync() ?? 0;
        if (number == 0)
        {
            number = 1;
            db.ApplicationFormVersions.Add(new ApplicationFormVersion { CallId = scenario.CallId, Number = 1, Definition = DefaultForm.Definition, SavedById = "officer-1" });
        }

        db.ApplicationFormVersions.Add(new ApplicationFormVersion
        {
            CallId = scenario.CallId,
            Number = number + 1,
            Definition = DefaultForm.Definition with { Sections = [.. DefaultForm.Definition.Sections, new FormSection { Key = "own", Questions = questions }] },
            SavedAt = scenario.Host.Clock.GetCurrentInstant(),
            SavedById = "officer-1",
        });
        await db.SaveChangesAsync();
    }

    private static async Task SaveAnswersAsync(ApplicationScenario scenario, int id, params (string Key, string Answer)[] answers)
    {
        var view = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;
        var form = view.Form with { Answers = new(view.Form.Answers) };
        foreach (var (key, answer) in answers)
        {
            form.Answers[key] = answer;
        }

        var saved = await scenario.SaveDraft.SaveDraftAsync(scenario.Applicant, id, form, view.Version);
        Assert.True(saved.Succeeded, saved.Message);
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
}

public sealed class AnswerTests_on_Sqlite : AnswerTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class AnswerTests_on_PostgreSql(PostgresCluster cluster) : AnswerTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
