namespace GrantPortal.Core.Applications;

/// <summary>Text is cut to the column's length, so a long paste saves instead of failing.</summary>
internal sealed class FieldLimits(PortalDbContext db)
{
    public string Clip(string? value, string property, Type? entity = null)
    {
        var text = (value ?? "").Trim();
        var max = db.Model.FindEntityType(entity ?? typeof(Application))?.FindProperty(property)?.GetMaxLength();
        return max is { } limit && text.Length > limit ? text[..limit] : text;
    }
}
