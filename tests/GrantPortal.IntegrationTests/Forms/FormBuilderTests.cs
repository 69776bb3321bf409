using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Kernel;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Forms;

public abstract class FormBuilderTests : ProviderTest
{
    private static readonly CurrentUser Officer = new("officer-1", "Park Officer", null, new HashSet<string> { Roles.ProgramOfficer });
    private static readonly CurrentUser SecondOfficer = new("officer-2", "Choi Officer", null, new HashSet<string> { Roles.ProgramOfficer });
    private static readonly CurrentUser Applicant = new("applicant-1", "Kim Applicant", 1, new HashSet<string> { Roles.Applicant });
    private static readonly CurrentUser Reviewer = new("reviewer-1", "Lee Reviewer", null, new HashSet<string> { Roles.Reviewer });

    protected FormBuilderTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private ApplicationFormQueries Forms => Host.Services.GetRequiredService<ApplicationFormQueries>();

    private SaveApplicationForm Save => Host.Services.GetRequiredService<SaveApplicationForm>();

    private CopyApplicationForm Copy => Host.Services.GetRequiredService<CopyApplicationForm>();

    private static readonly Question SafetyPlan = new()
    {
        Key = "safety_plan", Type = QuestionType.LongText, Required = true, MaxLength = 4000,
        LabelKorean = "안전 계획", LabelEnglish = "Safety plan",
    };

    private static FormDefinition With(FormDefinition form, Question question) =>
        form with { Sections = [.. form.Sections.Take(form.Sections.Count - 1), form.Sections[^1] with { Questions = [.. form.Sections[^1].Questions, question] }] };

    private async Task<int> CreateCallAsync(string code)
    {
        await using (var db = await Host.CreateDbContextAsync())
        {
            if (!await db.BudgetYears.AnyAsync(y => y.Year == 2026))
            {
                db.BudgetYears.Add(BudgetYear.Open(2026, new Krw(1_800_000_000)));
                await db.SaveChangesAsync();
            }
        }

        var created = await Host.Services.GetRequiredService<CreateCall>().CreateAsync(Officer, new CallForm
        {
            Year = 2026, Code = code, TitleKorean = "청년 공모 " + code, TitleEnglish = "Youth call " + code,
            Categories = ProjectCategories.CapacityBuilding,
            Opens = new LocalDateTime(2026, 3, 2, 9, 0), Closes = new LocalDateTime(2026, 4, 3, 18, 0),
            MinimumRequest = new Krw(10_000_000), MaximumRequest = new Krw(100_000_000), Envelope = new Krw(300_000_000),
            ReviewersPerApplication = 3, ReviewDueOn = new LocalDate(2026, 4, 24),
            Criteria = { new CriterionForm { NameKorean = "타당성", NameEnglish = "Relevance", Weight = 1m } },
        }, CancellationToken.None);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return created.Value;
    }

    private async Task PublishAsync(int callId)
    {
        var version = (await Host.Services.GetRequiredService<CallQueries>().GetForEditAsync(Officer, callId, CancellationToken.None))!.Form.Version;
        Assert.True((await Host.Services.GetRequiredService<PublishCall>().PublishAsync(Officer, callId, version, CancellationToken.None)).Succeeded);
    }

