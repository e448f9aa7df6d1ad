using System.Globalization;

namespace Leerkluis.Web.Platform.Time;

/// <summary>All times are stored in UTC and shown in Europe/Amsterdam, dates as 23-11-2026.</summary>
public static class Amsterdam
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static System.DateTime ToLocal(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";
    public static string DateTime(System.DateTime utc) => ToLocal(utc).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
