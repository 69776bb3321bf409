using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Time;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>
/// A published 2026 call (NKHR, open until 2026-03-10 18:00 KST, ₩10,000,000–₩100,000,000) and two verified
/// organizations, each with one applicant, plus a program officer.
/// </summary>
internal sealed class ApplicationScenario
{
    public static readonly Instant ClosesAt = Seoul.ToInstant(new LocalDateTime(2026, 3, 10, 18, 0));

    private ApplicationScenario(PortalTestHost host) => Host = host;

    public PortalTestHost Host { get; }

    public int CallId { get; private set; }

    public CurrentUser Applicant { get; private set; } = default!;

    public CurrentUser OtherApplicant { get; private set; } = default!;

    public CurrentUser Officer { get; } = new("officer-1", "Officer Park", null, new HashSet<string> { Roles.ProgramOfficer });

    public StartDraft StartDraft => Host.Services.GetRequiredService<StartDraft>();

    public SaveDraft SaveDraft => Host.Services.GetRequiredService<SaveDraft>();

    public SubmitApplication Submit => Host.Services.GetRequiredService<SubmitApplication>();

    public WithdrawApplication Withdraw => Host.Services.GetRequiredService<WithdrawApplication>();

    public ReviseApplication Revise => Host.Services.GetRequiredService<ReviseApplication>();

    public ApplicationQueries Queries => Host.Services.GetRequiredService<ApplicationQueries>();

    public ApplicationIntake Intake => Host.Services.GetRequiredService<ApplicationIntake>();

    public UploadAttachment Uploads => Host.Services.GetRequiredService<UploadAttachment>();

    public DeleteAttachment Deletions => Host.Services.GetRequiredService<DeleteAttachment>();

    public AttachmentStore Attachments => Host.Services.GetRequiredService<AttachmentStore>();

    public static async Task<ApplicationScenario> CreateAsync(PortalTestHost host, string applicantLanguage = "ko")
    {
        var scenario = new ApplicationScenario(host);
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
            Categories = ProjectCategories.CapacityBuilding | ProjectCategories.CultureAndArts,
            OpensAt = now - Duration.FromDays(1),
            ClosesAt = ClosesAt,
            ReviewDueOn = new LocalDate(2026, 4, 1),
        };
        call.Publish(now - Duration.FromDays(1));
        db.Calls.Add(call);
        var first = Organization.Register("Open Doors Korea", "열린문", "123-82-45679", OrganizationType.IncorporatedAssociation, "Kim Ji-won", "jiwon@opendoors.example", now);
        var second = Organization.Register("Hana Forum", "하나포럼", "220-82-11112", OrganizationType.Foundation, "Lee Min", "min@hana.example", now);
        first.Verify("officer-1", now);
        second.Verify("officer-1", now);
        db.Organizations.AddRange(first, second);
        await db.SaveChangesAsync();
        db.Users.Add(User("applicant-1", "jiwon@opendoors.example", "Kim Ji-won", applicantLanguage, first.Id, now));
        db.Users.Add(User("applicant-2", "min@hana.example", "Lee Min", "en", second.Id, now));
        await db.SaveChangesAsync();

        scenario.CallId = call.Id;
        scenario.Applicant = new CurrentUser("applicant-1", "Kim Ji-won", first.Id, new HashSet<string> { Roles.Applicant });
        scenario.OtherApplicant = new CurrentUser("applicant-2", "Lee Min", second.Id, new HashSet<string> { Roles.Applicant });
        return scenario;
    }

    public static ApplicationDraft CompleteDraft(string title = "Young defenders academy") => new()
    {
        ProjectTitle = title,
        Summary = "Training for young North Korean defectors who document rights violations.",
        Answers = new()
        {
            [DefaultForm.Objectives] = "Forty trained activists.",
            [DefaultForm.Activities] = "Eight weekend workshops, April to November.",
            [DefaultForm.Beneficiaries] = "Young defectors in Seoul and Incheon.",
        },
        StartDate = new LocalDate(2026, 4, 1),
        EndDate = new LocalDate(2026, 11, 30),
        Category = ProjectCategories.CapacityBuilding,
        DeclarationAccepted = true,
        BudgetLines =
        [
            new BudgetLineDraft { Category = BudgetCategory.Personnel, Item = "Trainers", Amount = new Krw(20_000_000), Justification = "8 workshops" },
            new BudgetLineDraft { Category = BudgetCategory.Venue, Item = "Workshop rooms", Amount = new Krw(10_000_000), Justification = "8 weekends" },
        ],
    };

    /// <summary>A draft of the first organization, saved complete and ready to submit.</summary>
    public async Task<int> CompleteDraftAsync(string title = "Young defenders academy")
    {
        var started = await StartDraft.StartDraftAsync(Applicant, CallId);
        Assert.True(started.Succeeded, started.Message);
        var id = started.Value;
        var view = await Queries.GetAsync(Applicant, id);
        var saved = await SaveDraft.SaveDraftAsync(Applicant, id, CompleteDraft(title), view!.Version);
        Assert.True(saved.Succeeded, saved.Message);
        return id;
    }

    private static PortalUser User(string id, string email, string name, string language, int organizationId, Instant now) => new()
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
