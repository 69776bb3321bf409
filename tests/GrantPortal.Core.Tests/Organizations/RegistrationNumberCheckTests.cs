using GrantPortal.Core.Organizations;

namespace GrantPortal.Core.Tests.Organizations;

public sealed class RegistrationNumberCheckTests
{
    [Theory]
    [InlineData("2208162517")] // published business numbers, which add up by the tax office's rule
    [InlineData("1248100998")]
    [InlineData("1238245679")]
    public void Numbers_whose_last_digit_adds_up_are_valid(string number) =>
        Assert.True(RegistrationNumberCheck.IsValid(number));

    [Theory]
    [InlineData("2208212345")] // the example: 220-82-12345 should end in 8
    [InlineData("1238245678")]
    [InlineData("2208162518")]
    public void A_wrong_check_digit_is_refused(string number) =>
        Assert.False(RegistrationNumberCheck.IsValid(number));

    [Fact]
    public void The_ninth_digit_counts_once_weighted_and_once_by_its_tens_times_five()
    {
        // 1·1 + 2·3 + 3·7 + 8·1 + 2·3 + 4·7 + 5·1 + 6·3 + 7·5 = 128, plus ⌊7·5/10⌋ = 3 gives 131: the check digit is 9.
        Assert.Equal(9, RegistrationNumberCheck.CheckDigit("123824567"));

        // A ninth digit of 9 adds ⌊45/10⌋ = 4: 0·… + 9·5 = 45, plus 4 is 49, so the check digit is 1.
        Assert.Equal(1, RegistrationNumberCheck.CheckDigit("000000009"));
    }

    [Fact]
    public void Every_single_digit_typo_in_a_valid_number_is_caught()
    {
        // The weights (and the ninth digit's extra tens) give each digit ten different remainders, so no typo goes unseen.
        const string valid = "2208162517";
        var missed = new List<string>();
        for (var position = 0; position < valid.Length; position++)
        {
            foreach (var digit in "0123456789".Where(d => d != valid[position]))
            {
                var mistyped = valid[..position] + digit + valid[(position + 1)..];
                if (RegistrationNumberCheck.IsValid(mistyped))
                {
                    missed.Add(mistyped);
                }
            }
        }

        Assert.Empty(missed);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("220-81-62517")]
    [InlineData("22081625l7")]
    [InlineData("")]
    public void Anything_but_ten_digits_is_not_valid(string text) =>
        Assert.False(RegistrationNumberCheck.IsValid(text));

    [Fact]
    public void Completing_nine_digits_gives_a_valid_number()
    {
        var number = RegistrationNumberCheck.Complete("220821234");

        Assert.Equal("2208212348", number);
        Assert.True(RegistrationNumberCheck.IsValid(number));
    }

    [Fact]
    public void The_check_digit_needs_exactly_nine_digits() =>
        Assert.Throws<ArgumentException>(() => RegistrationNumberCheck.CheckDigit("12345678x"));
}
