namespace GrantPortal.Demo;

/// <summary>
/// The current year's rapid-call grantees at the grant-agreement step (교부), taken there through the same steps a
/// grantee clicks, so the demo's checklists, bank-book file and audit trail are what the portal itself would write:
/// the first has not started, the second accepted the conditions and registered its account with the bank book, the
/// third completed the checklist and submitted it, waiting on the officer's dashboard for the grant decision.
/// </summary>
public sealed class DemoAgreementSteps(
    AcceptAwardConditions accept,
    RegisterBankAccount register,
    UploadBankBook uploadBankBook,
    SignPledge sign,
    SubmitAgreement submit)
{
    /// <summary>A one-page bank-book copy: a real PDF, so the officer's download opens.</summary>
    private const string BankBookPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    internal async Task TakeAsync(IReadOnlyList<Award> awards, DemoPeople people, IReadOnlyList<Organization> organizations, CancellationToken ct)
    {
        for (var k = 1; k < awards.Count; k++)
        {
            var award = awards[k];
            var organization = organizations.First(o => o.Id == award.OrganizationId);
            var contact = people.Applicants.Values.First(u => u.OrganizationId == award.OrganizationId);
            var grantee = new CurrentUser(contact.Id, contact.DisplayName, award.OrganizationId, new HashSet<string>(StringComparer.Ordinal) { Roles.Applicant });

            Ensure(await accept.AcceptAsync(grantee, award.Id, ct), award);
            var account = new BankAccountForm { BankCode = "088", AccountNumber = string.Create(CultureInfo.InvariantCulture, $"140-{award.Id % 1000:000}-{100_000 + (award.Id * 7919 % 900_000)}"), Holder = organization.NameKorean };
            Ensure(await register.RegisterAsync(grantee, award.Id, account, ct), award);
            await using (var file = new MemoryStream(Encoding.ASCII.GetBytes(BankBookPdf)))
            {
                Ensure(await uploadBankBook.UploadAsync(grantee, award.Id, "통장사본.pdf", file, ct), award);
            }

            if (k == awards.Count - 1)
            {
                Ensure(await sign.SignAsync(grantee, award.Id, contact.DisplayName, "대표", ct), award);
                Ensure(await submit.SubmitAsync(grantee, award.Id, ct), award);
            }
        }
    }

    private static void Ensure(IUseCaseResult result, Award award)
    {
        if (result.Outcome != Outcome.Done)
        {
            throw new InvalidOperationException($"Demo agreement step for award {award.Id} was refused: {result.Outcome} {result.Message}");
        }
    }
}
