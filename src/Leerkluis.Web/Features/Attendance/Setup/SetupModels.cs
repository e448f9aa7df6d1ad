using System.Globalization;
using System.Text.Json;

namespace Leerkluis.Web.Features.Attendance.Setup;

// The set-up API: enums travel as camelCase strings ("monday", "dayPart", "unexcused", "email"), times as "08:30",
// dates as yyyy-MM-dd.

public sealed record SettingsView(string? SameDayDeadline, bool AllowPastReports, int MaxDaysAhead, string AlertChannel,
    int SickSignalCount, int SickSignalWeeks, int SickSignalConsecutiveDays);

public sealed record PeriodView(Guid Id, string Weekday, int Number, string Kind, string Start, string End, int CountedMinutes);

public sealed record CodeView(Guid Id, string Code, string Name, string Category, bool GuardianMayUse, bool Active, bool Required);

public sealed record ClosureView(Guid Id, string Name, string Kind, DateOnly From, DateOnly To);

public sealed record SetupView(SettingsView Settings, IReadOnlyList<PeriodView> Periods, IReadOnlyList<CodeView> Codes, IReadOnlyList<ClosureView> Closures);

public sealed record SaveSettingsCommand(string? SameDayDeadline, bool AllowPastReports, int MaxDaysAhead, string? AlertChannel,
    int SickSignalCount, int SickSignalWeeks, int SickSignalConsecutiveDays);

/// <param name="Number">Position within the day; the next free number when left out.</param>
public sealed record PeriodCommand(string? Weekday, int? Number, string? Kind, string? Start, string? End);

public sealed record CodeCommand(string? Code, string? Name, string? Category, bool GuardianMayUse, bool Active = true);

public sealed record ClosureCommand(string? Name, string? Kind, DateOnly? From, DateOnly? To);

public sealed record TimetableSlotCommand(string? Weekday, int Number, string? Subject, Guid? StaffId);

public sealed record TimetableCommand(IReadOnlyList<TimetableSlotCommand>? Slots);

public sealed record TimetableSlotView(Guid Id, string Weekday, int Number, string Subject, Guid? StaffId);

public sealed record CreatedId(Guid Id);

/// <summary>Enum ↔ camelCase text, and "08:30" times, with a Dutch message naming the field when unreadable.</summary>
public static class SetupText
{
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static T? Parse<T>(string? text) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !text.Trim().All(char.IsDigit) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : null;

    public static string Time(TimeOnly t) => t.ToString("HH\\:mm", CultureInfo.InvariantCulture);

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H\\:mm", "HH\\:mm", "H\\.mm", "HH\\.mm", "HH\\:mm\\:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
