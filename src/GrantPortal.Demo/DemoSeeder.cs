using System.Diagnostics;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Organizations;
using System.Text.Json;
using GrantPortal.Core.Recommendations;

namespace GrantPortal.Demo;

/// <summary>
/// Fills a fresh database with the demo grant history of DESIGN.md: 2023 and 2024 decided and paid,
/// the current year with reviews, reports and payments in progress, and open calls for a budget year a
/// project can still run in (the next one late in the year). Deterministic apart from
/// Identity's own ids and stamps; does nothing once any budget year exists, so it is safe on every start.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<PortalUser> users,
    RoleSetup roleSetup,
    RecommendationCatalogue catalogue,
    DemoAgreementSteps agreementSteps,
    IClock clock,
    ILogger<DemoSeeder> logger)
{
    /// <summary>Reviewers without a password, so that every application can have three.</summary>
    private static readonly (string Email, string DisplayName, string Language)[] ExtraReviewers =
    [
        ("reviewer3@demo.local", "윤미경", Languages.Korean),
        ("reviewer4@demo.local", "Thomas Becker", Languages.English),
        ("reviewer5@demo.local", "강도윤", Languages.Korean),
    ];

    /// <returns>True when it seeded; false when the database already had data.</returns>
    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.BudgetYears.AnyAsync(ct))
        {
            logger.LogInformation("Demo data not seeded: the database already has budget years");
            return false;
        }

        var started = Stopwatch.GetTimestamp();
        var now = clock.GetCurrentInstant();

        // Password hashing is deliberately slow (~100 ms). The demo accounts share one published password,
        // so one hash serves them all; it is computed while the roles and the catalogue are set up.
        var hashing = Task.Run(() => users.PasswordHasher.HashPassword(new PortalUser(), DemoAccounts.Password), ct);
        await roleSetup.EnsureRolesAsync();
        await catalogue.EnsureSeededAsync(ct);
        var recommendations = await db.Recommendations.ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);

        var passwordHash = await hashing;
        var people = await CreateStaffAsync(passwordHash, now);
        var history = new DemoGrantHistory(db, people, recommendations, now, Seoul.Today(clock));
        history.AddOrganizationsAndCalls();
        await db.SaveChangesAsync(ct);

        await CreateApplicantsAsync(people, history.Organizations, passwordHash, now);
        history.AddGrants();
        await db.SaveChangesAsync(ct);

        history.CompleteAfterSave();
        var summary = new
        {
            organizations = history.Organizations.Count,
            applications = history.Applications,
            awards = history.Awards,
            payments = history.Payments,
            reports = history.Reports,
            currentYear = history.CurrentYear,
            openCallYear = history.OpenCallYear,
        };
        db.AuditEvents.Add(AuditEvent.Record(now, Actor.System, "demo.seeded", "Database", "demo", after: JsonSerializer.Serialize(summary)));
        await db.SaveChangesAsync(ct);
        await DemoAgreements.LinkPaymentsAsync(db, ct);
        await DemoSettlements.AddAsync(db, people, ct);
        await agreementSteps.TakeAsync(history.AgreementStepAwards, people, history.Organizations, ct);

        logger.LogInformation(
            "Seeded demo data: {Organizations} organizations, {Applications} applications, {Awards} awards in {ElapsedMs} ms",
            summary.organizations,
            summary.applications,
            summary.awards,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    private async Task<DemoPeople> CreateStaffAsync(string passwordHash, Instant now)
    {
        var since = now - Duration.FromDays(400);
        var created = new Dictionary<string, PortalUser>(StringComparer.Ordinal);
        foreach (var account in DemoAccounts.All.Where(a => a.Role != Roles.Applicant))
        {
            created[account.Email] = await EnsureUserAsync(account.Email, account.DisplayName, account.PreferredLanguage, account.Role, null, passwordHash, since);
        }

        var reviewers = new List<PortalUser> { created[DemoAccounts.Reviewer1.Email], created[DemoAccounts.Reviewer2.Email] };
        foreach (var (email, displayName, language) in ExtraReviewers)
        {
            reviewers.Add(await EnsureUserAsync(email, displayName, language, Roles.Reviewer, null, null, since));
        }

        return new DemoPeople
        {
            Officer = created[DemoAccounts.Officer.Email],
            Finance1 = created[DemoAccounts.Finance1.Email],
            Finance2 = created[DemoAccounts.Finance2.Email],
            Reviewers = reviewers,
        };
    }

    /// <summary>applicant1 and applicant2 for the first two organizations; a contact without a password for each other one.</summary>
    private async Task CreateApplicantsAsync(DemoPeople people, IReadOnlyList<Organization> organizations, string passwordHash, Instant now)
    {
        for (var i = 0; i < organizations.Count; i++)
        {
            var organization = organizations[i];
            var data = DemoData.Organizations[i];
            var account = i switch
            {
                DemoData.Applicant1Organization => DemoAccounts.Applicant1,
                DemoData.Applicant2Organization => DemoAccounts.Applicant2,
                _ => null,
            };
            var createdAt = organization.RegisteredAt < now ? organization.RegisteredAt : now;
            people.Applicants[i] = account is null
                ? await EnsureUserAsync(organization.ContactEmail, data.ContactName, data.Language, Roles.Applicant, organization.Id, null, createdAt)
                : await EnsureUserAsync(account.Email, account.DisplayName, account.PreferredLanguage, account.Role, organization.Id, passwordHash, createdAt);
        }
    }

    /// <summary>
    /// Finds or creates one user in one role; a rerun after a failed seed reuses the accounts it made.
    /// A null <paramref name="passwordHash"/> makes an account that cannot sign in until a password is set.
    /// </summary>
    private async Task<PortalUser> EnsureUserAsync(string email, string displayName, string language, string role, int? organizationId, string? passwordHash, Instant createdAt)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                PreferredLanguage = language,
                OrganizationId = organizationId,
                CreatedAt = createdAt,
                PasswordHash = passwordHash,
            };

            // Creating with a ready hash skips the password validators; the only hash used is of DemoAccounts.Password, which meets the policy.
            EnsureSucceeded(await users.CreateAsync(user), email);
            EnsureSucceeded(await users.AddToRoleAsync(user, role), email);
            return user;
        }

        if (user.OrganizationId != organizationId)
        {
            user.OrganizationId = organizationId;
            EnsureSucceeded(await users.UpdateAsync(user), email);
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            EnsureSucceeded(await users.AddToRoleAsync(user, role), email);
        }

        return user;
    }

    private static void EnsureSucceeded(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
