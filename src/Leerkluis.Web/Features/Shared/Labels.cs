using System.Globalization;
using Leerkluis.Web.Features.Registry;

namespace Leerkluis.Web.Features.Shared;

/// <summary>
/// Display labels for domain enums and codes, Dutch by default and English in the en locale. Enums are not
/// view text, so they live here rather than in every view's resource file.
/// </summary>
public static class Labels
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static string Pick(string nl, string en) => English ? en : nl;

    public static string Of(Gender gender) => gender switch
    {
        Gender.Male => Pick("mannelijk", "male"),
        Gender.Female => Pick("vrouwelijk", "female"),
        Gender.Other => Pick("anders", "other"),
        _ => Pick("onbekend", "unknown"),
    };

    public static string Of(StaffRole role) => role switch
    {
        StaffRole.Teacher => Pick("leerkracht", "teacher"),
        StaffRole.CareCoordinator => Pick("intern begeleider", "care coordinator"),
        StaffRole.SchoolAdmin => Pick("administratie", "administration"),
        _ => role.ToString(),
    };

    public static string Of(GuardianRelation relation) => relation switch
    {
        GuardianRelation.Parent => Pick("ouder", "parent"),
        GuardianRelation.FosterParent => Pick("pleegouder", "foster parent"),
        GuardianRelation.Guardian => Pick("voogd", "legal guardian"),
        _ => Pick("anders", "other"),
    };

    public static string Of(PersonalNumberKind? kind) => kind switch
    {
        PersonalNumberKind.Bsn => "BSN",
        PersonalNumberKind.EducationNumber => Pick("onderwijsnummer", "education number"),
        _ => Pick("persoonsgebonden nummer", "personal number"),
    };

    public static string YesNo(bool value) => value ? Pick("ja", "yes") : Pick("nee", "no");

    /// <summary>Year groups of a (combined) group: "7/8".</summary>
    public static string YearGroups(IEnumerable<int> years) => string.Join('/', years.Order());

    /// <summary>School year as "2026-2027".</summary>
    public static string SchoolYearName(int startYear) => new Platform.Time.SchoolYear(startYear).ToString();
}
