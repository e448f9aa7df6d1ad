using System.Globalization;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.Vault.Rights.Corrections;

/// <summary>
/// What may be corrected by request (ACCESS.md: Personalia and Family "R + correction request"). The learner's
/// names, birth date and address; and, for a guardian, their own contact data. Never the personal number: that
/// comes from the BRP or DUO and only the school corrects it.
/// </summary>
public enum CorrectionField
{
    FirstNames, CallName, Prefix, LastName, BirthDate, Street, HouseNumber, PostalCode, City,
    GuardianEmail, GuardianPhone, GuardianStreet, GuardianHouseNumber, GuardianPostalCode, GuardianCity,
}

/// <summary>The rules of a proposed value, in one place: section, label, whether it may be empty, its format.</summary>
public static class CorrectionFields
{
    public const int NoteMax = 1000;
    public const int ReasonMax = 1000;
    public const int ValueMax = 200;

    public static Section SectionOf(CorrectionField f) => f >= CorrectionField.GuardianEmail ? Section.Family : Section.Personalia;

    public static bool IsGuardianContact(CorrectionField f) => SectionOf(f) == Section.Family;

    public static string Label(CorrectionField f) => f switch
    {
        CorrectionField.FirstNames => "Voornamen",
        CorrectionField.CallName => "Roepnaam",
        CorrectionField.Prefix => "Tussenvoegsel",
        CorrectionField.LastName => "Achternaam",
        CorrectionField.BirthDate => "Geboortedatum",
        CorrectionField.Street => "Straat",
        CorrectionField.HouseNumber => "Huisnummer",
        CorrectionField.PostalCode => "Postcode",
        CorrectionField.City => "Plaats",
        CorrectionField.GuardianEmail => "Uw e-mailadres",
        CorrectionField.GuardianPhone => "Uw telefoonnummer",
        CorrectionField.GuardianStreet => "Uw straat",
        CorrectionField.GuardianHouseNumber => "Uw huisnummer",
        CorrectionField.GuardianPostalCode => "Uw postcode",
        CorrectionField.GuardianCity => "Uw plaats",
        _ => f.ToString(),
    };

    /// <summary>Parses a field name as sent by the API ("lastName", "guardianPhone"); null when unknown.</summary>
    public static CorrectionField? Parse(string? name) =>
        Enum.TryParse<CorrectionField>(name, ignoreCase: true, out var f) && Enum.IsDefined(f) && !int.TryParse(name, out _) ? f : null;

    /// <summary>The stored form of a proposed value, or an error message naming the field.</summary>
    public static (string? Value, string? Error) Normalize(CorrectionField f, string? raw, DateOnly today)
    {
        var v = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
        var label = Label(f);
        if (v is null)
            return f is CorrectionField.FirstNames or CorrectionField.LastName or CorrectionField.BirthDate
                ? (null, $"{label}: vul de juiste waarde in.") : (null, null);
        if (v.Length > ValueMax) return (null, $"{label} mag hoogstens {ValueMax} tekens lang zijn.");
        switch (f)
        {
            case CorrectionField.BirthDate:
                if (!Amsterdam.TryParseDate(v, out var d)) return (null, "Vul de geboortedatum in als dd-mm-jjjj, bijvoorbeeld 01-09-2016.");
                if (d > today) return (null, "De geboortedatum ligt in de toekomst.");
                if (d < today.AddYears(-30)) return (null, "Deze geboortedatum is meer dan 30 jaar geleden; controleer het jaartal.");
                return (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
            case CorrectionField.PostalCode or CorrectionField.GuardianPostalCode:
                return PostalCode.IsValid(v) ? (PostalCode.Normalize(v), null) : (null, $"{label}: een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.");
            case CorrectionField.GuardianEmail:
                return v.Contains('@') && !v.Contains(' ') && v.Length <= 256 ? (v.ToLowerInvariant(), null) : (null, "Dit is geen geldig e-mailadres.");
            case CorrectionField.GuardianPhone:
                return v.Length <= 30 && v.Count(char.IsAsciiDigit) >= 8 && v.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')')
                    ? (v, null) : (null, "Een telefoonnummer bestaat uit minstens 8 cijfers, bijvoorbeeld 06 12345678.");
            case CorrectionField.Prefix when v.Length > 20:
                return (null, "Tussenvoegsel mag hoogstens 20 tekens lang zijn.");
            default:
                return (v, null);
        }
    }

    /// <summary>A stored value as people read it (dates dd-MM-yyyy, empty as "(leeg)").</summary>
    public static string Display(CorrectionField f, string? value) =>
        value is null ? "(leeg)"
        : f == CorrectionField.BirthDate && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? Amsterdam.Date(d)
        : value;
}
