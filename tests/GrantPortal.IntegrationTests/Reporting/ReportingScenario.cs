using GrantPortal.Core.Accounts;
using GrantPortal.Demo;
using GrantPortal.Core.OpenData;
using GrantPortal.Core.Recommendations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrantPortal.IntegrationTests.Reporting;

/// <summary>The demo data and the reporting services over it, with the funder wording the web app ships with.</summary>
internal static class ReportingScenario
{
    public static readonly CurrentUser Officer = new("officer-1", "Officer Park", null, new HashSet<string> { Roles.ProgramOfficer });

    public static readonly CurrentUser Administrator = new("admin-1", "Admin Lee", null, new HashSet<string> { Roles.Administrator });

    /// <summary>The shipped "Accountability" settings from src/GrantPortal.Web/appsettings.json, so the test reads the real wording.</summary>
    public static IOptions<AccountabilityOptions> ShippedOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Repository.Root, "src", "GrantPortal.Web", "appsettings.json"))
            .Build();
        var options = configuration.GetSection(AccountabilityOptions.Section).Get<AccountabilityOptions>()
            ?? throw new InvalidOperationException("appsettings.json has no Accountability section.");
        return Options.Create(options);
    }

    public static CurrentUser ApplicantOf(int organizationId) =>
        new($"applicant-of-{organizationId}", "Applicant", organizationId, new HashSet<string> { Roles.Applicant });

    public static async Task SeedAsync(PortalTestHost host) =>
        await host.InScopeAsync(services => services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None));

    public static RecommendationFigures Figures(PortalTestHost host) => host.Services.GetRequiredService<RecommendationFigures>();

    public static AccountabilityService Accountability(PortalTestHost host) => new(Figures(host), ShippedOptions());

    public static OpenDataService OpenData(PortalTestHost host) => new(Figures(host), ShippedOptions());
}
