using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Calls;
using GrantPortal.Demo;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Recommendations;
using GrantPortal.Core.Reporting;
using GrantPortal.Core.Reviews;
using GrantPortal.Core.Time;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Demo;

/// <summary>The demo data tells the real story, checked by query: 2023 is 29 projects, 18 organizations, exactly 2,000,000,000 KRW under COI 1224.</summary>
public abstract class DemoDataTests : ProviderTest
{
    [Fact]
    public async Task Demo_2023_is_29_projects_from_18_organizations_for_exactly_two_billion_won_under_1224()
    {
        await SeedAsync();
        await using var db = await Host.CreateDbContextAsync();

        var awards2023Under1224 = db.Awards
            .Where(a => a.Status != AwardStatus.Cancelled)
            .Where(a => db.Calls.Any(c => c.Id == a.CallId && c.BudgetYear!.Year == 2023))
            .Where(a => a.Recommendations.Any(r => r.Recommendation!.Code == CoiRecommendations.CivilSociety));

        Assert.Equal(29, await awards2023Under1224.CountAsync());
        Assert.Equal(18, await awards2023Under1224.Select(a => a.OrganizationId).Distinct().CountAsync());
        Assert.Equal(2_000_000_000L, await awards2023Under1224.SumAsync(a => (long)a.Amount));
        Assert.Equal(2_000_000_000L, (long)(await db.BudgetYears.SingleAsync(y => y.Year == 2023)).Envelope);
    }

    [Fact]
    public async Task Demo_2023_projects_are_reviewed_paid_in_full_and_reported()
    {
        await SeedAsync();
        await using var db = await Host.CreateDbContextAsync();
        var awards = await db.Awards.Where(a => db.Calls.Any(c => c.Id == a.CallId && c.BudgetYear!.Year == 2023)).Select(a => a.Id).ToListAsync();

        var paid = await db.Payments.Where(p => awards.Contains(p.AwardId) && p.Status == PaymentStatus.Paid).SumAsync(p => (long)p.Amount);
        var selfApproved = await db.Payments.CountAsync(p => awards.Contains(p.AwardId) && p.ApprovedById == p.RecordedById);
        var approvedFinals = await db.ProjectReports.CountAsync(r => awards.Contains(r.AwardId) && r.Kind == ReportKind.Final && r.Status == ReportStatus.Approved);
        var reviewed = await db.Awards.Where(a => awards.Contains(a.Id))
            .CountAsync(a => db.ReviewAssignments.Any(r => r.ApplicationId == a.ApplicationId && r.Review != null && r.Review.Status == ReviewStatus.Submitted));

        Assert.Equal(2_000_000_000L, paid);
        Assert.Equal(0, selfApproved);
        Assert.Equal(29, approvedFinals);
        Assert.Equal(29, reviewed);
    }

    [Fact]
    public async Task Demo_2024_is_decided_within_its_envelope_of_one_point_eight_billion()
    {
        await SeedAsync();
        await using var db = await Host.CreateDbContextAsync();

        var year = await db.BudgetYears.SingleAsync(y => y.Year == 2024);
        var committed = await db.Awards
            .Where(a => a.Status != AwardStatus.Cancelled && db.Calls.Any(c => c.Id == a.CallId && c.BudgetYearId == year.Id))
            .SumAsync(a => (long)a.Amount);

        Assert.Equal(1_800_000_000L, (long)year.Envelope);
        Assert.InRange(committed, 1, 1_800_000_000L);
        Assert.True(await db.Calls.AllAsync(c => c.BudgetYearId != year.Id || c.FinalizedAt != null));
    }

    /// <summary>Seeding days: the test host's early-year start, and late November, when the open calls fund next year.</summary>
    public static TheoryData<string> SeedingDays => new() { "2026-03-01", "2026-11-30" };

    [Theory]
    [MemberData(nameof(SeedingDays))]
    public async Task Open_calls_close_one_in_one_to_two_weeks_and_one_within_two_days_with_drafts_and_submissions(string day)
    {
        await SeedOnAsync(day);
        var now = Host.Clock.GetCurrentInstant();
        await using var db = await Host.CreateDbContextAsync();

        var open = await db.Calls.Where(c => c.IsPublished && c.OpensAt <= now && c.ClosesAt >= now).ToListAsync();
        var openIds = open.Select(c => c.Id).ToList();

        Assert.Contains(open, c => c.ClosesAt - now >= Duration.FromDays(7) && c.ClosesAt - now <= Duration.FromDays(14));
        Assert.Contains(open, c => c.ClosesAt - now <= Duration.FromDays(2));
        Assert.True(await db.Applications.AnyAsync(a => openIds.Contains(a.CallId) && a.Status == ApplicationStatus.Draft));
        Assert.True(await db.Applications.AnyAsync(a => openIds.Contains(a.CallId) && a.Status == ApplicationStatus.Submitted));
    }

