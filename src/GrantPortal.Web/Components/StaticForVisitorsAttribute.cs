namespace GrantPortal.Web.Components;

/// <summary>
/// A public page that a visitor who is not signed in only reads (the home page, the calls): for them it is rendered
/// as a static server-side page, with no circuit held on the server; a signed-in person gets it interactive as usual.
/// Links, not buttons with handlers, are all such a page may offer a visitor.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StaticForVisitorsAttribute : Attribute;
