namespace Leerkluis.Web.Features.Registry;

/// <summary>An address as typed on a form or read from a file; registration and corrections both take it.</summary>
public sealed record AddressInput(string? Street, string? HouseNumber, string? PostalCode, string? City, string? MunicipalityCode);

/// <summary>The Dutch postal code (1234 AB): the format the registry stores and every form checks.</summary>
public static class PostalCode
{
    public static bool IsValid(string? text)
    {
        var s = (text ?? "").Replace(" ", "").ToUpperInvariant();
        return s.Length == 6 && s[0] != '0' && s[..4].All(char.IsAsciiDigit) && s[4..].All(char.IsAsciiLetterUpper);
    }

    public static string Normalize(string text)
    {
        var s = text.Replace(" ", "").ToUpperInvariant();
        return s.Length == 6 ? $"{s[..4]} {s[4..]}" : text.Trim();
    }
}
