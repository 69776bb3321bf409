using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Notifications;

/// <summary>The portal's pages as absolute addresses for mail, on the public address in <c>Reminders:PortalUrl</c>.</summary>
public sealed class PortalLinks(IOptions<ReminderOptions> options)
{
    public string To(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return options.Value.PortalUrl.TrimEnd('/') + path;
    }
}

/// <summary>The addresses of the pages that mail and the audit trail point at, written once.</summary>
public static class PortalPaths
{
    public const string Dashboard = "/";

    public const string OrganizationProfile = "/organization";

    /// <summary>Where an organization chooses the calls it hears of, or stops hearing of them.</summary>
    public const string CallAlerts = "/organization#call-alerts";

    public const string Organizations = "/organizations";

    public const string Finance = "/finance";

    public const string Admin = "/admin";

    public const string Recommendations = "/recommendations";

    public const string Accountability = "/recommendations/accountability";

    public static string Application(int id) => Format("/applications/{0}", id);

    public static string ConceptNote(int id) => Format("/concept-notes/{0}", id);

    public static string Shortlist(int callId) => Format("/calls/{0}/shortlist", callId);

    public static string Award(int id) => Format("/awards/{0}", id);

    public static string Report(int id) => Format("/reports/{0}", id);

    public static string Review(int assignmentId) => Format("/reviews/{0}", assignmentId);

    public static string Call(int id) => Format("/calls/{0}", id);

    public static string CallEditor(int id) => Format("/calls/{0}/edit", id);

    public static string Assignments(int callId) => Format("/calls/{0}/assignments", callId);

    public static string Budget(int year) => Format("/budget?year={0}", year);

    private static string Format(string pattern, int value) => string.Format(CultureInfo.InvariantCulture, pattern, value);
}
