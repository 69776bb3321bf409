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

/// <summary>A two-stage call's concept-note form in the builder, and changing a call's stages once organizations have applied.</summary>
public abstract class ConceptNoteFormTests : ProviderTest
{
    private static readonly CurrentUser Officer = new("officer-1", "Park Officer", null, new HashSet<string> { Roles.ProgramOfficer });
    private static readonly LocalDateTime ConceptNoteCloses = new(2026, 3, 16, 18, 0);

    private static readonly Question Partners = new()
    {
        Key = "partners", Type = QuestionType.ShortText, Required = true, MaxLength = 200,
        LabelKorean = "협력 단체", LabelEnglish = "Partners",
    };

    protected ConceptNoteFormTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private ApplicationFormQueries Forms => Host.Services.GetRequiredService<ApplicationFormQueries>();

    private SaveApplicationForm Save => Host.Services.GetRequiredService<SaveApplicationForm>();

    private static FormDefinition With(FormDefinition form, Question question) =>
        form with { Sections = [.. form.Sections.Take(form.Sections.Count - 1), form.Sections[^1] with { Questions = [.. form.Sections[^1].Questions, question] }] };

    private async Task<int> CreateCallAsync(string code, bool twoStage)
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
            Year = 2026, Code = code, TitleKorean = "문화 공모 " + code, TitleEnglish = "Culture call " + code,
            Categories = ProjectCategories.CapacityBuilding,
            Opens = new LocalDateTime(2026, 3, 2, 9, 0), Closes = new LocalDateTime(2026, 4, 3, 18, 0),
            ConceptNoteCloses = twoStage ? ConceptNoteCloses : null,
            MinimumRequest = new Krw(10_000_000), MaximumRequest = new Krw(100_000_000), Envelope = new Krw(300_000_000),
            ReviewersPerApplication = 3, ReviewDueOn = new LocalDate(2026, 4, 24),
            Criteria = { new CriterionForm { NameKorean = "타당성", NameEnglish = "Relevance", Weight = 1m } },
        }, CancellationToken.None);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return created.Value;
    }

    private async Task<CallForm> EditFormAsync(int callId) =>
        (await Host.Services.GetRequiredService<CallQueries>().GetForEditAsync(Officer, callId, CancellationToken.None))!.Form;

    private async Task PublishAsync(int callId) =>
        Assert.True((await Host.Services.GetRequiredService<PublishCall>().PublishAsync(Officer, callId, (await EditFormAsync(callId)).Version, CancellationToken.None)).Succeeded);

    /// <summary>An organization's concept note or full proposal on the newest form of its stage, as starting one leaves it.</summary>
    private async Task<int> ApplyAsync(int callId, FormStage stage)
    {
        await using var db = await Host.CreateDbContextAsync();
        var now = Host.Clock.GetCurrentInstant();
        var organization = Organization.Register("Stage Two " + Guid.NewGuid().ToString("N")[..6], "무대둘", "123-82-" + Random.Shared.Next(10000, 99999), OrganizationType.Other, "Han", "han@example.org", now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        var application = stage == FormStage.ConceptNote
            ? Application.StartConceptNote(call, organization.Id, "applicant-1", now)
            : Application.StartDraft(call, organization.Id, "applicant-1", now);
        application.FormVersionId = (await FormVersions.CurrentAsync(db, callId, stage, CancellationToken.None)).VersionId;
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    private async Task<List<(FormStage Stage, int Number, FormDefinition Definition)>> StoredAsync(int callId)
    {
        await using var db = await Host.CreateDbContextAsync();
        return (await db.ApplicationFormVersions.Where(v => v.CallId == callId).ToListAsync())
            .OrderBy(v => v.Stage).ThenBy(v => v.Number).Select(v => (v.Stage, v.Number, v.Definition)).ToList();
    }

    [Fact]
    public async Task Concept_note_form_changes_in_place_until_published_then_adds_versions_apart_from_the_full_form()
    {
        var callId = await CreateCallAsync("CULT", twoStage: true);
        var first = (await Forms.GetAsync(Officer, callId, FormStage.ConceptNote, CancellationToken.None))!;
        Assert.Equal(FormStage.ConceptNote, first.Stage);
        Assert.True(first.IsTwoStage);
        Assert.Equal([ConceptNoteForm.Concept, ConceptNoteForm.EstimatedRequest], first.Definition.Questions.Select(q => q.Key));
        Assert.True(first.SavesInPlace);

        var inPlace = await Save.SaveAsync(Officer, callId, FormStage.ConceptNote, With(first.Definition, Partners), first.Edition, null, CancellationToken.None);
        Assert.True(inPlace.Succeeded, inPlace.Message);
        Assert.Equal(1, inPlace.Value!.Number);
        Assert.False(inPlace.Value.AddedVersion);

        await PublishAsync(callId);
        await ApplyAsync(callId, FormStage.ConceptNote);
        var published = (await Forms.GetAsync(Officer, callId, FormStage.ConceptNote, CancellationToken.None))!;
        Assert.False(published.SavesInPlace);
        Assert.Equal([(1, 1)], published.Versions.Select(v => (v.Number, v.Answered)));
        var next = await Save.SaveAsync(Officer, callId, FormStage.ConceptNote, published.Definition with { Sections = [] }, published.Edition, null, CancellationToken.None);
        Assert.Equal(2, next.Value!.Number);
        Assert.True(next.Value.AddedVersion);

        // The full form kept its own version 1, untouched, and its count of answers leaves concept notes out.
        var full = (await Forms.GetAsync(Officer, callId, CancellationToken.None))!;
        Assert.Equal([(1, 0)], full.Versions.Select(v => (v.Number, v.Answered)));
        var stored = await StoredAsync(callId);
        Assert.Equal([(FormStage.Full, 1), (FormStage.ConceptNote, 1), (FormStage.ConceptNote, 2)], stored.Select(v => (v.Stage, v.Number)));
        Assert.Contains("partners", stored[1].Definition.Questions.Select(q => q.Key));
        Assert.Empty(stored[2].Definition.Questions);

        await using var db = await Host.CreateDbContextAsync();
        var id = callId.ToString(CultureInfo.InvariantCulture);
        var events = await db.AuditEvents.Where(e => e.EntityType == nameof(Call) && e.EntityId == id && e.Action == "form.saved").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Contains("\"stage\":\"ConceptNote\"", e.After, StringComparison.Ordinal));
        Assert.Contains("partners", events[0].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concept_note_form_save_from_a_stale_edition_is_refused_and_changes_nothing()
    {
        var callId = await CreateCallAsync("CULT", twoStage: true);
        var mine = (await Forms.GetAsync(Officer, callId, FormStage.ConceptNote, CancellationToken.None))!;
        var theirs = (await Forms.GetAsync(Officer, callId, FormStage.ConceptNote, CancellationToken.None))!;
        Assert.True((await Save.SaveAsync(Officer, callId, FormStage.ConceptNote, With(theirs.Definition, Partners), theirs.Edition, null, CancellationToken.None)).Succeeded);

        var stale = await Save.SaveAsync(Officer, callId, FormStage.ConceptNote, ConceptNoteForm.Definition with { Sections = [] }, mine.Edition, null, CancellationToken.None);

        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.Contains("partners", (await StoredAsync(callId)).Single(v => v.Stage == FormStage.ConceptNote).Definition.Questions.Select(q => q.Key));
    }

    [Fact]
    public async Task Single_stage_call_has_no_concept_note_form_to_edit()
    {
        var callId = await CreateCallAsync("YOUTH", twoStage: false);
        var full = (await Forms.GetAsync(Officer, callId, CancellationToken.None))!;

        var saved = await Save.SaveAsync(Officer, callId, FormStage.ConceptNote, ConceptNoteForm.Definition, full.Edition, null, CancellationToken.None);

        Assert.Null(await Forms.GetAsync(Officer, callId, FormStage.ConceptNote, CancellationToken.None));
        Assert.False(full.IsTwoStage);
        Assert.Equal(Outcome.Refused, saved.Outcome);
        Assert.DoesNotContain(await StoredAsync(callId), v => v.Stage == FormStage.ConceptNote);
    }

    [Fact]
    public async Task Open_call_with_full_proposals_cannot_become_two_stage_in_either_language()
    {
        var callId = await CreateCallAsync("YOUTH", twoStage: false);
        await PublishAsync(callId);
        await ApplyAsync(callId, FormStage.Full);
        var update = Host.Services.GetRequiredService<UpdateCall>();
        var form = await EditFormAsync(callId);
        form.ConceptNoteCloses = ConceptNoteCloses;

        var english = await update.UpdateAsync(Officer, form, confirmDeadlineChange: true, CancellationToken.None);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        var korean = await update.UpdateAsync(Officer, form, confirmDeadlineChange: true, CancellationToken.None);

        Assert.Equal(Outcome.Refused, english.Outcome);
        Assert.Equal("This call already has 1 full proposal(s), drafted or submitted without a concept note, so it cannot become two-stage. Keep it single-stage, or open a new two-stage call.", english.Message);
        Assert.Equal(nameof(CallForm.ConceptNoteCloses), Assert.Single(english.Errors).Field);
        Assert.StartsWith("이 공모에는 사업 개요서 없이 작성하거나 제출한 본 신청서가 이미 1건 있어", korean.Message, StringComparison.Ordinal);
        Assert.Null((await EditFormAsync(callId)).ConceptNoteCloses);
    }

    [Fact]
    public async Task Two_stage_call_with_concept_notes_stays_two_stage_but_one_without_may_switch_back()
    {
        var withNotes = await CreateCallAsync("CULT", twoStage: true);
        var withoutNotes = await CreateCallAsync("ARTS", twoStage: true);
        await PublishAsync(withNotes);
        await ApplyAsync(withNotes, FormStage.ConceptNote);
        var update = Host.Services.GetRequiredService<UpdateCall>();
        var refusedForm = await EditFormAsync(withNotes);
        refusedForm.ConceptNoteCloses = null;
        var allowedForm = await EditFormAsync(withoutNotes);
        allowedForm.ConceptNoteCloses = null;

        var refused = await update.UpdateAsync(Officer, refusedForm, confirmDeadlineChange: true, CancellationToken.None);
        var allowed = await update.UpdateAsync(Officer, allowedForm, confirmDeadlineChange: true, CancellationToken.None);

        Assert.Equal(Outcome.Refused, refused.Outcome);
        Assert.Equal("This call already has 1 concept note(s), so it must stay two-stage: their organizations would otherwise lose the way to a full proposal.", refused.Message);
        Assert.Equal(ConceptNoteCloses, (await EditFormAsync(withNotes)).ConceptNoteCloses);
        Assert.True(allowed.Succeeded, allowed.Message);
        Assert.Null((await EditFormAsync(withoutNotes)).ConceptNoteCloses);
    }
}

public sealed class ConceptNoteFormTests_on_Sqlite : ConceptNoteFormTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ConceptNoteFormTests_on_PostgreSql(PostgresCluster cluster) : ConceptNoteFormTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
