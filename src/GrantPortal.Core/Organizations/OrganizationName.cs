namespace GrantPortal.Core.Organizations;

/// <summary>
/// An organization's name as a reader sees it: the Korean name in the Korean UI, the English name in the English UI,
/// and the Korean name when there is no English one (the portal is Korean-first and the English name is optional).
/// Lists carry this value instead of a string so that every page names an organization the same way.
/// </summary>
public readonly record struct OrganizationName(string Korean, string English)
{
    /// <summary>The name a reader of <paramref name="language"/> ("ko" or "en") expects; never empty while either name is set.</summary>
    public string In(string language)
    {
        var korean = Korean?.Trim() ?? "";
        var english = English?.Trim() ?? "";
        if (Languages.Normalize(language) == Languages.English)
        {
            return english.Length > 0 ? english : korean;
        }

        return korean.Length > 0 ? korean : english;
    }

    /// <summary>The name in the language the reader does not read, for pages that check both names; empty when there is none.</summary>
    public string Alternate()
    {
        var shown = ToString();
        var other = IsKoreanReader ? English : Korean;
        return string.IsNullOrWhiteSpace(other) || other.Trim() == shown ? "" : other.Trim();
    }

    /// <summary>
    /// The name in the current UI language, so markup can write <c>@row.OrganizationName</c> as it would a string.
    /// Like the resources (whose neutral file is English), any culture but Korean reads English.
    /// </summary>
    public override string ToString() => In(IsKoreanReader ? Languages.Korean : Languages.English);

    /// <summary>Whether the current UI culture reads Korean: the same test <see cref="Money.Krw.ForReader()"/> uses.</summary>
    public static bool IsKoreanReader => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko";
}
