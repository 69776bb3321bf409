namespace GrantPortal.Demo;

/// <summary>
/// The grant agreements (교부) of the demo: every award with payments had its checklist completed and its grant
/// decision issued before the first payment, to the organization's dedicated account, and every payment went to that
/// account. One current-year grantee has asked to change its account, which waits for the officer.
/// </summary>
internal static class DemoAgreements
{
    internal const string ConditionsKorean =
        "1. 보조금은 승인된 사업 목적과 예산에 따라서만 사용합니다.\n2. 보조금은 전용 계좌로 관리하며 다른 자금과 섞지 않습니다.\n" +
        "3. 사업 내용이나 비목 간 예산을 바꾸려면 미리 변경 승인을 받습니다.\n4. 사업이 끝나면 정산 보고서를 제출하고 집행 잔액과 이자는 반환합니다.";

    internal const string ConditionsEnglish =
        "1. The grant is used only for the approved purpose and budget.\n2. The grant is kept in the dedicated account and not mixed with other funds.\n" +
        "3. Changes of activities or of the split between budget categories are approved in advance.\n4. At the end a settlement report is submitted and unspent money and interest are returned.";

    // Banks with fixed account lengths, so every demo number passes the same check a grantee's does.
    private static readonly (string Code, string Format)[] Banks = [("004", "{0:000000}-{1:00}-{2:000000}"), ("088", "110-{0:000}-{2:000000}"), ("020", "1002-{0:000}-{2:000000}")];

    /// <summary>Decided agreements for <paramref name="awards"/>, each decided the day before its first payment was recorded (at the latest).</summary>
    public static void Decide(PortalDbContext db, DemoPeople people, IEnumerable<Award> awards)
    {
        foreach (var award in awards)
        {
            var call = db.Calls.Local.First(c => c.Id == award.CallId);
            if (call.AwardConditionsKorean.Length == 0)
            {
                call.AwardConditionsKorean = ConditionsKorean;
                call.AwardConditionsEnglish = ConditionsEnglish;
            }

            var firstPayment = award.Tranches.SelectMany(t => t.Payments).Select(p => (Instant?)p.RecordedAt).Min();
            var decidedAt = award.AwardedAt + Duration.FromDays(4);
            if (firstPayment is { } paid && paid - Duration.FromDays(1) < decidedAt)
            {
                decidedAt = paid - Duration.FromDays(1);
            }

            var grantee = people.Applicants.Values.First(u => u.OrganizationId == award.OrganizationId);
            var started = Instant.Min(award.AwardedAt + Duration.FromHours(20), decidedAt - Duration.FromHours(20));
            db.GrantAgreements.Add(new GrantAgreement
            {
                AwardId = award.Id,
                Status = AgreementStatus.Decided,
                ConditionsAcceptedAt = started,
                ConditionsAcceptedById = grantee.Id,
                PledgeSignerName = grantee.DisplayName,
                PledgeSignerPosition = "대표",
                PledgeSignedAt = started + Duration.FromHours(2),
                PledgeSignedById = grantee.Id,
                SubmittedAt = started + Duration.FromHours(3),
                SubmittedById = grantee.Id,
                DecidedAt = decidedAt,
                DecidedById = people.Officer.Id,
            });
            db.BankAccounts.Add(Account(db, award, grantee, started + Duration.FromHours(1), BankAccountStatus.Approved, decidedAt, people.Officer.Id, 0));
        }
    }

    /// <summary>A grantee's new account registered yesterday, waiting for the officer (the old one stays in force).</summary>
    public static void AskToChangeAccount(PortalDbContext db, DemoPeople people, Award award, Instant now)
    {
        var grantee = people.Applicants.Values.First(u => u.OrganizationId == award.OrganizationId);
        db.BankAccounts.Add(Account(db, award, grantee, now - Duration.FromDays(1), BankAccountStatus.Pending, null, null, 1));
    }

    /// <summary>Every payment goes to its award's approved account; run once the accounts are saved.</summary>
    public static Task<int> LinkPaymentsAsync(PortalDbContext db, CancellationToken ct) =>
        db.Payments.Where(p => p.BankAccountId == null).ExecuteUpdateAsync(s => s.SetProperty(
            p => p.BankAccountId,
            p => db.BankAccounts.Where(a => a.AwardId == p.AwardId && a.Status == BankAccountStatus.Approved).Select(a => (int?)a.Id).FirstOrDefault()), ct);

    private static BankAccount Account(PortalDbContext db, Award award, PortalUser grantee, Instant at, BankAccountStatus status, Instant? decidedAt, string? decidedBy, int variant)
    {
        var organization = db.Organizations.Local.First(o => o.Id == award.OrganizationId);
        var (code, format) = Banks[(award.OrganizationId + variant) % Banks.Length];
        return new BankAccount
        {
            AwardId = award.Id,
            BankCode = code,
            AccountNumber = string.Format(CultureInfo.InvariantCulture, format, (organization.Id * 37) % 1000, award.Id % 100, 100_000 + (award.Id * 7919 % 900_000)),
            Holder = organization.NameKorean,
            Status = status,
            RegisteredAt = at,
            RegisteredById = grantee.Id,
            DecidedAt = decidedAt,
            DecidedById = decidedBy,
        };
    }
}
