namespace GrantPortal.Core.Awards;

/// <summary>A bank a dedicated account may be held at: its 3-digit code (금융기관 코드), names, and account lengths when known.</summary>
public sealed record KoreanBank(string Code, string NameKorean, string NameEnglish, IReadOnlyList<int> DigitCounts)
{
    public string Name(string language) => Languages.Normalize(language) == Languages.Korean ? NameKorean : NameEnglish;
}

/// <summary>
/// The banks grantees use and the checks on an account number. Numbers are typed with or without hyphens; the check
/// counts digits (10 to 14, or the bank's own lengths where they are fixed) so a slip of a digit is caught before
/// the officer reads the bank book.
/// </summary>
public static class KoreanBanks
{
    public const int MinimumDigits = 10;
    public const int MaximumDigits = 14;

    public static IReadOnlyList<KoreanBank> All { get; } =
    [
        new("004", "KB국민은행", "KB Kookmin Bank", [12, 14]),
        new("088", "신한은행", "Shinhan Bank", [11, 12]),
        new("020", "우리은행", "Woori Bank", [13]),
        new("081", "하나은행", "Hana Bank", [12, 14]),
        new("011", "NH농협은행", "NH NongHyup Bank", [11, 12, 13, 14]),
        new("003", "IBK기업은행", "IBK Industrial Bank of Korea", []),
        new("023", "SC제일은행", "SC First Bank", [11]),
        new("027", "한국씨티은행", "Citibank Korea", []),
        new("090", "카카오뱅크", "KakaoBank", [13]),
        new("092", "토스뱅크", "Toss Bank", [12]),
        new("089", "케이뱅크", "K Bank", [12]),
        new("032", "부산은행", "Busan Bank", []),
        new("031", "iM뱅크(대구)", "iM Bank (Daegu)", []),
        new("039", "경남은행", "Kyongnam Bank", []),
        new("034", "광주은행", "Kwangju Bank", []),
        new("037", "전북은행", "Jeonbuk Bank", []),
        new("035", "제주은행", "Jeju Bank", []),
        new("007", "수협은행", "Suhyup Bank", []),
        new("045", "새마을금고", "Korean Federation of Community Credit Cooperatives (MG)", []),
        new("048", "신협", "National Credit Union Federation of Korea (CU)", []),
        new("071", "우체국", "Korea Post", [14]),
        new("002", "KDB산업은행", "Korea Development Bank", []),
    ];

    public static KoreanBank? Find(string? code) => All.FirstOrDefault(b => b.Code == code);

    /// <summary>The account number's digits, or null when it holds anything but digits, hyphens and spaces.</summary>
    public static string? Digits(string? accountNumber)
    {
        if (string.IsNullOrWhiteSpace(accountNumber) || accountNumber.Any(c => c is not (>= '0' and <= '9') and not '-' and not ' '))
        {
            return null;
        }

        return new string(accountNumber.Where(char.IsAsciiDigit).ToArray());
    }

    /// <summary>
    /// Null when the number fits the bank; otherwise which rule it breaks, as a resource key with its arguments.
    /// </summary>
    public static (string Key, object[] Arguments)? CheckNumber(KoreanBank bank, string? accountNumber)
    {
        ArgumentNullException.ThrowIfNull(bank);
        if (Digits(accountNumber) is not { } digits)
        {
            return ("Agreement_AccountNumberCharacters", []);
        }

        // A bank with fixed lengths is named in the message: "신한은행 account numbers have 11 or 12 digits" helps more
        // than the general range.
        if (bank.DigitCounts.Count > 0 && !bank.DigitCounts.Contains(digits.Length))
        {
            return ("Agreement_AccountNumberBankLength", [bank.Name(CultureInfo.CurrentUICulture.Name), string.Join(", ", bank.DigitCounts), digits.Length]);
        }

        if (digits.Length is < MinimumDigits or > MaximumDigits)
        {
            return ("Agreement_AccountNumberLength", [MinimumDigits, MaximumDigits, digits.Length]);
        }

        return null;
    }

    /// <summary>
    /// Whether the holder reads as the organization (Korean or English name), ignoring spaces, case, and the legal
    /// form written around it ((사), 사단법인, (재)...). A mismatch is a warning, not a refusal: banks shorten names.
    /// </summary>
    public static bool HolderMatches(string? holder, OrganizationName organization)
    {
        var given = Plain(holder);
        return given.Length > 0 && (given == Plain(organization.Korean) || given == Plain(organization.English));
    }

    /// <summary>The number with all but its last four digits hidden: "******1234".</summary>
    public static string Masked(string accountNumber)
    {
        var digits = Digits(accountNumber) ?? "";
        return digits.Length <= 4 ? digits : new string('*', digits.Length - 4) + digits[^4..];
    }

    public static string Describe(string bankCode, string accountNumber, string holder, string language) =>
        $"{Find(bankCode)?.Name(language) ?? bankCode} {Masked(accountNumber)} ({holder})";

    private static readonly string[] LegalForms = ["사단법인", "재단법인", "(사)", "(재)", "(주)", "㈔", "㈜", "주식회사", "비영리민간단체"];

    private static string Plain(string? name)
    {
        var text = (name ?? "").Trim();
        foreach (var form in LegalForms)
        {
            text = text.Replace(form, "", StringComparison.Ordinal);
        }

        return new string(text.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
    }
}
