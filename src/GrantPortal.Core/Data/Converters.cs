using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GrantPortal.Core.Data;

/// <summary>Stores won as a 64-bit integer on every provider.</summary>
public sealed class KrwConverter() : ValueConverter<Krw, long>(k => k.Won, won => new Krw(won));

/// <summary>SQLite and SQL Server have no NodaTime plugin: instants are stored as UTC date-times.</summary>
public sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    i => i.ToDateTimeUtc(),
    d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));

public sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(
    d => d.ToDateOnly(),
    d => LocalDate.FromDateOnly(d));
