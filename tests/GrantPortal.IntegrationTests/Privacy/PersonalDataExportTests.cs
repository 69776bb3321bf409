using System.Text;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Privacy;
using GrantPortal.IntegrationTests.Awards;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Privacy;

/// <summary>A data-subject request answered from a real database: everything about the person, no secret, only for administrators.</summary>
public abstract class PersonalDataExportTests : ProviderTest
{
    private static readonly CurrentUser Admin = new("admin-1", "Admin Choi", null, new HashSet<string> { Roles.Administrator });

    private PersonalDataExport Export => Host.Services.GetRequiredService<PersonalDataExport>();

    [Fact]
    public async Task Export_holds_the_account_the_organization_and_every_record_that_names_the_person()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, ids) = await scenario.CallAsync(envelope: 500_000_000, applications: 1, requested: 90_000_000);
        await using (var db = await Host.CreateDbContextAsync())
        {
            var user = await db.Users.SingleAsync(u => u.Id == "applicant-1");
            user.TwoFactorEnabled = true;
            db.UserTokens.Add(new Microsoft.AspNetCore.Identity.IdentityUserToken<string> { UserId = "applicant-1", LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "JBSWY3DPEHPK3PXP" });
            db.UserTokens.Add(new Microsoft.AspNetCore.Identity.IdentityUserToken<string> { UserId = "applicant-1", LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "AAAA-1111;BBBB-2222;CCCC-3333" });
            db.OutboxMessages.Add(OutboxMessage.Queue(Host.Clock.GetCurrentInstant(), "Test", new MailRecipient("Kim Ji-won", "jiwon@opendoors.example", "ko"), "Received", "Dear Kim Ji-won"));
            db.AuditEvents.Add(AuditEvent.Record(Host.Clock.GetCurrentInstant(), Admin.AsActor(), AuditActions.UserUnlocked, nameof(PortalUser), "applicant-1"));
            await db.SaveChangesAsync();
        }

        var (written, json) = await ExportAsync(Admin, "applicant-1");

        Assert.True(written);
        var root = JsonDocument.Parse(json).RootElement;
        var account = root.GetProperty("account");
        Assert.Equal(("jiwon@opendoors.example", "Kim Ji-won"), (account.GetProperty("email").GetString(), account.GetProperty("displayName").GetString()));
        Assert.Equal(JsonValueKind.Array, account.GetProperty("roles").ValueKind);
        var signIn = account.GetProperty("signIn");
        Assert.True(signIn.GetProperty("authenticatorAppRegistered").GetBoolean());
        Assert.Equal(3, signIn.GetProperty("recoveryCodesLeft").GetInt32());
        Assert.Equal("열린문", root.GetProperty("organization").GetProperty("NameKorean").GetString());

        var application = Assert.Single(root.GetProperty("records").GetProperty("Application.CreatedById").EnumerateArray());
        Assert.Equal(ids[0], application.GetProperty("Id").GetInt32());
        Assert.StartsWith("Young defenders academy", application.GetProperty("ProjectTitle").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-01-29T00:00:00Z", application.GetProperty("SubmittedAt").GetString());
        Assert.Equal("Dear Kim Ji-won", Assert.Single(root.GetProperty("mailSentToThem").EnumerateArray()).GetProperty("Body").GetString());
        Assert.Contains(root.GetProperty("auditEventsAboutTheAccount").EnumerateArray(), e => e.GetProperty("Action").GetString() == AuditActions.UserUnlocked);

        // What protects the account is described, never handed over.
        Assert.DoesNotContain("JBSWY3DPEHPK3PXP", json, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAA-1111", json, StringComparison.Ordinal);
        Assert.DoesNotContain("chosen", json, StringComparison.Ordinal);

        await using var check = await Host.CreateDbContextAsync();
        var audit = await check.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == AuditActions.PersonalDataExported);
        Assert.Equal(("admin-1", "applicant-1"), (audit.ActorId, audit.EntityId));
    }

    [Fact]
    public async Task Staff_members_export_lists_the_decisions_and_payments_they_recorded()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, ids) = await scenario.CallAsync(envelope: 500_000_000, applications: 1, requested: 90_000_000);
        await scenario.AwardAsync(ids[0], 90_000_000);
        await using (var db = await Host.CreateDbContextAsync())
        {
            db.Users.Add(new PortalUser { Id = AwardScenario.Officer.UserId, UserName = "park@ministry.example", Email = "park@ministry.example", DisplayName = "Officer Park", CreatedAt = Host.Clock.GetCurrentInstant() });
            await db.SaveChangesAsync();
        }

        var (_, json) = await ExportAsync(Admin, AwardScenario.Officer.UserId);

        var records = JsonDocument.Parse(json).RootElement.GetProperty("records");
        Assert.Equal(ids[0], Assert.Single(records.GetProperty("Award.AwardedById").EnumerateArray()).GetProperty("ApplicationId").GetInt32());
        Assert.Contains(records.GetProperty("AuditEvent.ActorId").EnumerateArray(), e => e.GetProperty("Action").GetString() == AuditActions.AwardCreated);
    }

    [Fact]
    public async Task Every_demo_account_exports_as_valid_json()
    {
        await Host.InScopeAsync(services => services.GetRequiredService<GrantPortal.Demo.DemoSeeder>().SeedAsync(CancellationToken.None));
        await using var db = await Host.CreateDbContextAsync();
        var people = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email }).ToListAsync();

        foreach (var person in people)
        {
            var (written, json) = await ExportAsync(Admin, person.Id);

            Assert.True(written);
            Assert.Equal(person.Email, JsonDocument.Parse(json).RootElement.GetProperty("account").GetProperty("email").GetString());
        }

        var applicant = people.Single(p => p.Email == GrantPortal.Demo.DemoAccounts.Applicant1.Email);
        var records = JsonDocument.Parse((await ExportAsync(Admin, applicant.Id)).Json).RootElement.GetProperty("records");
        Assert.NotEmpty(records.GetProperty("Application.CreatedById").EnumerateArray());
    }

    [Fact]
    public async Task Only_administrators_export_personal_data_and_nothing_is_written_for_anyone_else()
    {
        await AwardScenario.CreateAsync(Host);

        var (byOfficer, officerJson) = await ExportAsync(AwardScenario.Officer, "applicant-1");
        var (unknown, unknownJson) = await ExportAsync(Admin, "nobody");

        Assert.Equal((false, "", false, ""), (byOfficer, officerJson, unknown, unknownJson));
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.PersonalDataExported));
    }

    [Fact]
    public async Task Every_column_that_holds_a_persons_id_is_in_the_export()
    {
        await using var db = await Host.CreateDbContextAsync();

        var columns = PersonalDataExport.PersonColumns(db.Model).Select(c => c.Name).ToList();

        // A new column holding an account id must be named so that the export finds it: …ById, UserId, ReviewerId, RecipientId, ActorId.
        Assert.Equal(
            [
                "Application.CreatedById", "Application.ShortlistedById", "ApplicationFormVersion.SavedById", "Attachment.UploadedById",
                "AuditEvent.ActorId", "Award.AwardedById", "BankAccount.DecidedById", "BankAccount.RegisteredById", "CallAlerts.ChangedById", "ChangeRequest.DecidedById", "ChangeRequest.RequestedById",
                "ConflictOfInterest.LiftedById", "ConflictOfInterest.RecordedById", "ConflictOfInterest.ReviewerId", "GrantAgreement.ConditionsAcceptedById", "GrantAgreement.DecidedById",
                "GrantAgreement.PledgeSignedById", "GrantAgreement.ReturnedById", "GrantAgreement.SubmittedById", "InformationRequest.AnsweredById", "InformationRequest.RequestedById",
                "Organization.VerifiedById", "Payment.ApprovedById", "Payment.RecordedById", "ProjectReport.ReviewedById", "ReminderDelivery.RecipientId", "ReviewAssignment.AssignedById",
                "ReviewAssignment.ReviewerId", "ReviewerAffiliation.ReviewerId", "ReviewerProfile.UserId", "SavedNarrative.SavedById", "SavedView.UserId", "Settlement.ConfirmedById",
                "Settlement.ReturnConfirmedById", "Settlement.ReturnRecordedById",
            ],
            columns);
        var stringIds = db.Model.GetEntityTypes()
            .Where(t => t.ClrType.Namespace?.StartsWith("GrantPortal.", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetProperties().Where(p => p.ClrType == typeof(string) && p.Name.EndsWith("Id", StringComparison.Ordinal)).Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .Except(columns)
            .Order(StringComparer.Ordinal)
            .ToList();
        // The account itself is the export's first part; an audit event's record id is some record's, a person's only when the record is an account.
        Assert.Equal(["AuditEvent.EntityId", "PortalUser.Id"], stringIds);
    }

    private async Task<(bool Written, string Json)> ExportAsync(CurrentUser admin, string userId)
    {
        using var output = new AsyncOnlyStream();
        var written = await Export.WriteAsync(admin, userId, output);
        return (written, Encoding.UTF8.GetString(output.ToArray()));
    }

    /// <summary>Refuses synchronous writes, as Kestrel's response body does.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream content = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => content.Length;

        public override long Position { get => content.Position; set => throw new NotSupportedException(); }

        public byte[] ToArray() => content.ToArray();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            content.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            content.Dispose();
            base.Dispose(disposing);
        }
    }
}

public sealed class PersonalDataExportTests_on_Sqlite : PersonalDataExportTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PersonalDataExportTests_on_PostgreSql(PostgresCluster cluster) : PersonalDataExportTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
