using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Recommendations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Calls;

public abstract class CallServiceTests : ProviderTest
{
    private static readonly CurrentUser Officer = new("officer-1", "Park Officer", null, new HashSet<string> { Roles.ProgramOfficer });
    private static readonly CurrentUser SecondOfficer = new("officer-2", "Choi Officer", null, new HashSet<string> { Roles.ProgramOfficer });
    private static readonly CurrentUser Applicant = new("applicant-1", "Kim Applicant", 1, new HashSet<string> { Roles.Applicant });

    protected CallServiceTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private CallQueries Calls => Host.Services.GetRequiredService<CallQueries>();

    private CreateCall Create => Host.Services.GetRequiredService<CreateCall>();

    private UpdateCall Update => Host.Services.GetRequiredService<UpdateCall>();

    private PublishCall Publication => Host.Services.GetRequiredService<PublishCall>();

    private async Task OpenYearAsync(int year, long envelope)
    {
        await using var db = await Host.CreateDbContextAsync();
        db.BudgetYears.Add(BudgetYear.Open(year, new Krw(envelope)));
        await db.SaveChangesAsync();
    }

    private static CallForm Form(string code, long envelope, int year = 2026) => new()
    {
        Year = year,
        Code = code,
        TitleKorean = "북한인권 민간단체 지원 " + code,
        TitleEnglish = "North Korean human rights CSO grants " + code,
        DescriptionKorean = "설명",
        DescriptionEnglish = "Description",
        Categories = ProjectCategories.CapacityBuilding | ProjectCategories.ConferencesAndAdvocacy,
        Opens = new LocalDateTime(year, 3, 2, 9, 0),
        Closes = new LocalDateTime(year, 4, 3, 18, 0),
        MinimumRequest = new Krw(10_000_000),
        MaximumRequest = new Krw(Math.Min(envelope, 100_000_000)),
        Envelope = new Krw(envelope),
        ReviewersPerApplication = 3,
        ReviewDueOn = new LocalDate(year, 4, 24),
        Criteria = { new CriterionForm { NameKorean = "타당성", NameEnglish = "Relevance", Weight = 2m } },
    };

