using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Localization;

namespace Leerkluis.Web.Features.Shared;

/// <summary>
/// Display labels for domain enums and codes: the Dutch text is the key, English sits in Labels.en.resx. Enums are
/// not view text, so they live here rather than in every view's resource file.
/// </summary>
public static class Labels
{
    // A static class cannot be a type argument, hence typeof.
    private static string T(string dutch) => Translations.Of(typeof(Labels), dutch);

    public static string Of(Gender gender) => gender switch
    {
        Gender.Male => T("mannelijk"),
        Gender.Female => T("vrouwelijk"),
        Gender.Other => T("anders"),
        _ => T("onbekend"),
    };

    public static string Of(StaffRole role) => role switch
    {
        StaffRole.Teacher => T("leerkracht"),
        StaffRole.CareCoordinator => T("intern begeleider"),
        StaffRole.SchoolAdmin => T("administratie"),
        _ => role.ToString(),
    };

    public static string Of(GuardianRelation relation) => relation switch
    {
        GuardianRelation.Parent => T("ouder"),
        GuardianRelation.FosterParent => T("pleegouder"),
        GuardianRelation.Guardian => T("voogd"),
        _ => T("anders"),
    };

    public static string Of(PersonalNumberKind? kind) => kind switch
    {
        PersonalNumberKind.Bsn => "BSN",
        PersonalNumberKind.EducationNumber => T("onderwijsnummer"),
        _ => T("persoonsgebonden nummer"),
    };

    public static string YesNo(bool value) => value ? T("ja") : T("nee");

    /// <summary>Year groups of a (combined) group: "7/8".</summary>
    public static string YearGroups(IEnumerable<int> years) => string.Join('/', years.Order());

    /// <summary>School year as "2026-2027".</summary>
    public static string SchoolYearName(int startYear) => new Platform.Time.SchoolYear(startYear).ToString();
}
