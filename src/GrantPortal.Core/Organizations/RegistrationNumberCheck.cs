using System.Buffers;

namespace GrantPortal.Core.Organizations;

/// <summary>
/// The check digit of a Korean business registration number (사업자등록번호; non-profits' 고유번호 use the same
/// scheme). The National Tax Service's rule: weigh the first nine digits by 1, 3, 7, 1, 3, 7, 1, 3, 5, add the
/// tens of the ninth digit times five, and the tenth digit is what brings the sum up to a multiple of ten.
/// A typo in one digit almost always breaks it, so the portal catches the mistake before an officer has to.
/// </summary>
public static class RegistrationNumberCheck
{
    private static readonly int[] Weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>The tenth digit the first nine call for.</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstNine)
    {
        if (firstNine.Length != Weights.Length || firstNine.ContainsAnyExcept(Digits))
        {
            throw new ArgumentException("The check digit is computed from exactly nine digits.", nameof(firstNine));
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (firstNine[i] - '0') * Weights[i];
        }

        sum += (firstNine[8] - '0') * 5 / 10;
        return (10 - (sum % 10)) % 10;
    }

    /// <summary>True when a normalized number (ten digits, no dashes) ends in the check digit its first nine call for.</summary>
    public static bool IsValid(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return Organization.IsWellFormedRegistrationNumber(normalized) && normalized[9] - '0' == CheckDigit(normalized.AsSpan(0, 9));
    }

    /// <summary>Completes nine digits with their check digit: for demo data and tests that need valid numbers.</summary>
    public static string Complete(string firstNine)
    {
        ArgumentNullException.ThrowIfNull(firstNine);
        return firstNine + (char)('0' + CheckDigit(firstNine));
    }
}