    private async Task<int> CreateAsync(CallForm form)
    {
        var result = await Create.CreateAsync(Officer, form, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    [Fact]
    public async Task Officer_creates_edits_and_publishes_a_call_and_each_step_is_audited()
    {
        await OpenYearAsync(2026, 1_800_000_000);
        await Host.InScopeAsync(s => s.GetRequiredService<RecommendationCatalogue>().EnsureSeededAsync(CancellationToken.None));
        int recommendationId;
        await using (var db = await Host.CreateDbContextAsync())
        {
            recommendationId = await db.Recommendations.Where(r => r.Code == CoiRecommendations.CivilSociety).Select(r => r.Id).SingleAsync();
        }

        var form = Form("NKHR", 900_000_000);
        form.RecommendationIds.Add(recommendationId);
        var id = await CreateAsync(form);

        var opened = await Calls.GetForEditAsync(Officer, id, CancellationToken.None);
        Assert.NotNull(opened);
        Assert.Equal(new LocalDateTime(2026, 4, 3, 18, 0), opened.Form.Closes);
        Assert.Contains(recommendationId, opened.Form.RecommendationIds);

        var edit = opened.Form with { TitleEnglish = "Renamed call", Envelope = new Krw(1_000_000_000) };
        edit.Criteria.Add(new CriterionForm { NameKorean = "예산 적정성", NameEnglish = "Budget", Weight = 1m, ScaleMinimum = 0, ScaleMaximum = 10 });
        Assert.True((await Update.UpdateAsync(Officer, edit, confirmDeadlineChange: false, CancellationToken.None)).Succeeded);

        var afterEdit = await Calls.GetForEditAsync(Officer, id, CancellationToken.None);
        Assert.Equal(2, afterEdit!.Form.Criteria.Count);
        Assert.Equal(new Krw(1_000_000_000), afterEdit.Form.Envelope);
        Assert.True((await Publication.PublishAsync(Officer, id, afterEdit.Form.Version, CancellationToken.None)).Succeeded);

        var published = await Calls.GetPublishedAsync(id, CancellationToken.None);
        Assert.NotNull(published);
        Assert.Equal("Renamed call", published.TitleEnglish);
        Assert.Equal([CoiRecommendations.CivilSociety], published.CoiCodes);
        Assert.Equal(["Relevance", "Budget"], published.Criteria.Select(c => c.NameEnglish));

        await using var check = await Host.CreateDbContextAsync();
        var actions = await check.AuditEvents.Where(e => e.EntityType == nameof(Call) && e.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.ActorId, e.Before, e.After }).ToListAsync();
        Assert.Equal(["call.created", "call.changed", "call.published"], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal(Officer.UserId, a.ActorId));
        Assert.Contains("900000000", actions[1].Before, StringComparison.Ordinal);
        Assert.Contains("1000000000", actions[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_call_asks_for_receipts_with_the_final_report_and_the_officer_can_change_it()
    {
        await OpenYearAsync(2026, 1_800_000_000);
        var id = await CreateAsync(Form("RCPT", 200_000_000));

        var created = (await Calls.GetForEditAsync(Officer, id, CancellationToken.None))!.Form;
        Assert.Equal(ReceiptRequirement.FinalReport, created.ReceiptsRequired);
        Assert.True((await Update.UpdateAsync(Officer, created with { ReceiptsRequired = ReceiptRequirement.EveryReport }, confirmDeadlineChange: false, CancellationToken.None)).Succeeded);

        Assert.Equal(ReceiptRequirement.EveryReport, (await Calls.GetForEditAsync(Officer, id, CancellationToken.None))!.Form.ReceiptsRequired);
        await using var db = await Host.CreateDbContextAsync();
        var change = await db.AuditEvents.Where(e => e.Action == "call.changed").OrderBy(e => e.Id).LastAsync();
        Assert.Contains("\"ReceiptsRequired\":\"EveryReport\"", change.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublished_call_is_invisible_to_the_public()
    {
        await OpenYearAsync(2026, 1_800_000_000);
        var id = await CreateAsync(Form("DRAFT", 100_000_000));

        Assert.Null(await Calls.GetPublishedAsync(id, CancellationToken.None));
        Assert.Empty(await Calls.ListPublishedAsync(CancellationToken.None));

        var version = (await Calls.GetForEditAsync(Officer, id, CancellationToken.None))!.Form.Version;
        await Publication.PublishAsync(Officer, id, version, CancellationToken.None);
        Assert.Single(await Calls.ListPublishedAsync(CancellationToken.None));

        await Publication.UnpublishAsync(Officer, id, version + 1, CancellationToken.None);
        Assert.Null(await Calls.GetPublishedAsync(id, CancellationToken.None));
        Assert.Empty(await Calls.ListPublishedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Public_list_shows_open_calls_first_by_deadline_then_upcoming_then_recently_closed()
    {
        await OpenYearAsync(2026, 1_800_000_000);

        // The clock stands at 2026-03-01 09:00 KST.
        var later = Form("LATER", 100_000_000) with { Opens = new LocalDateTime(2026, 2, 1, 9, 0), Closes = new LocalDateTime(2026, 3, 20, 18, 0) };
        var sooner = Form("SOONER", 100_000_000) with { Opens = new LocalDateTime(2026, 2, 1, 9, 0), Closes = new LocalDateTime(2026, 3, 5, 18, 0) };
        var upcoming = Form("NEXT", 100_000_000) with { Opens = new LocalDateTime(2026, 5, 1, 9, 0), Closes = new LocalDateTime(2026, 6, 1, 18, 0), ReviewDueOn = new LocalDate(2026, 6, 30) };
        var closed = Form("PAST", 100_000_000) with { Opens = new LocalDateTime(2026, 1, 5, 9, 0), Closes = new LocalDateTime(2026, 2, 20, 18, 0) };
        var longClosed = Form("OLD", 100_000_000) with { Opens = new LocalDateTime(2026, 1, 2, 9, 0), Closes = new LocalDateTime(2026, 1, 10, 18, 0), ReviewDueOn = new LocalDate(2026, 2, 1) };
        foreach (var form in new[] { later, sooner, upcoming, closed, longClosed })
        {
            var id = await CreateAsync(form);
            await Publication.PublishAsync(Officer, id, 0, CancellationToken.None);
        }

        var list = await Calls.ListPublishedAsync(CancellationToken.None);

        Assert.Equal(["SOONER", "LATER", "NEXT", "PAST"], list.Select(c => c.Code));
    }

    [Fact]
    public async Task Stale_edit_is_refused_with_a_clear_message()
    {
        await OpenYearAsync(2026, 1_800_000_000);
        var id = await CreateAsync(Form("NKHR", 500_000_000));
        var first = (await Calls.GetForEditAsync(Officer, id, CancellationToken.None))!.Form;
        var second = (await Calls.GetForEditAsync(SecondOfficer, id, CancellationToken.None))!.Form;

        Assert.True((await Update.UpdateAsync(Officer, first with { TitleEnglish = "First officer's title" }, confirmDeadlineChange: false, CancellationToken.None)).Succeeded);
        var stale = await Update.UpdateAsync(SecondOfficer, second with { TitleEnglish = "Second officer's title" }, confirmDeadlineChange: false, CancellationToken.None);

        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.StartsWith("Someone else changed this record", stale.Message, StringComparison.Ordinal);
        Assert.Equal("First officer's title", (await Calls.GetForEditAsync(Officer, id, CancellationToken.None))!.Form.TitleEnglish);
        Assert.Equal(Outcome.Conflict, (await Publication.PublishAsync(SecondOfficer, id, second.Version, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Non_officer_is_refused_every_officer_action()
    {
        await OpenYearAsync(2026, 1_800_000_000);
        var id = await CreateAsync(Form("NKHR", 500_000_000));

        Assert.Equal(Outcome.NotFound, (await Create.CreateAsync(Applicant, Form("MINE", 100_000_000), CancellationToken.None)).Outcome);
        Assert.Null(await Calls.GetForEditAsync(Applicant, id, CancellationToken.None));
        Assert.Null(await Calls.ListForYearAsync(Applicant, 2026, CancellationToken.None));
        Assert.Empty(await Calls.ListYearsAsync(Applicant, CancellationToken.None));
        Assert.Equal(Outcome.NotFound, (await Publication.PublishAsync(Applicant, id, 0, CancellationToken.None)).Outcome);

        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.Calls.CountAsync());
        Assert.False(await db.Calls.AnyAsync(c => c.IsPublished));
    }

    [Fact]
    public async Task Envelope_beyond_the_year_is_refused_with_the_remaining_amount()
    {
        await OpenYearAsync(2026, 1_800_000_000);
        await CreateAsync(Form("FIRST", 1_500_000_000));

        var refused = await Create.CreateAsync(Officer, Form("SECOND", 400_000_000), CancellationToken.None);

        Assert.Equal(Outcome.Refused, refused.Outcome);
        Assert.Equal("This envelope does not fit the 2026 budget: only ₩300,000,000 remains for this call.", refused.Message);
        Assert.Equal(nameof(CallForm.Envelope), refused.Errors.Single().Field);

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        var korean = await Create.CreateAsync(Officer, Form("SECOND", 400_000_000), CancellationToken.None);
        Assert.Contains("3억 원", korean.Message, StringComparison.Ordinal);

        var year = await Calls.ListForYearAsync(Officer, 2026, CancellationToken.None);
        Assert.Equal(new Krw(300_000_000), year!.Remaining);
    }

    [Fact]
    public async Task Officers_creating_calls_at_once_never_exceed_the_year()
    {
        // Each round: ten officers each want 300,000,000 of a 1,000,000,000 year; exactly three fit.
        foreach (var year in new[] { 2026, 2027, 2028 })
        {
            await OpenYearAsync(year, 1_000_000_000);
            var results = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
                Task.Run(() => Create.CreateAsync(i % 2 == 0 ? Officer : SecondOfficer, Form("RACE" + i, 300_000_000, year), CancellationToken.None))));

            Assert.Equal(3, results.Count(r => r.Succeeded));
            var refusals = results.Where(r => !r.Succeeded).ToList();
            Assert.All(refusals, r => Assert.Equal(Outcome.Refused, r.Outcome));
            Assert.All(refusals, r => Assert.Contains("₩100,000,000", r.Message, StringComparison.Ordinal));

            var planned = await Calls.ListForYearAsync(Officer, year, CancellationToken.None);
            Assert.Equal(new Krw(900_000_000), planned!.Allocated);
            Assert.True(planned.Allocated <= planned.Envelope);
        }
    }

    [Fact]
    public async Task Officers_raising_envelopes_at_once_never_exceed_the_year()
    {
        for (var round = 0; round < 3; round++)
        {
            var year = 2026 + round;
            await OpenYearAsync(year, 1_000_000_000);
            var ids = new List<int>();
            for (var i = 1; i <= 5; i++)
            {
                ids.Add(await CreateAsync(Form("CALL" + i, 100_000_000, year)));
            }

            // 500,000,000 is free; each officer raises a different call by 200,000,000, so two raises fit.
            var forms = new List<CallForm>();
            foreach (var id in ids)
            {
                forms.Add((await Calls.GetForEditAsync(Officer, id, CancellationToken.None))!.Form with { Envelope = new Krw(300_000_000) });
            }

            var results = await Task.WhenAll(forms.Select((form, i) =>
                Task.Run(() => Update.UpdateAsync(i % 2 == 0 ? Officer : SecondOfficer, form, confirmDeadlineChange: false, CancellationToken.None))));

            Assert.Equal(2, results.Count(r => r.Succeeded));
            Assert.All(results.Where(r => !r.Succeeded), r =>
                Assert.Equal("This envelope does not fit the " + year + " budget: only ₩200,000,000 remains for this call.", r.Message));
            await using var db = await Host.CreateDbContextAsync();
            var sum = await db.Calls.Where(c => c.BudgetYear!.Year == year).SumAsync(c => (long)c.Envelope);
            Assert.Equal(900_000_000L, sum);
        }
    }
}

public sealed class CallServiceTests_on_Sqlite : CallServiceTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class CallServiceTests_on_PostgreSql(PostgresCluster cluster) : CallServiceTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
