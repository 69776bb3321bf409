using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Awards;

/// <summary>
/// A 2026 budget year (₩1,800,000,000) with calls that closed before the clock's start, one verified organization
/// with an applicant account, and applications under review that the panel decided to fund.
/// </summary>
internal sealed class AwardScenario
{
    private int callSequence;
    private int receiptSequence;

    private AwardScenario(PortalTestHost host) => Host = host;

    public PortalTestHost Host { get; }

    public int YearId { get; private set; }

    public int OrganizationId { get; private set; }

    public static CurrentUser Officer { get; } = new("officer-1", "Officer Park", null, new HashSet<string> { Roles.ProgramOfficer });

    public static CurrentUser SecondOfficer { get; } = new("officer-2", "Officer Choi", null, new HashSet<string> { Roles.ProgramOfficer });

    public static CurrentUser Finance1 { get; } = new("finance-1", "Finance Han", null, new HashSet<string> { Roles.Finance });

    public static CurrentUser Finance2 { get; } = new("finance-2", "Finance Seo", null, new HashSet<string> { Roles.Finance });

    public CurrentUser Applicant => new("applicant-1", "Kim Ji-won", OrganizationId, new HashSet<string> { Roles.Applicant });

    public AwardQueries AwardQueries => Use<AwardQueries>();

    public AwardDetailsQuery AwardDetails => Use<AwardDetailsQuery>();

    public GranteeAwards GranteeAwards => Use<GranteeAwards>();

    public AwardApplication AwardApplication => Use<AwardApplication>();

    public AmendAward AmendAward => Use<AmendAward>();

    public CancelAward CancelAward => Use<CancelAward>();

    public RecordReturnedFunds RecordReturnedFunds => Use<RecordReturnedFunds>();

    public ReplanTranche ReplanTranche => Use<ReplanTranche>();

    public FinalizeCall FinalizeCall => Use<FinalizeCall>();

    public BudgetQueries BudgetQueries => Use<BudgetQueries>();

    public BudgetExports BudgetExports => Use<BudgetExports>();

    public FinanceWorklistQuery FinanceWorklist => Use<FinanceWorklistQuery>();

    public RecordPayment RecordPayment => Use<RecordPayment>();

    public ApprovePayment ApprovePayment => Use<ApprovePayment>();

    public MarkPaymentPaid MarkPaymentPaid => Use<MarkPaymentPaid>();

    public RejectPayment RejectPayment => Use<RejectPayment>();

    public AcceptAwardConditions AcceptConditions => Use<AcceptAwardConditions>();

    public RegisterBankAccount RegisterBankAccount => Use<RegisterBankAccount>();

    public UploadBankBook UploadBankBook => Use<UploadBankBook>();

    public SignPledge SignPledge => Use<SignPledge>();

    public SubmitAgreement SubmitAgreement => Use<SubmitAgreement>();

    public IssueGrantDecision IssueGrantDecision => Use<IssueGrantDecision>();

    public ReturnAgreement ReturnAgreement => Use<ReturnAgreement>();

    public DecideAccountChange DecideAccountChange => Use<DecideAccountChange>();

    public AgreementQueries Agreements => Use<AgreementQueries>();

    /// <summary>The smallest real PDF: what a scanned bank book (통장사본) looks like to the upload checks.</summary>
    public static byte[] BankBookPdf { get; } = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    /// <summary>The organization's account at KB국민은행, holder as on its registration.</summary>
    public static BankAccountForm Account(string number = "123456-01-234567", string holder = "열린문") =>
        new() { BankCode = "004", AccountNumber = number, Holder = holder };

    /// <summary>The grantee's whole checklist (conditions, account, bank book, pledge) and its submission.</summary>
    public async Task CompleteAgreementAsync(int awardId)
    {
        Assert.True((await AcceptConditions.AcceptAsync(Applicant, awardId)).Succeeded);
        var registered = await RegisterBankAccount.RegisterAsync(Applicant, awardId, Account());
        Assert.True(registered.Succeeded, registered.Message);
        await using (var file = new MemoryStream(BankBookPdf))
        {
            var uploaded = await UploadBankBook.UploadAsync(Applicant, awardId, "bankbook.pdf", file);
            Assert.True(uploaded.Succeeded, uploaded.Message);
        }

        Assert.True((await SignPledge.SignAsync(Applicant, awardId, "Kim Ji-won", "대표")).Succeeded);
        var submitted = await SubmitAgreement.SubmitAsync(Applicant, awardId);
        Assert.True(submitted.Succeeded, submitted.Message);
    }

    /// <summary>Completes the grantee's checklist and issues the grant decision, so finance may pay.</summary>
    public async Task DecideAgreementAsync(int awardId)
    {
        await CompleteAgreementAsync(awardId);
        var decided = await IssueGrantDecision.IssueAsync(Officer, awardId);
        Assert.True(decided.Succeeded, decided.Message);
    }

    /// <summary>An award whose grant decision is issued: payments may be recorded on it.</summary>
    public async Task<int> PayableAwardAsync(int applicationId, long amount)
    {
        var awardId = await AwardAsync(applicationId, amount);
        await DecideAgreementAsync(awardId);
        return awardId;
    }