    [Theory]
    [MemberData(nameof(SeedingDays))]
    public async Task Every_reminder_rule_has_something_due_right_after_seeding(string day)
    {
        await SeedOnAsync(day);
        var today = Seoul.Today(Host.Clock);
        await using var db = await Host.CreateDbContextAsync();

        Assert.True(await db.ReviewAssignments.AnyAsync(a => a.DueOn <= today.PlusDays(3) && (a.Review == null || a.Review.Status != ReviewStatus.Submitted)));
        Assert.True(await db.ProjectReports.AnyAsync(r => r.DueOn <= today.PlusDays(14) && r.Status != ReportStatus.Approved && r.Status != ReportStatus.Submitted));
        Assert.True(await db.Payments.AnyAsync(p => p.Status == PaymentStatus.AwaitingApproval));
        Assert.True(await db.Organizations.AnyAsync(o => o.Verification == VerificationState.Pending));
    }

    [Theory]
    [InlineData("2026-03-01", 2026)]
    [InlineData("2026-04-01", 2026)]
    [InlineData("2026-05-01", 2027)]
    [InlineData("2026-11-30", 2027)]
    public async Task Open_calls_fund_a_budget_year_their_projects_fit_in(string day, int expectedYear)
    {
        await SeedOnAsync(day);
        var now = Host.Clock.GetCurrentInstant();
        await using var db = await Host.CreateDbContextAsync();

        var open = await db.Calls.Include(c => c.BudgetYear).Where(c => c.IsPublished && c.OpensAt <= now && c.ClosesAt >= now).ToListAsync();
        var openIds = open.Select(c => c.Id).ToList();
        var year = await db.BudgetYears.SingleAsync(y => y.Year == expectedYear);
        var yearCalls = await db.Calls.Where(c => c.BudgetYearId == year.Id).SumAsync(c => (long)c.Envelope);
        var periods = await db.Applications.Where(a => openIds.Contains(a.CallId)).Select(a => new { a.StartDate, a.EndDate }).ToListAsync();

        Assert.NotEmpty(open);
        Assert.All(open, c => Assert.Equal(expectedYear, c.BudgetYear!.Year));
        Assert.InRange(yearCalls, 1, (long)year.Envelope);
        Assert.NotEmpty(periods);
        var closesOn = Seoul.ToLocal(open.Max(c => c.ClosesAt)).Date;
        Assert.All(periods, p =>
        {
            Assert.Equal(expectedYear, p.StartDate!.Value.Year);
            Assert.Equal(expectedYear, p.EndDate!.Value.Year);
            Assert.True(p.StartDate > closesOn, $"A project starting {p.StartDate} would start before its call closes on {closesOn}.");
            Assert.True(Period.Between(p.StartDate.Value, p.EndDate.Value, PeriodUnits.Months).Months >= 6, $"{p.StartDate}–{p.EndDate} is too short a project.");
        });
    }

