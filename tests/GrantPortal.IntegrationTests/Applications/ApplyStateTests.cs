using System.Diagnostics;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>What each reader may do about applying to a call, decided in Core for a whole list of calls at once.</summary>
public abstract class ApplyStateTests : ProviderTest
{
    [Fact]
    public async Task A_verified_organization_applies_then_continues_its_draft_then_views_what_it_submitted()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var applications = scenario.Queries;

        var before = await applications.ApplyStateAsync(scenario.Applicant, scenario.CallId);
        var id = await scenario.CompleteDraftAsync();
        var drafting = await applications.ApplyStateAsync(scenario.Applicant, scenario.CallId);
        Assert.True((await scenario.Submit.SubmitAsync(scenario.Applicant, id)).Succeeded);
        var submitted = await applications.ApplyStateAsync(scenario.Applicant, scenario.CallId);

        Assert.Equal((ApplyStep.Apply, null, null), (before!.Step, before.DraftId, before.SubmittedId));
        Assert.Equal((ApplyStep.Continue, id, null), (drafting!.Step, drafting.DraftId, drafting.SubmittedId));

        // An organization may propose another project to the same call: it sees its submission and may start again.
        Assert.Equal((ApplyStep.Apply, null, id), (submitted!.Step, submitted.DraftId, submitted.SubmittedId));
    }

    [Fact]
    public async Task Another_organizations_draft_and_submission_change_nothing_for_this_one()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var theirs = (await scenario.StartDraft.StartDraftAsync(scenario.OtherApplicant, scenario.CallId)).Value;

        var mine = await scenario.Queries.ApplyStateAsync(scenario.Applicant, scenario.CallId);
        var theirState = await scenario.Queries.ApplyStateAsync(scenario.OtherApplicant, scenario.CallId);

        Assert.Equal((ApplyStep.Apply, null, null), (mine!.Step, mine.DraftId, mine.SubmittedId));
        Assert.Equal((ApplyStep.Continue, theirs), (theirState!.Step, theirState.DraftId));
    }

    [Theory]
    [InlineData(VerificationState.Pending, ApplyStep.OrganizationPending, "still verifying")]
    [InlineData(VerificationState.Rejected, ApplyStep.OrganizationRejected, "could not verify")]
    public async Task An_unverified_organization_is_told_why_and_cannot_start_a_draft_even_by_address(VerificationState verification, ApplyStep expected, string reason)
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var applicant = await OrganizationAsync(verification);

        var state = await scenario.Queries.ApplyStateAsync(applicant, scenario.CallId);
        var started = await scenario.StartDraft.StartDraftAsync(applicant, scenario.CallId);

        Assert.Equal(expected, state!.Step);
        Assert.False(started.Succeeded);
        Assert.Contains(reason, started.Message, StringComparison.Ordinal);
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.Applications.AnyAsync(a => a.OrganizationId == applicant.OrganizationId));
    }

    [Fact]
    public async Task A_visitor_is_asked_to_sign_in_and_staff_are_offered_nothing()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);

        var visitor = await scenario.Queries.ApplyStateAsync(null, scenario.CallId);
        var officer = await scenario.Queries.ApplyStatesAsync(scenario.Officer, [scenario.CallId]);

        Assert.Equal(ApplyStep.SignIn, visitor!.Step);
        Assert.Empty(officer);
    }

    [Fact]
    public async Task Upcoming_closed_and_unpublished_calls_are_told_apart_in_one_list()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var now = Host.Clock.GetCurrentInstant();
        var upcoming = await CallAsync("SOON", now + Duration.FromDays(3), now + Duration.FromDays(20));
        var closed = await CallAsync("PAST", now - Duration.FromDays(20), now - Duration.FromHours(1));
        var unpublished = await CallAsync("HIDE", now - Duration.FromDays(1), now + Duration.FromDays(9), publish: false);

        var states = await scenario.Queries.ApplyStatesAsync(scenario.Applicant, [scenario.CallId, upcoming, closed, unpublished]);

        Assert.Equal(ApplyStep.Apply, states[scenario.CallId].Step);
        Assert.Equal(ApplyStep.NotYetOpen, states[upcoming].Step);
        Assert.Equal(ApplyStep.Closed, states[closed].Step);
        Assert.False(states.ContainsKey(unpublished));
    }

    [Fact]
    public async Task A_list_of_many_calls_takes_no_more_queries_than_a_list_of_one()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var now = Host.Clock.GetCurrentInstant();
        var calls = new List<int> { scenario.CallId };
        for (var i = 0; i < 8; i++)
        {
            calls.Add(await CallAsync("MANY" + i, now - Duration.FromDays(1), now + Duration.FromDays(5 + i)));
        }

        await scenario.CompleteDraftAsync();
        var one = await CountQueriesAsync(() => scenario.Queries.ApplyStatesAsync(scenario.Applicant, [scenario.CallId]));
        var many = await CountQueriesAsync(() => scenario.Queries.ApplyStatesAsync(scenario.Applicant, calls));

        Assert.Equal(one, many);
        Assert.InRange(many, 1, 3);
    }

    private async Task<CurrentUser> OrganizationAsync(VerificationState verification)
    {
        var now = Host.Clock.GetCurrentInstant();
        await using var db = await Host.CreateDbContextAsync();
        var organization = Organization.Register("Waiting Forum", "기다리는 포럼", "220-81-62517", OrganizationType.Other, "Park", "park@waiting.example", now);
        if (verification == VerificationState.Rejected)
        {
            organization.Reject("officer-1", "The certificate is a for-profit registration.", now);
        }

        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return new CurrentUser("applicant-waiting", "Park", organization.Id, new HashSet<string> { Roles.Applicant });
    }

    private async Task<int> CallAsync(string code, Instant opens, Instant closes, bool publish = true)
    {
        await using var db = await Host.CreateDbContextAsync();
        var year = await db.BudgetYears.SingleAsync();
        var call = new Call
        {
            BudgetYearId = year.Id,
            Code = code,
            TitleEnglish = "Call " + code,
            TitleKorean = "공모 " + code,
            Envelope = new Krw(10_000_000),
            MinimumRequest = new Krw(1_000_000),
            MaximumRequest = new Krw(5_000_000),
            OpensAt = opens,
            ClosesAt = closes,
            ReviewDueOn = new LocalDate(2026, 6, 1),
        };
        if (publish)
        {
            call.Publish(opens - Duration.FromDays(1));
        }

        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }

    /// <summary>Counts the commands EF sends to this test's database while <paramref name="work"/> runs.</summary>
    private async Task<int> CountQueriesAsync(Func<Task> work)
    {
        string? database;
        await using (var db = await Host.CreateDbContextAsync())
        {
            database = db.Database.GetConnectionString();
        }

        var count = 0;
        using var observer = new ListenerObserver(listener =>
            listener.Name == DbLoggerCategory.Name
                ? listener.Subscribe(new EventObserver(e =>
                {
                    if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData data
                        && data.Context?.Database.GetConnectionString() == database)
                    {
                        Interlocked.Increment(ref count);
                    }
                }))
                : null);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(observer);
        await work();
        return Volatile.Read(ref count);
    }

    private sealed class ListenerObserver(Func<DiagnosticListener, IDisposable?> subscribe) : IObserver<DiagnosticListener>, IDisposable
    {
        private readonly List<IDisposable> subscriptions = [];

        public void OnNext(DiagnosticListener value)
        {
            if (subscribe(value) is { } subscription)
            {
                lock (subscriptions)
                {
                    subscriptions.Add(subscription);
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (subscriptions)
            {
                subscriptions.ForEach(s => s.Dispose());
            }
        }
    }

    private sealed class EventObserver(Action<KeyValuePair<string, object?>> onNext) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value) => onNext(value);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

public sealed class ApplyStateTests_on_Sqlite : ApplyStateTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ApplyStateTests_on_PostgreSql(PostgresCluster cluster) : ApplyStateTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
