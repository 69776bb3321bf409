namespace GrantPortal.Web.Features.Forms;

/// <summary>
/// One answer changed on the form. <see cref="Typing"/> is true while a person types (text, numbers, table cells):
/// save after a pause. False for a complete choice (radio, checkbox, date, a table row added or removed): save now.
/// </summary>
public sealed record AnswerChange(string Key, string Value, bool Typing);
