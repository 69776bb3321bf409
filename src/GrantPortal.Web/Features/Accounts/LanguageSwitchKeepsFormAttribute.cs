namespace GrantPortal.Web.Features.Accounts;

/// <summary>
/// Marks a static account page whose form must survive a language switch. On such a page the layout's language
/// switch submits the page's form (the one with id <see cref="FormId"/>) with <see cref="FieldName"/> set to the
/// language asked for, instead of following a link that would drop what was typed. The page keeps the values and
/// switches.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LanguageSwitchKeepsFormAttribute(string formId) : Attribute
{
    public const string FieldName = "switch-language";

    public string FormId { get; } = formId;
}