    public LocalDate Today => Host.Clock.GetCurrentInstant().InZone(GrantPortal.Core.Time.Seoul.Zone).Date;

    public static async Task<AwardScenario> CreateAsync(PortalTestHost host)
    {
        var scenario = new AwardScenario(host);
        var now = host.Clock.GetCurrentInstant();
        await using var db = await host.CreateDbContextAsync();
        var year = BudgetYear.Open(2026, new Krw(1_800_000_000));
        db.BudgetYears.Add(year);
        var organization = Organization.Register("Open Doors Korea", "열린문", "123-82-45679", OrganizationType.IncorporatedAssociation, "Kim Ji-won", "jiwon@opendoors.example", now);
        organization.Verify("officer-1", now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        db.Users.Add(new PortalUser
        {
            Id = "applicant-1",
            UserName = "jiwon@opendoors.example",
            NormalizedUserName = "JIWON@OPENDOORS.EXAMPLE",
            Email = "jiwon@opendoors.example",
            NormalizedEmail = "JIWON@OPENDOORS.EXAMPLE",
            DisplayName = "Kim Ji-won",
            PreferredLanguage = "ko",

            // An account in use: the portal mails members who have chosen a password.
            PasswordHash = "chosen",
            OrganizationId = organization.Id,
            CreatedAt = now,
            SecurityStamp = Guid.NewGuid().ToString(),
        });
        await db.SaveChangesAsync();
        scenario.YearId = year.Id;
        scenario.OrganizationId = organization.Id;
        return scenario;
    }

    /// <summary>A closed call with <paramref name="applications"/> funded-by-the-panel applications, each requesting <paramref name="requested"/>.</summary>
    public async Task<(int CallId, IReadOnlyList<int> ApplicationIds)> CallAsync(long envelope, int applications, long requested)
    {
        var now = Host.Clock.GetCurrentInstant();
        await using var db = await Host.CreateDbContextAsync();
        var code = "C" + (++callSequence).ToString(CultureInfo.InvariantCulture);
        var call = new Call
        {
            BudgetYearId = YearId,
            Code = code,
            TitleEnglish = "North Korean human rights " + code,
            TitleKorean = "북한인권 증진 " + code,
            Envelope = new Krw(envelope),
            MinimumRequest = new Krw(1_000_000),
            MaximumRequest = new Krw(500_000_000),
            OpensAt = now - Duration.FromDays(60),
            ClosesAt = now - Duration.FromDays(30),
            ReviewDueOn = new LocalDate(2026, 2, 20),
        };
        call.Publish(now - Duration.FromDays(60));
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        var created = new List<Application>();
        for (var i = 0; i < applications; i++)
        {
            var application = Application.StartDraft(call, OrganizationId, "applicant-1", now - Duration.FromDays(40));
            application.ProjectTitle = $"Young defenders academy {code}-{i}";
            application.StartDate = new LocalDate(2026, 4, 1);
            application.EndDate = new LocalDate(2026, 11, 30);
            application.BudgetLines.Add(new BudgetLine { Order = 0, Category = BudgetCategory.Activities, Item = "Workshops", Amount = new Krw(requested), Justification = "8 weekends" });
            application.Submit($"2026-{code}-{++receiptSequence:0000}", now - Duration.FromDays(31));
            application.StartReview();
            application.RecordPanelDecision(PanelDecision.Fund, "지원");
            created.Add(application);
        }

        db.Applications.AddRange(created);
        await db.SaveChangesAsync();
        return (call.Id, created.Select(a => a.Id).ToList());
    }

    /// <summary>The usual form: the full request, 60% now and the rest after the interim report.</summary>
    public AwardForm Form(int applicationId, long amount, string? reductionReason = null)
    {
        var form = AwardForm.Proposed(applicationId, new Krw(amount), Today, new LocalDate(2026, 4, 1), new LocalDate(2026, 11, 30));
        form.ReductionReason = reductionReason;
        form.Conditions = "사업비는 전용 계좌로 관리합니다.";
        return form;
    }

    public async Task<int> AwardAsync(int applicationId, long amount)
    {
        var result = await AwardApplication.AwardAsync(Officer, Form(applicationId, amount));
        Assert.True(result.Succeeded, result.Message);
        return result.Value;
    }

    public async Task<AwardDetails> DetailsAsync(int awardId) => (await AwardDetails.GetAsync(Officer, awardId))!;

    /// <summary>Records, approves (by the other finance user) and pays a payment.</summary>
    public async Task<int> PayAsync(int trancheId, long amount)
    {
        var recorded = await RecordPayment.RecordAsync(Finance1, trancheId, new Krw(amount), null);
        Assert.True(recorded.Succeeded, recorded.Message);
        var approved = await ApprovePayment.ApproveAsync(Finance2, recorded.Value, 0);
        Assert.True(approved.Succeeded, approved.Message);
        var paid = await MarkPaymentPaid.MarkPaidAsync(Finance1, recorded.Value, "EFT-1", Today, 1);
        Assert.True(paid.Succeeded, paid.Message);
        return recorded.Value;
    }

    public static PaymentStatus Status(AwardDetails details, int paymentId) =>
        details.Tranches.SelectMany(t => t.Payments).Single(p => p.Id == paymentId).Status;

    private T Use<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();
}
