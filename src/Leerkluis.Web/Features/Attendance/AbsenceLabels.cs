using System.Globalization;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.RollCalls;

namespace Leerkluis.Web.Pages.School.Absentie;

/// <summary>Display labels of the roll call and set-up, Dutch by default and English in the en locale.</summary>
public static class AbsenceLabels
{
    private static string Pick(string nl, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : nl;

    /// <summary>"afwezig (Z)", "te laat (TL)", "aanwezig".</summary>
    public static string Mark(string state, string? code)
    {
        var word = state switch
        {
            MarkNames.Absent => Pick("afwezig", "absent"),
            MarkNames.Late => Pick("te laat", "late"),
            _ => Pick("aanwezig", "present"),
        };
        return code is null ? word : $"{word} ({code})";
    }

    public static string Of(AbsenceCategory category) => category switch
    {
        AbsenceCategory.Excused => Pick("geoorloofd", "excused"),
        AbsenceCategory.Unexcused => Pick("ongeoorloofd", "unexcused"),
        AbsenceCategory.Sick => Pick("ziek", "sick"),
        AbsenceCategory.Late => Pick("te laat", "late"),
        AbsenceCategory.RemovedFromClass => Pick("verwijderd uit de les", "removed from class"),
        _ => Pick("verlof", "leave"),
    };

    public static string Of(GuardianAlertChannel channel) => channel == GuardianAlertChannel.Email
        ? Pick("e-mail aan de ouders", "e-mail to the parents")
        : Pick("geen bericht", "no message");

    public static string Of(ClosureKind kind) => kind == ClosureKind.Holiday ? Pick("vakantie", "holiday") : Pick("studiedag", "study day");

    public static string Of(DayOfWeek day) => CultureInfo.CurrentUICulture.DateTimeFormat.GetDayName(day);
}
