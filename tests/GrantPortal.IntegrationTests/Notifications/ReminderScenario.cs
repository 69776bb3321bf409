using System.Text;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Reporting;
using GrantPortal.Core.Reviews;
using GrantPortal.Core.Time;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace GrantPortal.IntegrationTests.Notifications;

/// <summary>
/// Something due under every rule at <see cref="PortalTestHost.Start"/> (2026-03-01 09:00 KST):
/// a call closing 2026-03-05 18:00 KST with a draft from each of two organizations, a review due 2026-03-03,
/// an interim report due 2026-03-12, and a payment recorded by one Finance user that the other must approve.
/// Five reminders for four people: applicant A (Korean), applicant B (English, two items), the reviewer
/// (Korean) and the second Finance user (English). The first Finance user recorded the payment and gets nothing.
/// </summary>
internal sealed class ReminderScenario
{
    public const string PortalUrl = "https://grants.example.go.kr";
    public static readonly Instant ClosesAt = Seoul.ToInstant(new LocalDateTime(2026, 3, 5, 18, 0));

    private ReminderScenario(PortalTestHost host) => Host = host;

    public PortalTestHost Host { get; }

    public int DraftA { get; private set; }

    public int DraftB { get; private set; }

    public int AssignmentId { get; private set; }

    public int ReportId { get; private set; }

    public int PaymentId { get; private set; }

    public static async Task<ReminderScenario> CreateAsync(PortalTestHost host)
    {
        var scenario = new ReminderScenario(host);
        var now = host.Clock.GetCurrentInstant();
        await using var db = await host.CreateDbContextAsync();
        var year = BudgetYear.Open(2026, new Krw(1_800_000_000));
        db.BudgetYears.Add(year);
        await db.SaveChangesAsync();
        var call = new Call
        {
            BudgetYearId = year.Id,
            Code = "NKHR",
            TitleEnglish = "North Korean human rights 2026",
            TitleKorean = "2026 북한인권 증진 사업",
            Envelope = new Krw(900_000_000),
            MinimumRequest = new Krw(10_000_000),
            MaximumRequest = new Krw(100_000_000),
            OpensAt = now - Duration.FromDays(10),
            ClosesAt = ClosesAt,
            ReviewDueOn = new LocalDate(2026, 3, 3),
        };
        call.Publish(now - Duration.FromDays(10));
        db.Calls.Add(call);
        var first = Organization.Register("Open Doors Korea", "열린문", "123-82-45679", OrganizationType.IncorporatedAssociation, "Kim Ji-won", "jiwon@opendoors.example", now);
        var second = Organization.Register("Hana Forum", "하나포럼", "220-82-11112", OrganizationType.Foundation, "Lee Min", "min@hana.example", now);
        first.Verify("officer-1", now);
        second.Verify("officer-1", now);
        db.Organizations.AddRange(first, second);
        await db.SaveChangesAsync();
        db.Users.AddRange(
            User("applicant-a", "jiwon@opendoors.example", "김지원", "ko", first.Id, now),
            User("applicant-b", "min@hana.example", "Lee Min", "en", second.Id, now),
            User("reviewer-1", "reviewer@ministry.example", "박심사", "ko", null, now),
            User("finance-1", "finance1@ministry.example", "최재무", "ko", null, now),
            User("finance-2", "finance2@ministry.example", "Jung Finance", "en", null, now));
        var financeRole = await db.Roles.SingleAsync(r => r.Name == Roles.Finance);
        db.UserRoles.AddRange(
            new IdentityUserRole<string> { UserId = "finance-1", RoleId = financeRole.Id },
            new IdentityUserRole<string> { UserId = "finance-2", RoleId = financeRole.Id });
        await db.SaveChangesAsync();

        var draftA = Draft(call, first.Id, "applicant-a", "청년 활동가 학교", now);
        var draftB = Draft(call, second.Id, "applicant-b", "Oral history archive", now);
        var reviewed = Draft(call, first.Id, "applicant-a", "탈북민 증언집", now);
        var funded = Draft(call, second.Id, "applicant-b", "Human rights film week", now);
        reviewed.Submit("2026-NKHR-0001", now);
        funded.Submit("2026-NKHR-0002", now);
        db.Applications.AddRange(draftA, draftB, reviewed, funded);
        await db.SaveChangesAsync();

        var assignment = new ReviewAssignment { ApplicationId = reviewed.Id, ReviewerId = "reviewer-1", AssignedAt = now, DueOn = new LocalDate(2026, 3, 3) };
        db.ReviewAssignments.Add(assignment);
        var award = new Award
        {
            ApplicationId = funded.Id,
            CallId = call.Id,
            OrganizationId = second.Id,
            Amount = new Krw(50_000_000),
            Status = AwardStatus.Active,
            AwardedAt = now,
            AwardedById = "officer-1",
        };
        db.Awards.Add(award);
        await db.SaveChangesAsync();
        var report = new ProjectReport { AwardId = award.Id, Kind = ReportKind.Interim, DueOn = new LocalDate(2026, 3, 12), Status = ReportStatus.Due };
        var tranche = new Tranche { AwardId = award.Id, Sequence = 1, Amount = new Krw(25_000_000), PlannedOn = new LocalDate(2026, 3, 2) };
        db.ProjectReports.Add(report);
        db.Tranches.Add(tranche);
        await db.SaveChangesAsync();
        var payment = new Payment { TrancheId = tranche.Id, AwardId = award.Id, Amount = tranche.Amount, Status = PaymentStatus.AwaitingApproval, RecordedById = "finance-1", RecordedAt = now };
        db.Payments.Add(payment);
        await db.SaveChangesAsync();

        scenario.DraftA = draftA.Id;
        scenario.DraftB = draftB.Id;
        scenario.AssignmentId = assignment.Id;
        scenario.ReportId = report.Id;
        scenario.PaymentId = payment.Id;
        return scenario;
    }

    /// <summary>The portal's reminder service, mailing through MailKit to an SMTP server on loopback.</summary>
    public ReminderService Reminders(int smtpPort, int retryCount = 0) => Reminders(Host, smtpPort, retryCount);

    public static ReminderService Reminders(PortalTestHost host, int smtpPort, int retryCount = 0, int messagesPerConnection = 500)
    {
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtpPort, RetryCount = retryCount, RetryBaseDelay = TimeSpan.FromMilliseconds(10), TimeoutSeconds = 10 };
        var sender = new MailKitSender(Options.Create(smtp), host.Clock, NullLogger<MailKitSender>.Instance);
        return new ReminderService(
            host.DbFactory,
            host.Clock,
            sender,
            host.Services.GetRequiredService<IStringLocalizer<Strings>>(),
            Options.Create(new ReminderOptions { PortalUrl = PortalUrl, MessagesPerConnection = messagesPerConnection }),
            NullLogger<ReminderService>.Instance);
    }

    public static List<MimeMessage> Parse(netDumbster.smtp.SimpleSmtpServer server) =>
        server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    private static Application Draft(Call call, int organizationId, string userId, string title, Instant now)
    {
        var application = Application.StartDraft(call, organizationId, userId, now);
        application.ProjectTitle = title;
        return application;
    }

    public static PortalUser User(string id, string email, string name, string language, int? organizationId, Instant now) => new()
    {
        Id = id,
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        DisplayName = name,
        PreferredLanguage = language,
        OrganizationId = organizationId,
        CreatedAt = now,
        SecurityStamp = Guid.NewGuid().ToString(),
    };
}
