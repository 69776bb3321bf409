using System.Globalization;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Documents;
using GrantPortal.Core.Kernel;
using GrantPortal.Core.Money;
using GrantPortal.Core.Notifications;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace GrantPortal.IntegrationTests.Awards;

/// <summary>The grant agreement (교부) before payments: checklist, grant decision, approved account, change of account.</summary>
public abstract class GrantAgreementTests : ProviderTest
{
    protected GrantAgreementTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task Payment_before_grant_decision_is_refused()
    {
        var (scenario, awardId) = await AwardAsync();
        await scenario.CompleteAgreementAsync(awardId);
        var tranche = (await scenario.DetailsAsync(awardId)).Tranches[0];

        var refused = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, tranche.Id, new Krw(1_000_000), null);

        Assert.Equal(Outcome.Refused, refused.Outcome);
        Assert.Contains("grant decision", refused.Message, StringComparison.Ordinal);
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.Payments.AnyAsync(p => p.AwardId == awardId));
    }

    [Fact]
    public async Task Decision_needs_a_complete_submitted_checklist()
    {
        var (scenario, awardId) = await AwardAsync();
        Assert.True((await scenario.AcceptConditions.AcceptAsync(scenario.Applicant, awardId)).Succeeded);
        Assert.True((await scenario.RegisterBankAccount.RegisterAsync(scenario.Applicant, awardId, AwardScenario.Account())).Succeeded);

        var early = await scenario.IssueGrantDecision.IssueAsync(AwardScenario.Officer, awardId);
        var submitEarly = await scenario.SubmitAgreement.SubmitAsync(scenario.Applicant, awardId);

        Assert.Equal(Outcome.Refused, early.Outcome);
        Assert.Contains("bank-book", early.Message, StringComparison.Ordinal);
        Assert.Equal(Outcome.Refused, submitEarly.Outcome);
        Assert.Contains("upload the bank-book copy", submitEarly.Message, StringComparison.Ordinal);
        await using (var file = new MemoryStream(AwardScenario.BankBookPdf))
        {
            Assert.True((await scenario.UploadBankBook.UploadAsync(scenario.Applicant, awardId, "통장사본.pdf", file)).Succeeded);
        }

        Assert.Contains("sign the pledge", (await scenario.SubmitAgreement.SubmitAsync(scenario.Applicant, awardId)).Message, StringComparison.Ordinal);
        Assert.True((await scenario.SignPledge.SignAsync(scenario.Applicant, awardId, "Kim Ji-won", "대표")).Succeeded);
        Assert.Equal(Outcome.Refused, (await scenario.IssueGrantDecision.IssueAsync(AwardScenario.Officer, awardId)).Outcome);
        Assert.True((await scenario.SubmitAgreement.SubmitAsync(scenario.Applicant, awardId)).Succeeded);
        Assert.True((await scenario.IssueGrantDecision.IssueAsync(AwardScenario.Officer, awardId)).Succeeded);

        var view = (await scenario.Agreements.ForAwardAsync(scenario.Applicant, awardId, "en"))!;
        Assert.Equal(AgreementStatus.Decided, view.Status);
        Assert.Equal(BankAccountStatus.Approved, view.ApprovedAccount!.Status);
        Assert.Equal("**********4567", view.ApprovedAccount.MaskedNumber);
        Assert.Null(view.PendingAccount);
    }

    [Fact]
    public async Task Two_officers_issuing_the_decision_at_once_decide_once()
    {
        var (scenario, awardId) = await AwardAsync();
        await scenario.CompleteAgreementAsync(awardId);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => scenario.IssueGrantDecision.IssueAsync(i % 2 == 0 ? AwardScenario.Officer : AwardScenario.SecondOfficer, awardId))));

        Assert.Equal(1, attempts.Count(a => a.Succeeded));
        Assert.All(attempts.Where(a => !a.Succeeded), a => Assert.Equal(Outcome.Refused, a.Outcome));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "agreement.decided"));
        Assert.Equal(1, await db.BankAccounts.CountAsync(a => a.AwardId == awardId && a.Status == BankAccountStatus.Approved));
        Assert.Single(await db.OutboxMessages.Where(m => m.Purpose == MailPurposes.AgreementDecided).ToListAsync());
    }

    [Fact]
    public async Task A_change_of_account_waits_for_the_officer_and_payments_go_only_to_the_approved_account()
    {
        var (scenario, awardId) = await AwardAsync();
        await scenario.DecideAgreementAsync(awardId);
        var tranche = (await scenario.DetailsAsync(awardId)).Tranches[0];
        var first = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, tranche.Id, new Krw(1_000_000), null);
        Assert.True(first.Succeeded, first.Message);

        var change = await scenario.RegisterBankAccount.RegisterAsync(scenario.Applicant, awardId, new BankAccountForm { BankCode = "090", AccountNumber = "3333-01-2345678", Holder = "열린문" });
        Assert.True(change.Succeeded, change.Message);
        var whileWaiting = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, tranche.Id, new Krw(1_000_000), null);
        var withoutBook = await scenario.DecideAccountChange.ApproveAsync(AwardScenario.Officer, change.Value);
        await using (var file = new MemoryStream(AwardScenario.BankBookPdf))
        {
            Assert.True((await scenario.UploadBankBook.UploadAsync(scenario.Applicant, awardId, "new.pdf", file)).Succeeded);
        }

        var approved = await scenario.DecideAccountChange.ApproveAsync(AwardScenario.Officer, change.Value);
        var oldAccountPayment = await scenario.ApprovePayment.ApproveAsync(AwardScenario.Finance2, first.Value, 0);
        var afterChange = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, tranche.Id, new Krw(1_000_000), null);

        Assert.True(whileWaiting.Succeeded, whileWaiting.Message);
        Assert.Equal(Outcome.Refused, withoutBook.Outcome);
        Assert.True(approved.Succeeded, approved.Message);
        Assert.Equal(Outcome.Refused, oldAccountPayment.Outcome);
        Assert.Contains("no longer the approved account", oldAccountPayment.Message, StringComparison.Ordinal);
        Assert.True(afterChange.Succeeded, afterChange.Message);
        await using var db = await Host.CreateDbContextAsync();
        var accounts = await db.BankAccounts.Where(a => a.AwardId == awardId).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([BankAccountStatus.Superseded, BankAccountStatus.Approved], accounts.Select(a => a.Status));
        var payments = await db.Payments.Where(p => p.AwardId == awardId).OrderBy(p => p.Id).Select(p => p.BankAccountId).ToListAsync();
        Assert.Equal([accounts[0].Id, accounts[0].Id, accounts[1].Id], payments);
    }

    [Fact]
    public async Task Payment_to_an_award_without_an_approved_account_is_refused()
    {
        var (scenario, awardId) = await AwardAsync();
        await scenario.DecideAgreementAsync(awardId);
        await using (var db = await Host.CreateDbContextAsync())
        {
            // An account withdrawn outside the portal's steps (e.g. by a database fix): nothing may be paid.
            await db.BankAccounts.Where(a => a.AwardId == awardId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, BankAccountStatus.Superseded));
        }

        var tranche = (await scenario.DetailsAsync(awardId)).Tranches[0];
        var refused = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, tranche.Id, new Krw(1_000_000), null);

        Assert.Equal(Outcome.Refused, refused.Outcome);
        Assert.Contains("approved account", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_holder_unlike_the_organization_is_saved_with_a_warning_and_a_bad_number_is_refused()
    {
        var (scenario, awardId) = await AwardAsync();

        var warned = await scenario.RegisterBankAccount.RegisterAsync(scenario.Applicant, awardId, AwardScenario.Account(holder: "김지원"));
        var wrongLength = await scenario.RegisterBankAccount.RegisterAsync(scenario.Applicant, awardId, AwardScenario.Account(number: "1234-5678"));
        var letters = await scenario.RegisterBankAccount.RegisterAsync(scenario.Applicant, awardId, AwardScenario.Account(number: "12345-ab-67890"));
        var stranger = new CurrentUser("applicant-9", "Other", scenario.OrganizationId + 1, new HashSet<string> { Roles.Applicant });
        var notTheirs = await scenario.RegisterBankAccount.RegisterAsync(stranger, awardId, AwardScenario.Account());

        Assert.True(warned.Succeeded);
        Assert.Contains("differs from the organization's name", warned.Message, StringComparison.Ordinal);
        Assert.Equal(Outcome.Invalid, wrongLength.Outcome);
        Assert.Equal("AccountNumber", Assert.Single(wrongLength.Errors).Field);
        Assert.Equal(Outcome.Invalid, letters.Outcome);
        Assert.Equal(Outcome.NotFound, notTheirs.Outcome);
        var view = (await scenario.Agreements.ForAwardAsync(AwardScenario.Officer, awardId, "ko"))!;
        Assert.False(view.PendingAccount!.HolderMatches);
    }

    [Fact]
    public async Task A_returned_checklist_is_corrected_and_submitted_again()
    {
        var (scenario, awardId) = await AwardAsync();
        await scenario.CompleteAgreementAsync(awardId);

        var noReason = await scenario.ReturnAgreement.ReturnAsync(AwardScenario.Officer, awardId, " ");
        var returned = await scenario.ReturnAgreement.ReturnAsync(AwardScenario.Officer, awardId, "통장사본이 흐립니다.");
        await using (var file = new MemoryStream(AwardScenario.BankBookPdf))
        {
            Assert.True((await scenario.UploadBankBook.UploadAsync(scenario.Applicant, awardId, "clear.pdf", file)).Succeeded);
        }

        Assert.Equal(Outcome.Invalid, noReason.Outcome);
        Assert.True(returned.Succeeded);
        Assert.Equal("통장사본이 흐립니다.", (await scenario.Agreements.ForAwardAsync(scenario.Applicant, awardId, "ko"))!.ReturnReason);
        Assert.True((await scenario.SubmitAgreement.SubmitAsync(scenario.Applicant, awardId)).Succeeded);
        Assert.True((await scenario.IssueGrantDecision.IssueAsync(AwardScenario.Officer, awardId)).Succeeded);
    }

    [Fact]
    public async Task A_disguised_bank_book_is_refused_and_nothing_is_stored()
    {
        var (scenario, awardId) = await AwardAsync();
        Assert.True((await scenario.RegisterBankAccount.RegisterAsync(scenario.Applicant, awardId, AwardScenario.Account())).Succeeded);

        await using var file = new MemoryStream("MZ\u0090\0 this is a program"u8.ToArray());
        var refused = await scenario.UploadBankBook.UploadAsync(scenario.Applicant, awardId, "bankbook.pdf", file);

        Assert.Equal(Outcome.Refused, refused.Outcome);
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.Attachments.AnyAsync(f => f.BankAccountId != null));
    }

    [Fact]
    public async Task Decision_notice_pdf_has_korean_text_and_only_award_readers_get_it_after_the_decision()
    {
        var (scenario, awardId) = await AwardAsync();
        Assert.Null(await scenario.Agreements.DecisionAsync(scenario.Applicant, awardId, "ko", DocumentFileFormat.Pdf));
        await scenario.DecideAgreementAsync(awardId);
        var stranger = new CurrentUser("applicant-9", "Other", scenario.OrganizationId + 1, new HashSet<string> { Roles.Applicant });

        var pdf = (await scenario.Agreements.DecisionAsync(scenario.Applicant, awardId, "ko", DocumentFileFormat.Pdf))!;
        var docx = await scenario.Agreements.DecisionAsync(AwardScenario.Finance1, awardId, "en", DocumentFileFormat.Docx);

        Assert.Equal("application/pdf", pdf.ContentType);
        using (var document = PdfDocument.Open(pdf.Content))
        {
            var text = string.Concat(document.GetPages().Select(p => string.Concat(p.Text.Where(c => !char.IsWhiteSpace(c)))));
            Assert.Contains("교부결정통지서", text, StringComparison.Ordinal);
            Assert.Contains("열린문", text, StringComparison.Ordinal);
            Assert.Contains("KB국민은행**********4567(열린문)", text, StringComparison.Ordinal);
            Assert.Contains("남북교류", text, StringComparison.Ordinal);
        }

        Assert.NotNull(docx);
        Assert.EndsWith("-en.docx", docx.FileName, StringComparison.Ordinal);
        Assert.Null(await scenario.Agreements.DecisionAsync(stranger, awardId, "ko", DocumentFileFormat.Pdf));
    }

    private async Task<(AwardScenario Scenario, int AwardId)> AwardAsync()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (callId, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        await using (var db = await Host.CreateDbContextAsync())
        {
            await db.Calls.Where(c => c.Id == callId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.AwardConditionsKorean, "보조금은 남북교류 목적 외에 사용할 수 없습니다.")
                .SetProperty(c => c.AwardConditionsEnglish, "The grant may be used only for the approved purpose."));
        }

        return (scenario, await scenario.AwardAsync(applications[0], 50_000_000));
    }
}

public sealed class GrantAgreementTests_on_Sqlite : GrantAgreementTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class GrantAgreementTests_on_PostgreSql(PostgresCluster cluster) : GrantAgreementTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
