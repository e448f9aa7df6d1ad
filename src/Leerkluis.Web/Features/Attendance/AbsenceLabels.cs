using System.Globalization;
using Leerkluis.Web.Features.Attendance.RollCalls;
using Leerkluis.Web.Platform.Localization;

namespace Leerkluis.Web.Features.Attendance;

/// <summary>Display labels of the roll call and set-up, Dutch by default and English in the en locale.</summary>
public static class AbsenceLabels
{
    // Static classes cannot be type arguments, hence typeof; the resx beside this file carries the English.
    private static string T(string dutch) => Translations.Of(typeof(AbsenceLabels), dutch);

    /// <summary>"afwezig (Z)", "te laat (TL)", "aanwezig".</summary>
    public static string Mark(string state, string? code)
    {
        var word = state switch
        {
            MarkNames.Absent => T("afwezig"),
            MarkNames.Late => T("te laat"),
            _ => T("aanwezig"),
        };
        return code is null ? word : $"{word} ({code})";
    }

    public static string Of(AbsenceCategory category) => category switch
    {
        AbsenceCategory.Excused => T("geoorloofd"),
        AbsenceCategory.Unexcused => T("ongeoorloofd"),
        AbsenceCategory.Sick => T("ziek"),
        AbsenceCategory.Late => T("te laat"),
        AbsenceCategory.RemovedFromClass => T("verwijderd uit de les"),
        _ => T("verlof"),
    };

    public static string Of(GuardianAlertChannel channel) => channel == GuardianAlertChannel.Email
        ? T("e-mail aan de ouders")
        : T("geen bericht");

    public static string Of(ClosureKind kind) => kind == ClosureKind.Holiday ? T("vakantie") : T("studiedag");

    public static string Of(DayOfWeek day) => CultureInfo.CurrentUICulture.DateTimeFormat.GetDayName(day);
}
