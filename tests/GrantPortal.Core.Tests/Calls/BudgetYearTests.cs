using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;

namespace GrantPortal.Core.Tests.Calls;

public sealed class BudgetYearTests
{
    [Fact]
    public void Year_opens_with_its_envelope()
    {
        var year = BudgetYear.Open(2024, new Krw(1_800_000_000));

        Assert.Equal(new Krw(1_800_000_000), year.Envelope);
        Assert.True(year.Contains(new NodaTime.LocalDate(2024, 12, 31)));
        Assert.False(year.Contains(new NodaTime.LocalDate(2025, 1, 1)));
    }

    [Fact]
    public void Negative_envelope_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetYear.Open(2026, new Krw(-1)));

    [Fact]
    public void Envelope_over_the_ceiling_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetYear.Open(2026, Krw.Ceiling + new Krw(1)));
        Assert.Equal(Krw.Ceiling, BudgetYear.Open(2026, Krw.Ceiling).Envelope);
    }

    [Fact]
    public void Changing_to_an_invalid_envelope_keeps_the_old_one()
    {
        var year = BudgetYear.Open(2026, new Krw(1_800_000_000));

        Assert.Throws<ArgumentOutOfRangeException>(() => year.ChangeEnvelope(new Krw(-5_000)));
        Assert.Equal(new Krw(1_800_000_000), year.Envelope);
    }
}
