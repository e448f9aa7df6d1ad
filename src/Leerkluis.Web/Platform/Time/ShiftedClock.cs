using System.Globalization;

namespace Leerkluis.Web.Platform.Time;

/// <summary>
/// A clock that starts at a configured local time (Europe/Amsterdam) and then runs at normal speed: for benchmarks and
/// demonstrations of a Monday morning on any day ("Clock:StartLocal" = "2026-11-23T08:00"). Refused in Production.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset startUtc) : TimeProvider
{
    private readonly TimeSpan _shift = startUtc - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;

    public static TimeProvider FromConfiguration(IConfiguration config, IHostEnvironment env)
    {
        var start = config["Clock:StartLocal"];
        if (string.IsNullOrWhiteSpace(start)) return System;
        if (env.IsProduction()) throw new InvalidOperationException("Clock:StartLocal is for benchmarks and demos; it is refused in Production.");
        var local = DateTime.ParseExact(start, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new ShiftedClock(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Amsterdam.Zone), TimeSpan.Zero));
    }
}
