using GrantPortal.Core.Localization;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Hosting;

/// <summary>
/// MudBlazor's own texts (pager, pickers, close and spin buttons, "Required") from the portal's resources, so a
/// Korean page has no English left in it. Each MudBlazor key <c>K</c> is our key <c>MudBlazor_K</c>, in both
/// Strings.resx and Strings.ko.resx; a key we lack falls back to MudBlazor's built-in English.
/// </summary>
public sealed class PortalMudLocalizer(IStringLocalizer<Strings> strings) : MudLocalizer
{
    public const string KeyPrefix = "MudBlazor_";

    public override LocalizedString this[string key]
    {
        get
        {
            var text = strings[KeyPrefix + key];
            return new LocalizedString(key, text.Value, text.ResourceNotFound);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = this[key];
            return arguments.Length == 0 || text.ResourceNotFound
                ? text
                : new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), resourceNotFound: false);
        }
    }
}
