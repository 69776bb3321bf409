using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Privacy;
using GrantPortal.IntegrationTests.Awards;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GrantPortal.IntegrationTests.Privacy;

/// <summary>
/// The retention period on a real database: five years after the 2026 budget year closes (1 January 2032 in Seoul), an
/// application that was not funded loses its personal fields and files, a funded one is kept, and a member removed in
/// 2026 is anonymized for good.
/// </summary>
public abstract class RetentionTests : ProviderTest
{
    private static readonly Instant LastDayOfRetention = Instant.FromUtc(2031, 12, 31, 14, 59);
    private static readonly Instant RetentionEnded = Instant.FromUtc(2031, 12, 31, 15, 0);

    private PersonalDataRetention Retention => Host.Services.GetRequiredService<PersonalDataRetention>();

    [Fact]
    public async Task Unfunded_application_loses_its_personal_fields_and_files_once_the_retention_period_ends()
    {
        var seeded = await SeedAsync();

        Host.Clock.Reset(LastDayOfRetention);
        Assert.False((await Retention.RunAsync()).ChangedAnything);
        await using (var db = await Host.CreateDbContextAsync())
        {
            Assert.Equal("Names of the twelve trainees.", (await LoadAsync(db, seeded.Unfunded)).Summary);
        }

        Host.Clock.Reset(RetentionEnded);
        var outcome = await Retention.RunAsync();

        Assert.Equal((2026, 1, 1), (outcome.LastExpiredYear, outcome.Applications, outcome.Attachments));
        await using var check = await Host.CreateDbContextAsync();
        var unfunded = await LoadAsync(check, seeded.Unfunded);
        Assert.Equal(RetentionEnded, unfunded.PersonalDataRemovedAt);
        Assert.Equal("", unfunded.Summary);
        Assert.Empty(unfunded.Answers);
        Assert.Empty(unfunded.Attachments);
        Assert.False(File.Exists(seeded.UnfundedFile));
        var line = Assert.Single(unfunded.BudgetLines);
        Assert.Equal(("", "", 90_000_000L), (line.Item, line.Justification, line.Amount.Won));
        Assert.Equal(ApplicationStatus.Rejected, unfunded.Status);
        Assert.StartsWith("Young defenders academy", unfunded.ProjectTitle, StringComparison.Ordinal);
        var request = await check.InformationRequests.AsNoTracking().SingleAsync(r => r.ApplicationId == seeded.Unfunded);
        Assert.Equal("", request.Before.Summary);
        Assert.Empty(request.Before.Answers);

        var funded = await LoadAsync(check, seeded.Funded);
        Assert.Null(funded.PersonalDataRemovedAt);
        Assert.Equal("Names of the twelve trainees.", funded.Summary);
        Assert.Single(funded.Attachments);
        Assert.True(File.Exists(seeded.FundedFile));

        var audit = await check.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == AuditActions.PersonalDataRetained);
        Assert.Null(audit.ActorId);
        Assert.Contains("\"Applications\":1", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removed_member_is_anonymized_and_can_never_be_restored()
    {
        var seeded = await SeedAsync();
        Host.Clock.Reset(RetentionEnded);

        var outcome = await Retention.RunAsync();

        Assert.Equal(1, outcome.Accounts);
        await using var db = await Host.CreateDbContextAsync();
        var removed = await db.Users.AsNoTracking().SingleAsync(u => u.Id == "member-removed");
        Assert.Equal(PersonalDataRetention.AnonymousEmail("member-removed"), removed.Email);
        Assert.Equal(("", null, null, false), (removed.DisplayName, removed.PasswordHash, removed.PhoneNumber, removed.TwoFactorEnabled));
        Assert.Equal(RetentionEnded, removed.PersonalDataRemovedAt);
        Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == "member-removed"));
        Assert.False(await db.SavedViews.AnyAsync(v => v.UserId == "member-removed"));
        var mail = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Purpose == "Test");
        Assert.Equal((removed.Email, "", ""), (mail.RecipientEmail, mail.RecipientName, mail.Body));

        // The member still in the organization keeps everything, and so do the applications the removed one wrote.
        var active = await db.Users.AsNoTracking().SingleAsync(u => u.Id == "applicant-1");
        Assert.Equal(("jiwon@opendoors.example", "Kim Ji-won", null), (active.Email, active.DisplayName, active.PersonalDataRemovedAt));
        Assert.Equal("member-removed", (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == seeded.Funded)).CreatedById);

        var admin = new CurrentUser("admin-1", "Admin", null, new HashSet<string> { Roles.Administrator });
        var restore = await Host.Services.GetRequiredService<UnlockAccount>().UnlockAsync(admin, "member-removed");
        Assert.Equal(Outcome.Refused, restore.Outcome);
        Assert.NotNull((await db.Users.AsNoTracking().SingleAsync(u => u.Id == "member-removed")).RemovedAt);
    }

    [Fact]
    public async Task A_second_pass_finds_nothing_left_to_do()
    {
        await SeedAsync();
        Host.Clock.Reset(RetentionEnded);
        Assert.True((await Retention.RunAsync()).ChangedAnything);

        var second = await Retention.RunAsync();

        Assert.Equal((0, 0), (second.Applications, second.Accounts));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.PersonalDataRetained));
    }

    [Fact]
    public async Task Retention_period_is_configurable()
    {
        var seeded = await SeedAsync();
        var options = Host.Services.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        options.RetentionYears = 1;
        Host.Clock.Reset(Instant.FromUtc(2027, 12, 31, 15, 0));

        var outcome = await Retention.RunAsync();

        Assert.Equal((2026, 1, 1), (outcome.LastExpiredYear, outcome.Applications, outcome.Accounts));
        await using var db = await Host.CreateDbContextAsync();
        Assert.NotNull((await LoadAsync(db, seeded.Unfunded)).PersonalDataRemovedAt);
    }

    private static Task<Application> LoadAsync(Core.Data.PortalDbContext db, int id) =>
        db.Applications.AsNoTracking().Include(a => a.BudgetLines).Include(a => a.Attachments).AsSplitQuery().SingleAsync(a => a.Id == id);

    /// <summary>
    /// A 2026 call with two applications written by a member who was later removed: one funded, one rejected when the
    /// call was finalized, each with an answer and a file; the rejected one also with a request for more information.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (callId, ids) = await scenario.CallAsync(envelope: 500_000_000, applications: 2, requested: 90_000_000);
        var attachments = Host.Services.GetRequiredService<IOptions<AttachmentOptions>>().Value.Directory;
        Directory.CreateDirectory(attachments);
        var now = Host.Clock.GetCurrentInstant();
        var files = new List<string>();
        await using (var db = await Host.CreateDbContextAsync())
        {
            db.Users.Add(new PortalUser
            {
                Id = "member-removed",
                UserName = "minsu@opendoors.example",
                NormalizedUserName = "MINSU@OPENDOORS.EXAMPLE",
                Email = "minsu@opendoors.example",
                NormalizedEmail = "MINSU@OPENDOORS.EXAMPLE",
                DisplayName = "Lee Min-su",
                PhoneNumber = "010-1234-5678",
                PasswordHash = "chosen",
                TwoFactorEnabled = true,
                OrganizationId = scenario.OrganizationId,
                CreatedAt = now,
                RemovedAt = now + Duration.FromDays(30),
                SecurityStamp = Guid.NewGuid().ToString(),
            });
            db.UserTokens.Add(new Microsoft.AspNetCore.Identity.IdentityUserToken<string> { UserId = "member-removed", LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "JBSWY3DPEHPK3PXP" });
            db.SavedViews.Add(new GrantPortal.Core.Lists.SavedView { UserId = "member-removed", List = GrantPortal.Core.Lists.SavedViewLists.Intake, Name = "Lee Min-su's queue", Query = "q=Lee", CreatedAt = now });
            db.OutboxMessages.Add(OutboxMessage.Queue(now, "Test", new MailRecipient("Lee Min-su", "minsu@opendoors.example", "ko"), "Submitted", "Dear Lee Min-su, …"));
            foreach (var id in ids)
            {
                var application = await db.Applications.SingleAsync(a => a.Id == id);
                db.Entry(application).Property(a => a.CreatedById).CurrentValue = "member-removed";
                application.Summary = "Names of the twelve trainees.";
                application.Answers = new Dictionary<string, string> { ["team"] = "Lee Min-su, 010-1234-5678" };
                var stored = Guid.NewGuid().ToString("N");
                await File.WriteAllTextAsync(Path.Combine(attachments, stored), "%PDF-1.7 CV of a trainee");
                files.Add(Path.Combine(attachments, stored));
                db.Attachments.Add(new Attachment { ApplicationId = id, StoredName = stored, DisplayName = "cv.pdf", Kind = AttachmentKind.Pdf, SizeBytes = 24, Sha256 = new string('0', 64), UploadedById = "member-removed", UploadedAt = now });
            }

            var unfunded = await db.Applications.SingleAsync(a => a.Id == ids[1]);
            db.InformationRequests.Add(InformationRequest.Open(unfunded, "Please name the trainers.", ["team"], new LocalDate(2026, 3, 10), AwardScenario.Officer, now));

            await db.SaveChangesAsync();
        }

        await scenario.AwardAsync(ids[0], 90_000_000);
        var finalized = await scenario.FinalizeCall.FinalizeAsync(AwardScenario.Officer, callId);
        Assert.True(finalized.Succeeded, finalized.Message);
        return new Seeded(ids[0], ids[1], files[0], files[1]);
    }

    private sealed record Seeded(int Funded, int Unfunded, string FundedFile, string UnfundedFile);
}

public sealed class RetentionTests_on_Sqlite : RetentionTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class RetentionTests_on_PostgreSql(PostgresCluster cluster) : RetentionTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
