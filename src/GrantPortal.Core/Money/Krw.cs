namespace GrantPortal.Core.Money;

/// <summary>An amount of Korean won. KRW has no minor unit, so the value is whole won.</summary>
public readonly record struct Krw(long Won) : IComparable<Krw>
{
    /// <summary>The largest amount the portal accepts anywhere: one trillion won, far above any grant budget.</summary>
    public static readonly Krw Ceiling = new(1_000_000_000_000);

    public static readonly Krw Zero = new(0);

    public bool IsNegative => Won < 0;

    public bool IsZero => Won == 0;

    public static Krw operator +(Krw left, Krw right) => new(checked(left.Won + right.Won));

    public static Krw operator -(Krw left, Krw right) => new(checked(left.Won - right.Won));

    public static Krw operator -(Krw value) => new(checked(-value.Won));

    public static bool operator <(Krw left, Krw right) => left.Won < right.Won;

    public static bool operator >(Krw left, Krw right) => left.Won > right.Won;

    public static bool operator <=(Krw left, Krw right) => left.Won <= right.Won;

    public static bool operator >=(Krw left, Krw right) => left.Won >= right.Won;

    public static explicit operator long(Krw value) => value.Won;

    public static Krw Sum(IEnumerable<Krw> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = 0L;
        foreach (var amount in amounts)
        {
            total = checked(total + amount.Won);
        }

        return new Krw(total);
    }

    public static Krw Min(Krw left, Krw right) => left <= right ? left : right;

    public static Krw Max(Krw left, Krw right) => left >= right ? left : right;

    public int CompareTo(Krw other) => Won.CompareTo(other.Won);

    public Krw Add(Krw other) => this + other;

    public Krw Subtract(Krw other) => this - other;

    /// <summary>Parses what a person types: digits with optional grouping commas, an optional ₩ sign or 원 suffix.</summary>
    public static bool TryParse(string? text, out Krw amount)
    {
        amount = Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = text.Trim().TrimStart('₩').TrimEnd('원').Replace(",", "", StringComparison.Ordinal).Trim();
        if (!long.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var won))
        {
            return false;
        }

        amount = new Krw(won);
        return true;
    }

    /// <summary>Figures with the won sign and thousands separators: ₩1,800,000,000.</summary>
    public string ToFigures()
    {
        var digits = Math.Abs(Won).ToString("#,0", CultureInfo.InvariantCulture);
        return Won < 0 ? "-₩" + digits : "₩" + digits;
    }

    /// <summary>
    /// Korean units as written in ministry documents: 18억 원, 12억 3,450만 원, 5,000원.
    /// Groups of four digits take 조, 억 and 만; a remainder below 만 joins 원 without a space.
    /// </summary>
    public string ToKoreanUnits()
    {
        if (Won == 0)
        {
            return "0원";
        }

        var remaining = Math.Abs(Won);
        var parts = new List<string>(4);
        (long Size, string Unit)[] units = [(1_0000_0000_0000, "조"), (1_0000_0000, "억"), (1_0000, "만")];
        foreach (var (size, unit) in units)
        {
            var count = remaining / size;
            if (count > 0)
            {
                parts.Add(count.ToString("#,0", CultureInfo.InvariantCulture) + unit);
                remaining %= size;
            }
        }

        var text = new StringBuilder();
        if (Won < 0)
        {
            text.Append('-');
        }

        text.AppendJoin(' ', parts);
        if (remaining > 0)
        {
            if (parts.Count > 0)
            {
                text.Append(' ');
            }

            text.Append(remaining.ToString("#,0", CultureInfo.InvariantCulture)).Append('원');
        }
        else
        {
            text.Append(" 원");
        }

        return text.ToString();
    }

    /// <summary>
    /// The portal's one amount style per language: Korean units in Korean (4,500만 원, exact to the won), figures with
    /// the won sign in English (₩45,000,000). Every amount a person reads goes through here, ranges included.
    /// </summary>
    public string Format(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "ko" ? ToKoreanUnits() : ToFigures();
    }

    /// <summary>The amount in the current UI language's style (see <see cref="Format(CultureInfo)"/>), for messages and pages.</summary>
    public string ForReader() => Format(CultureInfo.CurrentUICulture);

    public override string ToString() => ToFigures();
}
