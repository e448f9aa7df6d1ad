using Leerkluis.Web.Features.Attendance.Notices;
using Leerkluis.Web.Platform.Localization;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.Attendance;

/// <summary>Display labels for the attendance views (Dutch, English in the en locale); the API sends the camelCase names.</summary>
public static class AttendanceLabels
{
    // Static classes cannot be type arguments, hence typeof; the resx beside this file carries the English.
    private static string T(string dutch) => Translations.Of(typeof(AttendanceLabels), dutch);

    public static string Source(string source) => source switch
    {
        "guardian" => T("ouder/verzorger"),
        "learner" => T("leerling"),
        "school" => T("school"),
        "leave" => T("verlof"),
        "rollCall" => T("absentieregistratie"),
        _ => source,
    };

    public static string Kind(string kind) => kind switch
    {
        "holiday" => T("vakantieverlof (art. 13a)"),
        "importantCircumstances" => T("gewichtige omstandigheden (art. 14)"),
        _ => kind,
    };

    public static string Status(string status) => status switch
    {
        "submitted" => T("aangevraagd"),
        "granted" => T("toegekend"),
        "refused" => T("afgewezen"),
        "withdrawn" => T("ingetrokken"),
        _ => status,
    };

    public static string StatusBadge(string status) => status switch { "granted" => "ok", "refused" => "err", "submitted" => "warn", _ => "" };

    public static string Decider(string decider) => decider == "attendanceOfficer"
        ? T("de leerplichtambtenaar") : T("de directeur");

    /// <summary>"23-11-2026" or "23-11-2026 t/m 25-11-2026", with periods when the notice starts or ends within a day.</summary>
    public static string Span(NoticeView n)
    {
        var from = Amsterdam.Date(n.From) + (n.FromPeriod is { } fp ? $" ({T("vanaf")} {fp})" : "");
        if (n.To is null) return $"{T("vanaf")} {from}, {T("nog niet beter gemeld")}";
        var to = Amsterdam.Date(n.To.Value) + (n.ToPeriod is { } tp ? $" ({T("t/m")} {tp})" : "");
        return n.To == n.From && n.FromPeriod is null && n.ToPeriod is null ? from : $"{from} {T("t/m")} {to}";
    }

    public static string Span(DateOnly from, DateOnly to) => from == to ? Amsterdam.Date(from) : $"{Amsterdam.Date(from)} {T("t/m")} {Amsterdam.Date(to)}";
}
