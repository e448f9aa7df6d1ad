using System.Globalization;
using System.Text;

namespace Leerkluis.Web.Features.Careers;

/// <summary>
/// When two people are the same person: same e-mail address, same phone number, or same name and birth date.
/// The normalised keys are stored on the candidate (indexed), so a look-up is three equality checks.
/// </summary>
public static class CandidateDuplicates
{
    public sealed record Keys(string? Email, string? Phone, string? NameBirth);

    public static Keys KeysFor(string? email, string? phone, string? firstName, string? lastName, DateOnly? birthDate) =>
        new(EmailKey(email), PhoneKey(phone), NameBirthKey(firstName, lastName, birthDate));

    /// <summary>Reasons (Dutch, for the advisor) why two sets of keys are the same person; empty when they are not.</summary>
    public static IReadOnlyList<string> Reasons(Keys a, Keys b)
    {
        var reasons = new List<string>();
        if (a.Email is not null && a.Email == b.Email) reasons.Add("zelfde e-mailadres");
        if (a.Phone is not null && a.Phone == b.Phone) reasons.Add("zelfde telefoonnummer");
        if (a.NameBirth is not null && a.NameBirth == b.NameBirth) reasons.Add("zelfde naam en geboortedatum");
        return reasons;
    }

    public static string? EmailKey(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>Digits only, with +31/0031 written as the national 0: "+31 6-1234 5678" and "06 12345678" are the same.</summary>
    public static string? PhoneKey(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (phone.TrimStart().StartsWith('+')) digits = "00" + digits;
        if (digits.StartsWith("0031", StringComparison.Ordinal)) digits = "0" + digits[4..];
        return digits.Length >= 8 ? digits : null;
    }

    /// <summary>Name without case, accents, spaces or hyphens, plus the birth date; null without a birth date (a name alone is too weak).</summary>
    public static string? NameBirthKey(string? firstName, string? lastName, DateOnly? birthDate)
    {
        if (birthDate is null || string.IsNullOrWhiteSpace(firstName) || string.IsNullOrWhiteSpace(lastName)) return null;
        return $"{Fold(firstName)}|{Fold(lastName)}|{birthDate.Value:yyyy-MM-dd}";
    }

    private static string Fold(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
