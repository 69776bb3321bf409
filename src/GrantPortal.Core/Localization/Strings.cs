namespace GrantPortal.Core.Localization;

/// <summary>
/// Marker for the portal's one set of resources (Strings.resx in English, Strings.ko.resx in Korean),
/// shared by pages, validation and mail so that a message reads the same wherever it appears.
/// </summary>
public sealed class Strings
{
    private Strings()
    {
    }
}
