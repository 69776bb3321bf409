using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Recommendations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Calls;

/// <summary>The calls the public API gives: published ones only, of every year or one, in Seoul time, with codes and page links.</summary>
public abstract class PublicCallQueriesTests : ProviderTest
{
    private const string Portal = "https://grants.example.org/portal/";

    private static readonly CurrentUser Officer = new("officer-1", "Park Officer", null, new HashSet<string> { Roles.ProgramOfficer });

    private PublicCallQueries Calls => Host.Services.GetRequiredService<PublicCallQueries>();

    [Fact]
    public async Task Published_calls_of_every_year_are_listed_newest_opening_first_and_drafts_never()
    {
        await Host.InScopeAsync(s => s.GetRequiredService<RecommendationCatalogue>().EnsureSeededAsync(CancellationToken.None));
        var older = await CreateAsync(Form("OLD", 2025, new LocalDateTime(2025, 3, 2, 9, 0), new LocalDateTime(2025, 4, 3, 18, 0)), publish: true,
            CoiRecommendations.SeparatedFamilies, CoiRecommendations.CivilSociety);
        var newer = await CreateAsync(Form("NEW", 2026, new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 4, 3, 18, 0)), publish: true);
        var draft = await CreateAsync(Form("DRAFT", 2026, new LocalDateTime(2026, 5, 2, 9, 0), new LocalDateTime(2026, 6, 3, 18, 0)), publish: false);

        var all = await Calls.ListAsync(Portal, null, CancellationToken.None);
        var of2025 = await Calls.ListAsync(Portal, 2025, CancellationToken.None);

        Assert.Equal(["NEW", "OLD"], all.Select(c => c.Code));
        Assert.Equal(["OLD"], of2025.Select(c => c.Code));
        var call = all[1];
        Assert.Equal(older, call.Id);
        Assert.Equal(2025, call.Year);
        Assert.Equal("북한인권 민간단체 지원 OLD", call.TitleKorean);
        Assert.Equal("North Korean human rights CSO grants OLD", call.TitleEnglish);
        Assert.Equal(("KRW", 300_000_000L, 10_000_000L, 100_000_000L), (call.Currency, call.Envelope, call.MinimumRequest, call.MaximumRequest));
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 9, 0, 0, TimeSpan.FromHours(9)), call.OpensAt);
        Assert.Equal(TimeSpan.FromHours(9), call.ClosesAt.Offset);
        Assert.Equal(new DateTimeOffset(2025, 4, 3, 9, 0, 0, TimeSpan.Zero), call.ClosesAt.ToUniversalTime());
        Assert.Null(call.ConceptNotesCloseAt);
        Assert.Equal(["CapacityBuilding", "ConferencesAndAdvocacy"], call.Categories);
        Assert.Equal(["1223", "1224"], call.Recommendations);
        Assert.Equal(new Uri($"https://grants.example.org/portal/calls/{older}"), call.Url);
        Assert.Empty(all[0].Recommendations);

        Assert.Equal(newer, (await Calls.GetAsync(Portal, newer, CancellationToken.None))?.Id);
        Assert.Null(await Calls.GetAsync(Portal, draft, CancellationToken.None));
        Assert.Null(await Calls.GetAsync(Portal, 999_999, CancellationToken.None));
    }

    [Fact]
    public async Task Withdrawn_call_is_no_longer_public()
    {
        var id = await CreateAsync(Form("GONE", 2026, new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 4, 3, 18, 0)), publish: true);
        await using (var db = await Host.CreateDbContextAsync())
        {
            var version = await db.Calls.Where(c => c.Id == id).Select(c => c.Version).SingleAsync();
            Assert.True((await Host.Services.GetRequiredService<PublishCall>().UnpublishAsync(Officer, id, version, CancellationToken.None)).Succeeded);
        }

        Assert.Empty(await Calls.ListAsync(Portal, null, CancellationToken.None));
        Assert.Null(await Calls.GetAsync(Portal, id, CancellationToken.None));
    }

    private static CallForm Form(string code, int year, LocalDateTime opens, LocalDateTime closes) => new()
    {
        Year = year,
        Code = code,
        TitleKorean = "북한인권 민간단체 지원 " + code,
        TitleEnglish = "North Korean human rights CSO grants " + code,
        DescriptionKorean = "설명",
        DescriptionEnglish = "Description",
        Categories = ProjectCategories.CapacityBuilding | ProjectCategories.ConferencesAndAdvocacy,
        Opens = opens,
        Closes = closes,
        MinimumRequest = new Krw(10_000_000),
        MaximumRequest = new Krw(100_000_000),
        Envelope = new Krw(300_000_000),
        ReviewersPerApplication = 3,
        ReviewDueOn = closes.Date.PlusDays(21),
        Criteria = { new CriterionForm { NameKorean = "타당성", NameEnglish = "Relevance", Weight = 1m } },
    };

    private async Task<int> CreateAsync(CallForm form, bool publish, params string[] recommendationCodes)
    {
        await using (var db = await Host.CreateDbContextAsync())
        {
            if (!await db.BudgetYears.AnyAsync(y => y.Year == form.Year))
            {
                db.BudgetYears.Add(BudgetYear.Open(form.Year, new Krw(1_800_000_000)));
                await db.SaveChangesAsync();
            }

            foreach (var code in recommendationCodes)
            {
                form.RecommendationIds.Add(await db.Recommendations.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());
            }
        }

        var created = await Host.Services.GetRequiredService<CreateCall>().CreateAsync(Officer, form, CancellationToken.None);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        if (publish)
        {
            Assert.True((await Host.Services.GetRequiredService<PublishCall>().PublishAsync(Officer, created.Value, 0, CancellationToken.None)).Succeeded);
        }

        return created.Value;
    }
}

public sealed class PublicCallQueriesTests_on_Sqlite : PublicCallQueriesTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PublicCallQueriesTests_on_PostgreSql(PostgresCluster cluster) : PublicCallQueriesTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
