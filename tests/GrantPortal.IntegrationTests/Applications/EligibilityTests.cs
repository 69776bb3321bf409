using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Money;
using GrantPortal.Core.Time;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>A call's eligibility: screening questions before a draft, and the structural rules at start and at submission.</summary>
public abstract class EligibilityTests : ProviderTest
{
    protected EligibilityTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private static readonly ScreeningQuestion NonProfit = new()
    {
        Key = "nonprofit-registered",
        Type = QuestionType.YesNo,
        TextKorean = "비영리민간단체로 등록되어 있습니까?",
        TextEnglish = "Is your organization registered as a non-profit civil organization?",
        IneligibleAnswers = [AnswerFormat.No],
        ReasonKorean = "비영리민간단체만 신청할 수 있습니다.",
        ReasonEnglish = "Only registered non-profit civil organizations may apply.",
    };

    private static readonly ScreeningQuestion Abroad = NonProfit with
    {
        Key = "based-abroad",
        TextKorean = "해외에 본부가 있습니까?",
        TextEnglish = "Is your organization based abroad?",
        IneligibleAnswers = [AnswerFormat.Yes],
        ReasonKorean = "국내 단체만 신청할 수 있습니다.",
        ReasonEnglish = "Only organizations based in Korea may apply.",
    };

    private static Dictionary<string, string> Answers(string nonProfit, string abroad = AnswerFormat.No) =>
        new() { [NonProfit.Key] = nonProfit, [Abroad.Key] = abroad };

    [Fact]
    public async Task A_failing_answer_starts_no_draft_tells_the_reason_and_counts_one_screen_out_without_who()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await RulesAsync(scenario, new EligibilityRules { Questions = [NonProfit, Abroad] });

