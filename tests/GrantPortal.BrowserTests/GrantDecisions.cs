using GrantPortal.Core.Accounts;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.BrowserTests;

/// <summary>
/// For tests whose subject is what follows the grant decision (payments): the grantee's checklist and the officer's
/// decision through Core, as <see cref="GrantAgreementTests"/> does them by clicking.
/// </summary>
internal static class GrantDecisions
{
    private static readonly byte[] BankBook = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static async Task DecideAsync(IServiceProvider services, int awardId)
    {
        CurrentUser grantee;
        CurrentUser officer;
        string holder;
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var organization = await db.Awards.Where(a => a.Id == awardId).Select(a => a.Application!.Organization!).SingleAsync();
            holder = organization.NameKorean;
            grantee = new CurrentUser("browser-grantee", "Grantee", organization.Id, new HashSet<string> { Roles.Applicant });
            var officerUser = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Officer.Email);
            officer = new CurrentUser(officerUser.Id, officerUser.DisplayName, null, new HashSet<string> { Roles.ProgramOfficer });
        }

        Assert.True((await services.GetRequiredService<AcceptAwardConditions>().AcceptAsync(grantee, awardId)).Succeeded);
        var account = new BankAccountForm { BankCode = "088", AccountNumber = "110-123-456789", Holder = holder };
        Assert.True((await services.GetRequiredService<RegisterBankAccount>().RegisterAsync(grantee, awardId, account)).Succeeded);
        await using (var file = new MemoryStream(BankBook))
        {
            Assert.True((await services.GetRequiredService<UploadBankBook>().UploadAsync(grantee, awardId, "bankbook.pdf", file)).Succeeded);
        }

        Assert.True((await services.GetRequiredService<SignPledge>().SignAsync(grantee, awardId, "Grantee", "대표")).Succeeded);
        Assert.True((await services.GetRequiredService<SubmitAgreement>().SubmitAsync(grantee, awardId)).Succeeded);
        var decided = await services.GetRequiredService<IssueGrantDecision>().IssueAsync(officer, awardId);
        Assert.True(decided.Succeeded, decided.Message);
    }
}
