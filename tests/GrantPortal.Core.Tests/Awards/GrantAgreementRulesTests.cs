using GrantPortal.Core.Awards;
using GrantPortal.Core.Organizations;

namespace GrantPortal.Core.Tests.Awards;

public sealed class GrantAgreementRulesTests
{
    private static readonly OrganizationName OpenDoors = new("사단법인 열린문", "Open Doors Korea");

    [Theory]
    [InlineData("004", "123456-01-234567")]
    [InlineData("004", "123401234567")]
    [InlineData("090", "3333-01-2345678")]
    [InlineData("092", "1000 1234 5678")]
    [InlineData("003", "010-123456-01-011")]
    public void Account_numbers_of_the_banks_length_pass(string bank, string number) =>
        Assert.Null(KoreanBanks.CheckNumber(KoreanBanks.Find(bank)!, number));

    [Theory]
    [InlineData("003", "12345-67", "Agreement_AccountNumberLength")]
    [InlineData("003", "123456789012345", "Agreement_AccountNumberLength")]
    [InlineData("004", "12345-67", "Agreement_AccountNumberBankLength")]
    [InlineData("004", "1234567890123", "Agreement_AccountNumberBankLength")]
    [InlineData("090", "3333-01-23456789", "Agreement_AccountNumberBankLength")]
    [InlineData("020", "1002-123-45678a", "Agreement_AccountNumberCharacters")]
    [InlineData("020", "", "Agreement_AccountNumberCharacters")]
    [InlineData("020", "1002.123.456789", "Agreement_AccountNumberCharacters")]
    public void Account_numbers_that_do_not_fit_are_refused_with_the_rule_they_break(string bank, string number, string key) =>
        Assert.Equal(key, KoreanBanks.CheckNumber(KoreanBanks.Find(bank)!, number)?.Key);

    [Fact]
    public void Every_bank_has_a_distinct_three_digit_code()
    {
        Assert.All(KoreanBanks.All, b => Assert.Matches("^[0-9]{3}$", b.Code));
        Assert.Equal(KoreanBanks.All.Count, KoreanBanks.All.Select(b => b.Code).Distinct().Count());
        Assert.Null(KoreanBanks.Find("999"));
    }

    [Theory]
    [InlineData("열린문", true)]
    [InlineData("(사)열린문", true)]
    [InlineData("사단법인 열린문", true)]
    [InlineData("OPEN DOORS KOREA", true)]
    [InlineData("open doors korea", true)]
    [InlineData("김지원", false)]
    [InlineData("열린문 후원회", false)]
    [InlineData("", false)]
    public void Holder_is_compared_with_the_organization_name_ignoring_legal_form_spaces_and_case(string holder, bool matches) =>
        Assert.Equal(matches, KoreanBanks.HolderMatches(holder, OpenDoors));

    [Fact]
    public void Masked_number_shows_only_the_last_four_digits() =>
        Assert.Equal("********5678", KoreanBanks.Masked("1234-5678-5678"));

    [Fact]
    public void Checklist_is_complete_only_with_conditions_account_bank_book_and_pledge()
    {
        var now = NodaTime.Instant.FromUtc(2026, 3, 1, 0, 0);
        var agreement = new GrantAgreement { ConditionsAcceptedAt = now, PledgeSignedAt = now };
        var account = new BankAccount { BankCode = "004", AccountNumber = "123401234567", Holder = "열린문" };

        Assert.True(AgreementChecklist.Of(agreement, account, bankBook: true).IsComplete);
        Assert.False(AgreementChecklist.Of(agreement, account, bankBook: false).IsComplete);
        Assert.False(AgreementChecklist.Of(agreement, null, bankBook: true).IsComplete);
        Assert.False(AgreementChecklist.Of(new GrantAgreement { PledgeSignedAt = now }, account, bankBook: true).IsComplete);
        Assert.False(AgreementChecklist.Of(new GrantAgreement { ConditionsAcceptedAt = now }, account, bankBook: true).IsComplete);
        Assert.False(AgreementChecklist.Of(null, account, bankBook: true).IsComplete);
        Assert.Equal("BankBook", SubmitAgreement.Missing(AgreementChecklist.Of(agreement, account, bankBook: false)));
        Assert.Null(SubmitAgreement.Missing(AgreementChecklist.Of(agreement, account, bankBook: true)));
    }
}
