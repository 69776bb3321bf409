using NodaTime.Text;

namespace GrantPortal.Core.Time;

/// <summary>The funder's time zone. Deadlines are entered, stored as instants and shown here.</summary>
public static class Seoul
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Seoul"];

    private static readonly LocalDateTimePattern DisplayPattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");
    private static readonly LocalDateTimePattern SecondsPattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm:ss");

    /// <summary>A wall-clock moment in Seoul as an instant. Seoul has no daylight saving, so every local time maps once.</summary>
    public static Instant ToInstant(LocalDateTime local) => local.InZoneStrictly(Zone).ToInstant();

    public static LocalDateTime ToLocal(Instant instant) => instant.InZone(Zone).LocalDateTime;

    public static LocalDate Today(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetCurrentInstant().InZone(Zone).Date;
    }

    /// <summary>The first moment of a Seoul calendar day.</summary>
    public static Instant StartOf(LocalDate date) => date.AtStartOfDayInZone(Zone).ToInstant();

    /// <summary>"2026-12-04 18:00 KST": the form deadlines take everywhere, in both languages.</summary>
    public static string Format(Instant instant) => DisplayPattern.Format(ToLocal(instant)) + " KST";

    public static string FormatWithSeconds(Instant instant) => SecondsPattern.Format(ToLocal(instant)) + " KST";
}
