using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Calls;

public abstract class BudgetYearServiceTests : ProviderTest
{
    private static readonly CurrentUser Officer = new("officer-1", "Park Officer", null, new HashSet<string> { Roles.ProgramOfficer });
    private static readonly CurrentUser SecondOfficer = new("officer-2", "Choi Officer", null, new HashSet<string> { Roles.ProgramOfficer });
    private static readonly CurrentUser Finance = new("finance-1", "Lee Finance", null, new HashSet<string> { Roles.Finance });

    protected BudgetYearServiceTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private OpenBudgetYear OpenYear => Host.Services.GetRequiredService<OpenBudgetYear>();

    private ChangeBudgetYear ChangeYear => Host.Services.GetRequiredService<ChangeBudgetYear>();

    private CallQueries Calls => Host.Services.GetRequiredService<CallQueries>();

    private static string Messages(Result result) => result.Message ?? string.Join(" | ", result.Errors.Select(e => e.Message));

    private Task<Result> OpenAsync(int year, long envelope, CurrentUser? user = null) =>
        OpenYear.OpenAsync(user ?? Officer, new BudgetYearForm { Year = year, Envelope = new Krw(envelope), Note = "  2027 budget act, item 1234  " });

    private async Task AddCallAsync(int year, string code, long envelope)
    {
        var form = new CallForm
        {
            Year = year,
            Code = code,
            TitleKorean = "공모 " + code,
            TitleEnglish = "Call " + code,
            DescriptionKorean = "설명",
            DescriptionEnglish = "Description",
            Categories = ProjectCategories.CapacityBuilding,
            Opens = new LocalDateTime(year, 3, 2, 9, 0),
            Closes = new LocalDateTime(year, 4, 3, 18, 0),
            MinimumRequest = new Krw(10_000_000),
            MaximumRequest = new Krw(100_000_000),
            Envelope = new Krw(envelope),
            ReviewersPerApplication = 3,
            ReviewDueOn = new LocalDate(year, 4, 24),
            Criteria = { new CriterionForm { NameKorean = "타당성", NameEnglish = "Relevance", Weight = 1m } },
        };
        var result = await Host.Services.GetRequiredService<CreateCall>().CreateAsync(Officer, form, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task Officer_opens_a_budget_year_and_plans_calls_in_it()
    {
        var opened = await OpenAsync(2027, 1_900_000_000);

        Assert.True(opened.Succeeded, Messages(opened));
        Assert.Contains(2027, await Calls.ListYearsAsync(Officer, CancellationToken.None));
        await AddCallAsync(2027, "NKHR", 1_200_000_000);
        var planned = await Calls.ListForYearAsync(Officer, 2027, CancellationToken.None);
        Assert.Equal(new Krw(1_900_000_000), planned!.Envelope);
        Assert.Equal(new Krw(700_000_000), planned.Remaining);
        var form = await Calls.GetBudgetYearAsync(Officer, 2027);
        Assert.Equal("2027 budget act, item 1234", form!.Note);

        await using var db = await Host.CreateDbContextAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "budget-year.opened");
        Assert.Equal(Officer.UserId, audit.ActorId);
        Assert.Contains("1900000000", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_year_that_exists_is_refused_and_the_year_keeps_its_envelope()
    {
        Assert.True((await OpenAsync(2027, 1_900_000_000)).Succeeded);

        var again = await OpenAsync(2027, 5_000_000_000);

        Assert.False(again.Succeeded);
        Assert.Equal("The 2027 budget year already exists; change its envelope instead.", Messages(again));
        Assert.Equal(new Krw(1_900_000_000), (await Calls.GetBudgetYearAsync(Officer, 2027))!.Envelope);
    }

    [Fact]
    public async Task Two_officers_opening_the_same_year_at_once_open_it_once()
    {
        var results = await Task.WhenAll(
            Task.Run(() => OpenAsync(2028, 1_000_000_000, Officer)),
            Task.Run(() => OpenAsync(2028, 2_000_000_000, SecondOfficer)));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.Equal("The 2028 budget year already exists; change its envelope instead.", Messages(results.Single(r => !r.Succeeded)));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.BudgetYears.CountAsync(y => y.Year == 2028));
    }

    [Theory]
    [InlineData(1999, 1_000_000_000, "A budget year is between 2000 and 2031.")]
    [InlineData(2032, 1_000_000_000, "A budget year is between 2000 and 2031.")]
    [InlineData(2027, 0, "Enter the year's envelope: an amount above ₩0.")]
    [InlineData(2027, -1_800_000_000, "Enter the year's envelope: an amount above ₩0.")]
    [InlineData(2027, 1_800_000_000_000, "An envelope above ₩1,000,000,000,000 is not accepted; check the number of zeros.")]
    public async Task Absurd_years_and_amounts_are_refused_with_a_clear_message(int year, long envelope, string expected)
    {
        var result = await OpenAsync(year, envelope);

        Assert.False(result.Succeeded);
        Assert.Equal(expected, Messages(result));
        Assert.Empty(await Calls.ListYearsAsync(Officer, CancellationToken.None));
    }

    [Fact]
    public async Task Envelope_cannot_fall_below_what_the_calls_already_divide()
    {
        Assert.True((await OpenAsync(2027, 1_800_000_000)).Succeeded);
        await AddCallAsync(2027, "CALLA", 900_000_000);
        await AddCallAsync(2027, "CALLB", 600_000_000);
        var form = (await Calls.GetBudgetYearAsync(Officer, 2027))!;

        form.Envelope = new Krw(1_499_999_999);
        var below = await ChangeYear.ChangeAsync(Officer, form);
        form.Envelope = new Krw(1_500_000_000);
        var exact = await ChangeYear.ChangeAsync(Officer, form);

        Assert.Equal("The calls of 2027 already divide ₩1,500,000,000; the envelope cannot go below that.", Messages(below));
        Assert.True(exact.Succeeded, Messages(exact));
        var planned = await Calls.ListForYearAsync(Officer, 2027, CancellationToken.None);
        Assert.Equal(Krw.Zero, planned!.Remaining);
        await using var db = await Host.CreateDbContextAsync();
        var change = await db.AuditEvents.SingleAsync(e => e.Action == "budget-year.changed");
        Assert.Contains("1800000000", change.Before, StringComparison.Ordinal);
        Assert.Contains("1500000000", change.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_based_on_a_stale_copy_is_refused_and_the_first_change_stays()
    {
        Assert.True((await OpenAsync(2027, 1_800_000_000)).Succeeded);
        var first = (await Calls.GetBudgetYearAsync(Officer, 2027))!;
        var second = (await Calls.GetBudgetYearAsync(SecondOfficer, 2027))!;

        first.Envelope = new Krw(2_000_000_000);
        Assert.True((await ChangeYear.ChangeAsync(Officer, first)).Succeeded);
        second.Envelope = new Krw(1_000_000_000);
        var stale = await ChangeYear.ChangeAsync(SecondOfficer, second);

        Assert.False(stale.Succeeded);
        Assert.Contains("changed", Messages(stale), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new Krw(2_000_000_000), (await Calls.GetBudgetYearAsync(Officer, 2027))!.Envelope);
    }

    [Fact]
    public async Task Only_program_officers_open_or_change_budget_years()
    {
        var byFinance = await OpenAsync(2027, 1_800_000_000, Finance);

        Assert.False(byFinance.Succeeded);
        Assert.Equal(Outcome.NotFound, byFinance.Outcome);
        Assert.Empty(byFinance.Errors);
        Assert.True((await OpenAsync(2027, 1_800_000_000)).Succeeded);
        Assert.Null(await Calls.GetBudgetYearAsync(Finance, 2027));
    }
}

public sealed class BudgetYearServiceTests_on_Sqlite : BudgetYearServiceTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class BudgetYearServiceTests_on_PostgreSql(PostgresCluster cluster) : BudgetYearServiceTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