        var started = await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId, Answers(AnswerFormat.No));

        Assert.Equal(Outcome.Refused, started.Outcome);
        var reason = Assert.Single(started.Errors);
        Assert.Equal((NonProfit.Key, "Only registered non-profit civil organizations may apply."), (reason.Field, reason.Message));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(0, await db.Applications.CountAsync());
        var screenOut = Assert.Single(await db.EligibilityScreenOuts.ToListAsync());
        Assert.Equal((scenario.CallId, NonProfit.Key, Host.Clock.GetCurrentInstant()), (screenOut.CallId, screenOut.QuestionKey, screenOut.At));

        // The officer reads counts per question, and nothing else: the row has no column that could name anyone.
        var counts = await Host.Services.GetRequiredService<EligibilityQueries>().ScreenOutCountsAsync(scenario.Officer, scenario.CallId);
        Assert.Equal([(NonProfit.Key, 1), (Abroad.Key, 0)], counts.Select(c => (c.QuestionKey, c.Count)));
        var columns = db.Model.FindEntityType(typeof(EligibilityScreenOut))!.GetProperties().Select(p => p.Name).Order();
        Assert.Equal(["At", "CallId", "Id", "QuestionKey"], columns);
        Assert.Empty(await Host.Services.GetRequiredService<EligibilityQueries>().ScreenOutCountsAsync(scenario.Applicant, scenario.CallId));
    }

    [Fact]
    public async Task Reasons_are_in_the_readers_language_one_per_failing_question()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await RulesAsync(scenario, new EligibilityRules { Questions = [NonProfit, Abroad] });

        var started = await Languages.InLanguage("ko", () => scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId, Answers(AnswerFormat.No, AnswerFormat.Yes)));

        Assert.Equal(["비영리민간단체만 신청할 수 있습니다.", "국내 단체만 신청할 수 있습니다."], started.Errors.Select(e => e.Message));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(2, await db.EligibilityScreenOuts.CountAsync());
    }

    [Fact]
    public async Task Passing_answers_start_the_draft_and_unanswered_questions_start_nothing()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await RulesAsync(scenario, new EligibilityRules { Questions = [NonProfit, Abroad] });

        var unanswered = await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId);
        var started = await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId, Answers(AnswerFormat.Yes));
        var returned = await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId);

        Assert.Equal(Outcome.Invalid, unanswered.Outcome);
        Assert.Equal([NonProfit.Key, Abroad.Key], unanswered.Errors.Select(e => e.Field));
        Assert.True(started.Succeeded, started.Message);

        // Returning to the draft begun asks nothing again.
        Assert.Equal((Outcome.Done, started.Value), (returned.Outcome, returned.Value));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.Applications.CountAsync());
        Assert.Equal(0, await db.EligibilityScreenOuts.CountAsync());
    }

    [Fact]
    public async Task One_application_per_organization_refuses_a_second_draft_but_allows_revising_the_first()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var first = await scenario.CompleteDraftAsync();
        var second = (await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId)).Value;
        Assert.Equal(first, second);
        var receipt = (await scenario.Submit.SubmitAsync(scenario.Applicant, first)).Value!.ReceiptNumber;

        // The rule is switched on after the submission, and before a second project was begun.
        await RulesAsync(scenario, new EligibilityRules { OneApplicationPerOrganization = true });
        var another = await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId);
        var state = await scenario.Queries.ApplyStateAsync(scenario.Applicant, scenario.CallId);
        var revision = await scenario.Revise.ReviseAsync(scenario.Applicant, first);
        var view = await scenario.Queries.GetAsync(scenario.Applicant, revision.Value);
        Assert.True((await scenario.SaveDraft.SaveDraftAsync(scenario.Applicant, revision.Value, ApplicationScenario.CompleteDraft("Revised"), view!.Version)).Succeeded);
        var resubmitted = await scenario.Submit.SubmitAsync(scenario.Applicant, revision.Value);
        var otherOrganization = await scenario.StartDraft.StartDraftAsync(scenario.OtherApplicant, scenario.CallId);

        Assert.Equal(Outcome.Refused, another.Outcome);
        Assert.Contains(receipt, another.Message, StringComparison.Ordinal);
        Assert.Contains("one application per organization", another.Message, StringComparison.Ordinal);
        Assert.Equal((ApplyStep.Apply, first, true), (state!.Step, state.SubmittedId, state.OneApplicationOnly));
        Assert.True(resubmitted.Succeeded, resubmitted.Message);
        Assert.True(otherOrganization.Succeeded);
    }

    [Fact]
    public async Task A_second_draft_begun_before_the_rule_cannot_be_submitted_once_the_first_is()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var first = await scenario.CompleteDraftAsync("First project");
        Assert.True((await scenario.Submit.SubmitAsync(scenario.Applicant, first)).Succeeded);
        var second = await scenario.CompleteDraftAsync("Second project");

        await RulesAsync(scenario, new EligibilityRules { OneApplicationPerOrganization = true });
        var submitted = await scenario.Submit.SubmitAsync(scenario.Applicant, second);

        Assert.Equal(Outcome.Refused, submitted.Outcome);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(ApplicationStatus.Draft, (await db.Applications.SingleAsync(a => a.Id == second)).Status);
    }

    [Fact]
    public async Task Awards_of_the_budget_year_across_calls_stop_a_new_draft_and_a_submission_at_the_limit()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await RulesAsync(scenario, new EligibilityRules { MaximumAwardsPerYear = 1 });
        await AwardInAnotherCallAsync(scenario.Applicant.OrganizationId!.Value, "EARLY", AwardStatus.Cancelled);

        // A cancelled award holds nothing: the organization still may apply.
        var draft = await scenario.CompleteDraftAsync();

        await AwardInAnotherCallAsync(scenario.Applicant.OrganizationId!.Value, "SPRING", AwardStatus.Active);
        await AwardInAnotherCallAsync(scenario.OtherApplicant.OrganizationId!.Value, "SUMMER", AwardStatus.Completed);
        var submitted = await scenario.Submit.SubmitAsync(scenario.Applicant, draft);
        var started = await scenario.StartDraft.StartDraftAsync(scenario.OtherApplicant, scenario.CallId);

        Assert.Equal(Outcome.Refused, submitted.Outcome);
        Assert.Equal("This call allows at most 1 award(s) per organization in the 2026 budget year, and your organization already has 1.", submitted.Message);
        Assert.Equal(Outcome.Refused, started.Outcome);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(ApplicationStatus.Draft, (await db.Applications.SingleAsync(a => a.Id == draft)).Status);
        Assert.False(await db.Applications.AnyAsync(a => a.OrganizationId == scenario.OtherApplicant.OrganizationId && a.CallId == scenario.CallId));
    }

    [Fact]
    public async Task Years_since_founding_are_counted_to_the_day_the_call_opens_and_a_missing_date_is_asked_for()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await RulesAsync(scenario, new EligibilityRules { MinimumYearsSinceFounding = 3 });
        var opensOn = await OpensOnAsync(scenario);

        var missing = await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId);
        await FoundedOnAsync(scenario, opensOn.PlusYears(-3).PlusDays(1));
        var tooYoung = await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId);
        await FoundedOnAsync(scenario, opensOn.PlusYears(-3));
        var oldEnough = await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId);

        Assert.Equal(Outcome.Refused, missing.Outcome);
        Assert.True(EligibilityGate.AsksForFoundingDate(missing));
        Assert.Contains("founding date", missing.Message, StringComparison.Ordinal);
        Assert.Equal(Outcome.Refused, tooYoung.Outcome);
        Assert.False(EligibilityGate.AsksForFoundingDate(tooYoung));
        Assert.Contains(opensOn.PlusYears(-3).PlusDays(1).ToString("yyyy-MM-dd", null), tooYoung.Message, StringComparison.Ordinal);
        Assert.True(oldEnough.Succeeded, oldEnough.Message);
    }

    private async Task RulesAsync(ApplicationScenario scenario, EligibilityRules rules)
    {
        await using var db = await Host.CreateDbContextAsync();
        var call = await db.Calls.SingleAsync(c => c.Id == scenario.CallId);
        call.Eligibility = rules;
        await db.SaveChangesAsync();
    }

    private async Task<LocalDate> OpensOnAsync(ApplicationScenario scenario)
    {
        await using var db = await Host.CreateDbContextAsync();
        var opensAt = await db.Calls.Where(c => c.Id == scenario.CallId).Select(c => c.OpensAt).SingleAsync();
        return Seoul.ToLocal(opensAt).Date;
    }

    private async Task FoundedOnAsync(ApplicationScenario scenario, LocalDate foundedOn)
    {
        await using var db = await Host.CreateDbContextAsync();
        var organization = await db.Organizations.SingleAsync(o => o.Id == scenario.Applicant.OrganizationId);
        organization.FoundedOn = foundedOn;
        await db.SaveChangesAsync();
    }

    /// <summary>An award to the organization in another call of the scenario's budget year.</summary>
    private async Task AwardInAnotherCallAsync(int organizationId, string code, AwardStatus status)
    {
        var now = Host.Clock.GetCurrentInstant();
        await using var db = await Host.CreateDbContextAsync();
        var budgetYearId = await db.BudgetYears.Where(y => y.Year == 2026).Select(y => y.Id).SingleAsync();
        var call = new Call
        {
            BudgetYearId = budgetYearId,
            Code = code,
            TitleEnglish = code,
            TitleKorean = code,
            Envelope = new Krw(100_000_000),
            MinimumRequest = new Krw(1_000_000),
            MaximumRequest = new Krw(50_000_000),
            OpensAt = now - Duration.FromDays(60),
            ClosesAt = now - Duration.FromDays(30),
            ReviewDueOn = new LocalDate(2026, 2, 20),
        };
        call.Publish(now - Duration.FromDays(60));
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        var application = Application.StartDraft(call, organizationId, "applicant-1", now - Duration.FromDays(40));
        application.ProjectTitle = "Earlier project " + code;
        application.Submit($"2026-{code}-0001", now - Duration.FromDays(31));
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        var award = new Award
        {
            ApplicationId = application.Id,
            CallId = call.Id,
            OrganizationId = application.OrganizationId,
            Amount = new Krw(20_000_000),
            Status = status,
            AwardedAt = now - Duration.FromDays(20),
            AwardedById = "officer-1",
        };
        db.Awards.Add(award);
        await db.SaveChangesAsync();
    }
}

public sealed class EligibilityTests_on_Sqlite : EligibilityTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class EligibilityTests_on_PostgreSql(PostgresCluster cluster) : EligibilityTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
