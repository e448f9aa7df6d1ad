using System.Globalization;
using Leerkluis.Web.Features.CompulsoryEducation;

namespace Leerkluis.Web.Pages.Leerplicht;

/// <summary>Display labels of the leerplicht enums, Dutch by default and English in the en locale.</summary>
public static class CaseLabels
{
    private static string Pick(string nl, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : nl;

    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Open => Pick("open", "open"),
        CaseStatus.InProgress => Pick("in behandeling", "in progress"),
        _ => Pick("gesloten", "closed"),
    };

    public static string Of(CaseReason reason) => reason switch
    {
        CaseReason.NotEnrolled => Pick("geen inschrijving", "not enrolled"),
        _ => Pick("onbekend bij scholen", "unknown to schools"),
    };

    public static string Of(ClosingReason? reason) => reason switch
    {
        ClosingReason.Enrolled => Pick("ingeschreven op een school", "enrolled at a school"),
        ClosingReason.Moved => Pick("verhuisd", "moved"),
        ClosingReason.Exemption => Pick("vrijstelling (art. 5)", "exemption (art. 5)"),
        ClosingReason.Deceased => Pick("overleden", "deceased"),
        ClosingReason.Other => Pick("anders", "other"),
        _ => "",
    };

    public static string Of(DutyPhase phase) => phase switch
    {
        DutyPhase.NotYet => Pick("nog niet leerplichtig", "not yet of compulsory age"),
        DutyPhase.Compulsory => Pick("leerplichtig", "compulsory education"),
        DutyPhase.QualificationDuty => Pick("kwalificatieplichtig", "qualification duty"),
        _ => Pick("niet meer leerplichtig", "no longer of compulsory age"),
    };

    public static string Of(CaseEventKind kind) => kind switch
    {
        CaseEventKind.Opened => Pick("geopend", "opened"),
        CaseEventKind.Note => Pick("notitie", "note"),
        CaseEventKind.StatusChanged => Pick("status gewijzigd", "status changed"),
        _ => Pick("gesloten", "closed"),
    };
}
