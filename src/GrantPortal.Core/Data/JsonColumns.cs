using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GrantPortal.Core.Data;

/// <summary>
/// A value stored as one JSON text column, the same on SQLite, PostgreSQL and SQL Server. For values read and
/// written as a whole (a form definition, a call's rules, an application's answers), never queried inside.
/// </summary>
public static class JsonColumns
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string? json)
        where T : new() =>
        string.IsNullOrWhiteSpace(json) ? new T() : JsonSerializer.Deserialize<T>(json, Options) ?? new T();

    /// <summary>Maps the property to a JSON text column; changes are detected by comparing the JSON.</summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(property);
        var comparer = new ValueComparer<T>(
            (a, b) => Write(a) == Write(b),
            v => Write(v).GetHashCode(StringComparison.Ordinal),
            v => Read<T>(Write(v)));
        property.HasConversion(v => Write(v), s => Read<T>(s), comparer);
        return property;
    }
}