    [Fact]
    public async Task Applicant_completes_a_demo_draft_in_an_open_call_late_in_the_year_and_submits_it_for_next_year()
    {
        await SeedOnAsync("2026-11-30");
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationQueries>();
        var drafts = scope.ServiceProvider.GetRequiredService<SaveDraft>();
        var submission = scope.ServiceProvider.GetRequiredService<SubmitApplication>();
        var account = await users.FindByEmailAsync(DemoAccounts.Applicant1.Email);
        var applicant = new CurrentUser(account!.Id, account.DisplayName, account.OrganizationId, new HashSet<string> { Roles.Applicant });
        var now = Host.Clock.GetCurrentInstant();
        int draftId;
        await using (var db = await Host.CreateDbContextAsync())
        {
            draftId = await db.Applications
                .Where(a => a.OrganizationId == account.OrganizationId && a.Status == ApplicationStatus.Draft && a.Call!.ClosesAt > now)
                .OrderBy(a => a.Call!.ClosesAt).Select(a => a.Id).FirstAsync();
        }

        var view = await applications.GetAsync(applicant, draftId);
        var form = view!.Form;
        form.Answers.TryAdd(DefaultForm.Activities, "워크숍 6회와 결과 공유회를 엽니다.");
        form.DeclarationAccepted = true;
        var saved = await drafts.SaveDraftAsync(applicant, draftId, form, view.Version);
        var submitted = await submission.SubmitAsync(applicant, draftId);

        Assert.True(saved.Succeeded, saved.Message);
        Assert.True(submitted.Succeeded, string.Join("; ", submitted.Errors.Select(e => $"{e.Field}: {e.Message}")));
        Assert.StartsWith("2027-", submitted.Value!.ReceiptNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_demo_account_signs_in_with_the_demo_password_and_applicants_belong_to_different_organizations()
    {
        await SeedAsync();
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        foreach (var account in DemoAccounts.All)
        {
            var user = await users.FindByEmailAsync(account.Email);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, DemoAccounts.Password), account.Email);
            Assert.True(await users.IsInRoleAsync(user, account.Role), account.Email);
        }

        var first = await users.FindByEmailAsync(DemoAccounts.Applicant1.Email);
        var second = await users.FindByEmailAsync(DemoAccounts.Applicant2.Email);
        Assert.NotNull(first!.OrganizationId);
        Assert.NotEqual(first.OrganizationId, second!.OrganizationId);
    }

    [Fact]
    public async Task Demo_organizations_have_registration_numbers_that_add_up_so_their_profiles_can_be_saved()
    {
        await SeedAsync();
        await using var db = await Host.CreateDbContextAsync();

        var numbers = await db.Organizations.Select(o => o.RegistrationNumber).ToListAsync();

        Assert.Equal(25, numbers.Count);
        Assert.All(numbers, n => Assert.True(RegistrationNumberCheck.IsValid(n), n));
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        await SeedAsync();
        await using var db = await Host.CreateDbContextAsync();
        var before = (await db.Applications.CountAsync(), await db.Users.CountAsync(), await db.AuditEvents.CountAsync());

        var seededAgain = await SeedAsync();

        Assert.False(seededAgain);
        Assert.Equal(before, (await db.Applications.CountAsync(), await db.Users.CountAsync(), await db.AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task Catalogue_holds_the_coi_recommendations_of_the_reference_report()
    {
        await SeedAsync();
        await using var db = await Host.CreateDbContextAsync();

        var codes = await db.Recommendations.Select(r => r.Code).OrderBy(c => c).ToListAsync();

        Assert.Equal(["1222", "1223", "1224", "1225-(c)", "1225-(i)"], codes);
    }

    /// <summary>Seeds as if it were 09:00 in Seoul on <paramref name="day"/> (yyyy-MM-dd).</summary>
    [Fact]
    public async Task Demo_youth_call_caps_personnel_at_30_percent_with_10_percent_own_contribution_and_its_submissions_meet_them()
    {
        await SeedAsync();
        await using var db = await Host.CreateDbContextAsync();
        var youth = await db.Calls.Where(c => c.Code == "YOUTH").OrderByDescending(c => c.ClosesAt).FirstAsync();
        var submitted = await db.Applications.Include(a => a.BudgetLines)
            .Where(a => a.CallId == youth.Id && a.Status == ApplicationStatus.Submitted).ToListAsync();

        Assert.Equal([new CategoryCap(BudgetCategory.Personnel, 30m)], youth.BudgetRules.Caps);
        Assert.Equal(10m, youth.BudgetRules.MinimumOwnContributionPercent);
        Assert.NotEmpty(submitted);
        Assert.All(submitted, a =>
        {
            var budget = ProjectBudget.Of(ApplicationDraft.From(a).BudgetLines, youth.BudgetRules);
            Assert.True(budget.IsWithinRules, a.ProjectTitle);
            Assert.True(youth.IsWithinRequestLimits(a.RequestedTotal), a.ProjectTitle);
            Assert.True(a.OwnContributionTotal.Won > 0, a.ProjectTitle);
        });
    }

    private Task<bool> SeedOnAsync(string day)
    {
        Host.Clock.Reset(Seoul.ToInstant(NodaTime.Text.LocalDatePattern.Iso.Parse(day).Value.At(new LocalTime(9, 0))));
        return SeedAsync();
    }

    private async Task<bool> SeedAsync()
    {
        var seeded = false;
        await Host.InScopeAsync(async services => seeded = await services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None));
        return seeded;
    }
}

public sealed class DemoDataTests_on_Sqlite : DemoDataTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class DemoDataTests_on_PostgreSql(PostgresCluster cluster) : DemoDataTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
