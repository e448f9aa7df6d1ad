using Leerkluis.Web.Features.CompulsoryEducation;
using Leerkluis.Web.Platform.Localization;

namespace Leerkluis.Web.Features.CompulsoryEducation.Pages;

/// <summary>Display labels of the leerplicht enums, Dutch by default and English in the en locale.</summary>
public static class CaseLabels
{
    // Static classes cannot be type arguments, hence typeof; the resx beside this file carries the English.
    private static string T(string dutch) => Translations.Of(typeof(CaseLabels), dutch);

    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Open => T("open"),
        CaseStatus.InProgress => T("in behandeling"),
        _ => T("gesloten"),
    };

    public static string Of(CaseReason reason) => reason switch
    {
        CaseReason.NotEnrolled => T("geen inschrijving"),
        _ => T("onbekend bij scholen"),
    };

    public static string Of(ClosingReason? reason) => reason switch
    {
        ClosingReason.Enrolled => T("ingeschreven op een school"),
        ClosingReason.Moved => T("verhuisd"),
        ClosingReason.Exemption => T("vrijstelling (art. 5)"),
        ClosingReason.Deceased => T("overleden"),
        ClosingReason.Other => T("anders"),
        _ => "",
    };

    public static string Of(DutyPhase phase) => phase switch
    {
        DutyPhase.NotYet => T("nog niet leerplichtig"),
        DutyPhase.Compulsory => T("leerplichtig"),
        DutyPhase.QualificationDuty => T("kwalificatieplichtig"),
        _ => T("niet meer leerplichtig"),
    };

    public static string Of(CaseEventKind kind) => kind switch
    {
        CaseEventKind.Opened => T("geopend"),
        CaseEventKind.Note => T("notitie"),
        CaseEventKind.StatusChanged => T("status gewijzigd"),
        _ => T("gesloten"),
    };
}
