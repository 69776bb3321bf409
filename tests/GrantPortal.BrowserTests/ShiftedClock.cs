using NodaTime;

namespace GrantPortal.BrowserTests;

/// <summary>
/// The machine's clock moved forward by an offset the test sets: time keeps running (countdowns tick, autosave
/// stamps change), and a test can let days pass between steps of a grant cycle (a call closes, a report falls due).
/// </summary>
public sealed class ShiftedClock : IClock
{
    private long offsetTicks;

    public Duration Offset => Duration.FromTicks(Interlocked.Read(ref offsetTicks));

    public Instant GetCurrentInstant() => SystemClock.Instance.GetCurrentInstant() + Offset;

    /// <summary>Moves the portal's time forward; it never goes back, as real time does not.</summary>
    public void Advance(Duration by)
    {
        if (by < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "Time only moves forward.");
        }

        Interlocked.Add(ref offsetTicks, by.BclCompatibleTicks);
    }
}