    /// <summary>An organization starts a draft on the call's newest version, as the applicant's editor does.</summary>
    private async Task AnswerNewestAsync(int callId)
    {
        await using var db = await Host.CreateDbContextAsync();
        var now = Host.Clock.GetCurrentInstant();
        var organization = Organization.Register("Open Doors " + Guid.NewGuid().ToString("N")[..6], "열린문", "123-82-" + Random.Shared.Next(10000, 99999), OrganizationType.IncorporatedAssociation, "Kim", "kim@example.org", now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        var draft = Application.StartDraft(call, organization.Id, "applicant-1", now);
        draft.FormVersionId = await db.ApplicationFormVersions.Where(v => v.CallId == callId).OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
        db.Applications.Add(draft);
        await db.SaveChangesAsync();
    }

    private async Task<CallApplicationForm> LoadAsync(int callId) => (await Forms.GetAsync(Officer, callId, CancellationToken.None))!;

    private async Task<List<(int Number, FormDefinition Definition)>> StoredAsync(int callId)
    {
        await using var db = await Host.CreateDbContextAsync();
        return (await db.ApplicationFormVersions.Where(v => v.CallId == callId).OrderBy(v => v.Number).ToListAsync())
            .Select(v => (v.Number, v.Definition)).ToList();
    }

    private async Task<List<AuditEventRow>> FormEventsAsync(int callId)
    {
        await using var db = await Host.CreateDbContextAsync();
        var id = callId.ToString(CultureInfo.InvariantCulture);
        return await db.AuditEvents.Where(e => e.EntityType == nameof(Call) && e.EntityId == id && e.Action.StartsWith("form."))
            .OrderBy(e => e.Id).Select(e => new AuditEventRow(e.Action, e.ActorId, e.Before, e.After)).ToListAsync();
    }

    private sealed record AuditEventRow(string Action, string? ActorId, string? Before, string? After);

    [Fact]
    public async Task A_new_call_starts_with_the_default_form_as_version_1()
    {
        var callId = await CreateCallAsync("YOUTH");

        var form = await LoadAsync(callId);
        Assert.Equal(1, form.Number);
        Assert.Equal([DefaultForm.Objectives, DefaultForm.Activities, DefaultForm.Beneficiaries], form.Definition.Questions.Select(q => q.Key));
        Assert.True(form.SavesInPlace);
        Assert.Equal([1], (await StoredAsync(callId)).Select(v => v.Number));
    }

    [Fact]
    public async Task Saving_an_unpublished_call_s_form_replaces_its_version_and_each_save_is_audited()
    {
        var callId = await CreateCallAsync("YOUTH");
        var first = await LoadAsync(callId);

        var saved = await Save.SaveAsync(Officer, callId, With(first.Definition, SafetyPlan), first.Edition, copiedFrom: null, CancellationToken.None);
        Assert.True(saved.Succeeded);
        Assert.Equal(1, saved.Value!.Number);
        Assert.False(saved.Value.AddedVersion);

        var second = await LoadAsync(callId);
        var dropped = second.Definition with { Sections = [second.Definition.Sections[0] with { Questions = [.. second.Definition.Questions.Where(q => q.Key != DefaultForm.Beneficiaries)] }] };
        Assert.True((await Save.SaveAsync(Officer, callId, dropped, second.Edition, null, CancellationToken.None)).Succeeded);

        var stored = Assert.Single(await StoredAsync(callId));
        Assert.Equal(1, stored.Number);
        Assert.Equal([DefaultForm.Objectives, DefaultForm.Activities, "safety_plan"], stored.Definition.Questions.Select(q => q.Key));
        var events = await FormEventsAsync(callId);
        Assert.Equal(["form.saved", "form.saved"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(Officer.UserId, e.ActorId));
        Assert.DoesNotContain("safety_plan", events[0].Before, StringComparison.Ordinal);
        Assert.Contains("safety_plan", events[0].After, StringComparison.Ordinal);
        Assert.Contains(DefaultForm.Beneficiaries, events[1].Before, StringComparison.Ordinal);
        Assert.DoesNotContain(DefaultForm.Beneficiaries, events[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_publication_a_save_adds_a_version_and_answers_are_counted_per_version()
    {
        var callId = await CreateCallAsync("YOUTH");
        await PublishAsync(callId);
        await AnswerNewestAsync(callId);
        var before = await LoadAsync(callId);
        Assert.False(before.SavesInPlace);

        var saved = await Save.SaveAsync(Officer, callId, With(before.Definition, SafetyPlan), before.Edition, null, CancellationToken.None);
        Assert.True(saved.Succeeded);
        Assert.Equal(2, saved.Value!.Number);
        Assert.True(saved.Value.AddedVersion);
        Assert.True(saved.Value.IsPublished);

        await AnswerNewestAsync(callId);
        await AnswerNewestAsync(callId);
        var after = await LoadAsync(callId);
        Assert.Equal(2, after.Number);
        Assert.Equal([(1, 1), (2, 2)], after.Versions.Select(v => (v.Number, v.Answered)));
        var stored = await StoredAsync(callId);
        Assert.Equal(3, stored[0].Definition.Questions.Count());
        Assert.Equal(4, stored[1].Definition.Questions.Count());
    }

    [Fact]
    public async Task An_answered_form_of_an_unpublished_call_still_gets_a_new_version()
    {
        var callId = await CreateCallAsync("YOUTH");
        await AnswerNewestAsync(callId);
        var form = await LoadAsync(callId);

        var saved = await Save.SaveAsync(Officer, callId, With(form.Definition, SafetyPlan), form.Edition, null, CancellationToken.None);

        Assert.Equal(2, saved.Value!.Number);
        Assert.Equal([1, 2], (await StoredAsync(callId)).Select(v => v.Number));
    }

    [Fact]
    public async Task A_save_from_a_form_someone_else_saved_meanwhile_is_refused_and_changes_nothing()
    {
        var callId = await CreateCallAsync("YOUTH");
        var mine = await LoadAsync(callId);
        var theirs = await LoadAsync(callId);
        Assert.True((await Save.SaveAsync(SecondOfficer, callId, With(theirs.Definition, SafetyPlan), theirs.Edition, null, CancellationToken.None)).Succeeded);

        var stale = await Save.SaveAsync(Officer, callId, DefaultForm.Definition with { Sections = [] }, mine.Edition, null, CancellationToken.None);

        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.Contains("Someone saved this form", stale.Message, StringComparison.Ordinal);
        Assert.Contains("safety_plan", (await StoredAsync(callId)).Single().Definition.Questions.Select(q => q.Key));
        Assert.Single(await FormEventsAsync(callId));
    }

    [Fact]
    public async Task Parallel_saves_of_one_published_form_add_one_version_and_refuse_the_rest()
    {
        var callId = await CreateCallAsync("YOUTH");
        await PublishAsync(callId);
        var loaded = await LoadAsync(callId);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Save.SaveAsync(
            Officer, callId, With(loaded.Definition, SafetyPlan with { Key = "extra_" + i }), loaded.Edition, null, CancellationToken.None)));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(Outcome.Conflict, r.Outcome));
        Assert.Equal([1, 2], (await StoredAsync(callId)).Select(v => v.Number));
    }

    [Fact]
    public async Task An_invalid_form_is_refused_on_its_fields_and_nothing_is_saved()
    {
        var callId = await CreateCallAsync("YOUTH");
        var form = await LoadAsync(callId);

        var result = await Save.SaveAsync(Officer, callId, With(form.Definition, SafetyPlan with { LabelEnglish = "", MinLength = 5000 }), form.Edition, null, CancellationToken.None);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal(["Sections[0].Questions[3].LabelEnglish", "Sections[0].Questions[3].MaxLength"], result.Errors.Select(e => e.Field));
        Assert.Equal(3, (await StoredAsync(callId)).Single().Definition.Questions.Count());
        Assert.Empty(await FormEventsAsync(callId));
    }

    [Fact]
    public async Task A_question_already_answered_keeps_its_type()
    {
        var callId = await CreateCallAsync("YOUTH");
        await AnswerNewestAsync(callId);
        var form = await LoadAsync(callId);
        var retyped = form.Definition with
        {
            Sections = [form.Definition.Sections[0] with { Questions = [.. form.Definition.Questions.Select(q => q.Key == DefaultForm.Objectives ? q with { Type = QuestionType.ShortText, MaxLength = 500 } : q)] }],
        };

        var result = await Save.SaveAsync(Officer, callId, retyped, form.Edition, null, CancellationToken.None);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("Sections[0].Questions[0].Type", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task Copying_an_earlier_call_s_form_changes_nothing_until_saved_and_the_save_names_the_source()
    {
        var earlier = await CreateCallAsync("CULT");
        var first = await LoadAsync(earlier);
        Assert.True((await Save.SaveAsync(Officer, earlier, With(first.Definition, SafetyPlan), first.Edition, null, CancellationToken.None)).Succeeded);
        var callId = await CreateCallAsync("YOUTH");

        var sources = await Forms.ListSourcesAsync(Officer, callId, CancellationToken.None);
        var source = Assert.Single(sources);
        Assert.Equal(("CULT", 4), (source.Code, source.Questions));

        var copied = await Copy.CopyAsync(Officer, callId, earlier, CancellationToken.None);
        Assert.True(copied.Succeeded);
        Assert.Equal("CULT", copied.Value!.Code);
        Assert.Contains("safety_plan", copied.Value.Definition.Questions.Select(q => q.Key));
        Assert.Equal(3, (await StoredAsync(callId)).Single().Definition.Questions.Count());

        var form = await LoadAsync(callId);
        Assert.True((await Save.SaveAsync(Officer, callId, copied.Value.Definition, form.Edition, copiedFrom: earlier, CancellationToken.None)).Succeeded);
        Assert.Contains("safety_plan", (await StoredAsync(callId)).Single().Definition.Questions.Select(q => q.Key));
        var copiedEvent = Assert.Single(await FormEventsAsync(callId));
        Assert.Equal("form.copied", copiedEvent.Action);
        Assert.Contains("\"code\":\"CULT\"", copiedEvent.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_program_officers_read_save_or_copy_a_form()
    {
        var earlier = await CreateCallAsync("CULT");
        var callId = await CreateCallAsync("YOUTH");
        var form = await LoadAsync(callId);

        foreach (var other in new[] { Applicant, Reviewer })
        {
            Assert.Null(await Forms.GetAsync(other, callId, CancellationToken.None));
            Assert.Empty(await Forms.ListSourcesAsync(other, callId, CancellationToken.None));
            Assert.Equal(Outcome.NotFound, (await Save.SaveAsync(other, callId, With(form.Definition, SafetyPlan), form.Edition, null, CancellationToken.None)).Outcome);
            Assert.Equal(Outcome.NotFound, (await Copy.CopyAsync(other, callId, earlier, CancellationToken.None)).Outcome);
        }

        Assert.Equal(3, (await StoredAsync(callId)).Single().Definition.Questions.Count());
        Assert.Empty(await FormEventsAsync(callId));
        Assert.Null(await Forms.GetAsync(Officer, 9999, CancellationToken.None));
        Assert.Equal(Outcome.NotFound, (await Save.SaveAsync(Officer, 9999, DefaultForm.Definition, form.Edition, null, CancellationToken.None)).Outcome);
    }
}

public sealed class FormBuilderTests_on_Sqlite : FormBuilderTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class FormBuilderTests_on_PostgreSql(PostgresCluster cluster) : FormBuilderTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
