using System.Globalization;
using Leerkluis.Web.Features.Attendance.Notices;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Pages.Ouder.Absentie;

/// <summary>Display labels for the attendance views (Dutch, English in the en locale); the API sends the camelCase names.</summary>
public static class AttendanceLabels
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    private static string Pick(string nl, string en) => English ? en : nl;

    public static string Source(string source) => source switch
    {
        "guardian" => Pick("ouder/verzorger", "parent/carer"),
        "learner" => Pick("leerling", "learner"),
        "school" => Pick("school", "school"),
        "leave" => Pick("verlof", "leave"),
        "rollCall" => Pick("absentieregistratie", "roll call"),
        _ => source,
    };

    public static string Kind(string kind) => kind switch
    {
        "holiday" => Pick("vakantieverlof (art. 13a)", "holiday leave (art. 13a)"),
        "importantCircumstances" => Pick("gewichtige omstandigheden (art. 14)", "important circumstances (art. 14)"),
        _ => kind,
    };

    public static string Status(string status) => status switch
    {
        "submitted" => Pick("aangevraagd", "submitted"),
        "granted" => Pick("toegekend", "granted"),
        "refused" => Pick("afgewezen", "refused"),
        "withdrawn" => Pick("ingetrokken", "withdrawn"),
        _ => status,
    };

    public static string StatusBadge(string status) => status switch { "granted" => "ok", "refused" => "err", "submitted" => "warn", _ => "" };

    public static string Decider(string decider) => decider == "attendanceOfficer"
        ? Pick("de leerplichtambtenaar", "the attendance officer") : Pick("de directeur", "the head teacher");

    /// <summary>"23-11-2026" or "23-11-2026 t/m 25-11-2026", with periods when the notice starts or ends within a day.</summary>
    public static string Span(NoticeView n)
    {
        var from = Amsterdam.Date(n.From) + (n.FromPeriod is { } fp ? $" ({Pick("vanaf", "from")} {fp})" : "");
        if (n.To is null) return $"{Pick("vanaf", "from")} {from}, {Pick("nog niet beter gemeld", "not yet recovered")}";
        var to = Amsterdam.Date(n.To.Value) + (n.ToPeriod is { } tp ? $" ({Pick("t/m", "to")} {tp})" : "");
        return n.To == n.From && n.FromPeriod is null && n.ToPeriod is null ? from : $"{from} {Pick("t/m", "to")} {to}";
    }

    public static string Span(DateOnly from, DateOnly to) => from == to ? Amsterdam.Date(from) : $"{Amsterdam.Date(from)} {Pick("t/m", "to")} {Amsterdam.Date(to)}";
}
