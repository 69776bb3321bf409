using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace GrantPortal.Testing;

/// <summary>
/// What an authenticator app computes from the shared key (RFC 6238 over RFC 4226: HMAC-SHA1, 30-second steps, six
/// digits), written out here so that tests check the portal against the standard, not against the portal's own code.
/// </summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "RFC 6238 as authenticator apps and Identity compute it is HMAC-SHA1.")]
    public static string Code(string sharedKey, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(sharedKey);
        var step = at.ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(FromBase32(sharedKey), counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The code for now; when the current 30-second step is about to end, waits for the next one so the code stays valid while it is typed.</summary>
    public static async Task<string> FreshCodeAsync(string sharedKey)
    {
        var secondsIntoStep = DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30;
        if (secondsIntoStep > 25)
        {
            await Task.Delay(TimeSpan.FromSeconds(31 - secondsIntoStep));
        }

        return Code(sharedKey, DateTimeOffset.UtcNow);
    }

    /// <summary>A code of the next step, different from <paramref name="spent"/>: a second sign-in cannot reuse the first one's code.</summary>
    public static async Task<string> NextCodeAsync(string sharedKey, string spent)
    {
        while (true)
        {
            var code = Code(sharedKey, DateTimeOffset.UtcNow);
            if (code != spent)
            {
                return code;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static byte[] FromBase32(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a Base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
