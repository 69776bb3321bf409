namespace GrantPortal.Core.Kernel;

/// <summary>The two languages the portal speaks; Korean is the default.</summary>
public static class Languages
{
    public const string Korean = "ko";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [Korean, English];

    public static string Normalize(string? language) =>
        language is not null && language.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Korean;

    /// <summary>The language of the request or job running now (its UI culture).</summary>
    public static string Current => Normalize(System.Globalization.CultureInfo.CurrentUICulture.Name);

    /// <summary>
    /// Runs <paramref name="work"/> with the UI culture of <paramref name="language"/>, so the localizer it uses
    /// writes what a mail's recipient reads, then puts the caller's culture back.
    /// </summary>
    public static T InLanguage<T>(string language, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var saved = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(Normalize(language));
            return work();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = saved;
        }
    }
}
