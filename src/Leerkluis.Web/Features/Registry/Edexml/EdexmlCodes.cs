namespace Leerkluis.Web.Features.Registry.Edexml;

/// <summary>The mappings between Edexml code lists and Leerkluis values, in both directions, in one place.</summary>
public static class EdexmlCodes
{
    /// <summary>Edexml jaargroep → year group: 1–8 in po, 11–16 are vo years 1–6; the other codes (peuters, S(B)O, combinatie, historisch) carry no year.</summary>
    public static int? YearGroup(string? code) => code?.Trim() switch
    {
        { Length: 1 } c when c[0] is >= '1' and <= '8' => c[0] - '0',
        { Length: 2 } c when c[0] == '1' && c[1] is >= '1' and <= '6' => c[1] - '0',
        _ => null,
    };

    public static string YearGroupCode(int yearGroup, SchoolSector sector) =>
        sector == SchoolSector.Secondary && yearGroup is >= 1 and <= 6 ? $"1{yearGroup}" : yearGroup.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsValidYearGroup(int yearGroup, SchoolSector sector) =>
        sector == SchoolSector.Secondary ? yearGroup is >= 1 and <= 6 : yearGroup is >= 1 and <= 8;

    /// <summary>NEN-ISO 5218 as Edexml uses it: 0 unknown, 1 boy, 2 girl, 9 not specified.</summary>
    public static Gender? Gender(string? code) => code?.Trim() switch
    {
        "0" => Registry.Gender.Unknown,
        "1" => Registry.Gender.Male,
        "2" => Registry.Gender.Female,
        "9" => Registry.Gender.Other,
        _ => null,
    };

    public static string GenderCode(Gender gender) => gender switch
    {
        Registry.Gender.Male => "1",
        Registry.Gender.Female => "2",
        Registry.Gender.Other => "9",
        _ => "0",
    };

    /// <summary>
    /// Roles never come from a file with more rights than a teacher: an import must not make someone an
    /// administrator. Only the care coordinator (IB) is recognised.
    /// </summary>
    public static StaffRole StaffRole(IEnumerable<string> roles) =>
        roles.Any(r => r == "IB") ? Registry.StaffRole.CareCoordinator : Registry.StaffRole.Teacher;

    public static string StaffRoleCode(StaffRole role) => role switch
    {
        Registry.StaffRole.CareCoordinator => "IB",
        Registry.StaffRole.SchoolAdmin => "ADM",
        _ => "LRK",
    };
}
