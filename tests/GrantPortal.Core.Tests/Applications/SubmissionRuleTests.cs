using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Time;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace GrantPortal.Core.Tests.Applications;

public sealed class SubmissionRuleTests
{
    private static readonly Instant ClosesAt = Seoul.ToInstant(new LocalDateTime(2026, 3, 10, 18, 0));

    private readonly Call call = NewCall();

    [Fact]
    public void Submit_one_second_before_closing_is_open() => Assert.True(call.IsOpenAt(ClosesAt - Duration.FromSeconds(1)));

    [Fact]
    public void Submit_exactly_at_closing_is_open() => Assert.True(call.IsOpenAt(ClosesAt));

    [Fact]
    public void Submit_one_second_after_closing_is_rejected() => Assert.False(call.IsOpenAt(ClosesAt + Duration.FromSeconds(1)));

    [Fact]
    public void Closing_moment_is_shown_in_Seoul_time() => Assert.Equal("2026-03-10 18:00 KST", Seoul.Format(ClosesAt));

    [Theory]
    [InlineData(9_999_999, false)]
    [InlineData(10_000_000, true)]
    [InlineData(100_000_000, true)]
    [InlineData(100_000_001, false)]
    public void Requested_total_must_be_within_the_calls_limits(long total, bool accepted)
    {
        var form = Complete();
        form.BudgetLines[0].Amount = new Krw(total - 5_000_000);

        var errors = ApplicationRules.Validate(form, call, 2026, organizationVerified: true, new KeyLocalizer());

        Assert.Equal(accepted, errors.Count == 0);
        Assert.Equal(accepted, call.IsWithinRequestLimits(form.RequestedTotal));
    }

    [Fact]
    public void Complete_form_has_no_errors() =>
        Assert.Empty(ApplicationRules.Validate(Complete(), call, 2026, organizationVerified: true, new KeyLocalizer()));

    [Fact]
    public void Each_missing_field_gets_its_own_message()
    {
        var errors = ApplicationRules.Validate(new ApplicationDraft(), call, 2026, organizationVerified: false, new KeyLocalizer());

        Assert.Equal(
            ["Application_TitleRequired", "Application_SummaryRequired", "Application_StartDateRequired", "Application_EndDateRequired", "Application_CategoryRequired",
             "Application_BudgetRequired", "Application_DeclarationRequired", "Application_OrganizationNotVerified"],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Dates_outside_the_budget_year_or_reversed_are_refused()
    {
        var form = Complete() with { StartDate = new LocalDate(2025, 12, 31) };
        var reversed = Complete() with { StartDate = new LocalDate(2026, 10, 1), EndDate = new LocalDate(2026, 9, 30) };

        Assert.Equal("StartDate", Assert.Single(ApplicationRules.Validate(form, call, 2026, true, new KeyLocalizer())).Field);
        Assert.Equal("Application_EndBeforeStart", Assert.Single(ApplicationRules.Validate(reversed, call, 2026, true, new KeyLocalizer())).Message);
    }

    [Fact]
    public void Category_outside_the_call_is_refused()
    {
        var form = Complete() with { Category = ProjectCategories.ResearchAndDocumentation };

        Assert.Equal("Application_CategoryNotAllowed", Assert.Single(ApplicationRules.Validate(form, call, 2026, true, new KeyLocalizer())).Message);
    }

    private static ApplicationDraft Complete() => new()
    {
        ProjectTitle = "Title",
        Summary = "Summary",
        StartDate = new LocalDate(2026, 4, 1),
        EndDate = new LocalDate(2026, 11, 30),
        Category = ProjectCategories.CapacityBuilding,
        DeclarationAccepted = true,
        BudgetLines =
        [
            new BudgetLineDraft { Item = "Trainers", Amount = new Krw(15_000_000) },
            new BudgetLineDraft { Item = "Venue", Amount = new Krw(5_000_000) },
        ],
    };

    private static Call NewCall()
    {
        var call = new Call
        {
            Code = "NKHR",
            MinimumRequest = new Krw(10_000_000),
            MaximumRequest = new Krw(100_000_000),
            Categories = ProjectCategories.CapacityBuilding | ProjectCategories.CultureAndArts,
            OpensAt = ClosesAt - Duration.FromDays(30),
            ClosesAt = ClosesAt,
        };
        call.Publish(ClosesAt - Duration.FromDays(30));
        return call;
    }

    /// <summary>Answers with the key, so tests read which rule spoke.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
