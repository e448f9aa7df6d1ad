namespace Leerkluis.Web.Features.Registry;

public enum PersonalNumberKind { Bsn = 1, EducationNumber = 2 }

/// <summary>
/// The learner's national number (PGN): a BSN or an onderwijsnummer. Both are nine digits with the
/// weighted sum 9·d1 + 8·d2 + … + 2·d8 − 1·d9; a BSN's sum is 0 mod 11 (the elfproef), an
/// onderwijsnummer starts with 10 and its sum is 5 mod 11. The one place these rules live.
/// </summary>
public readonly record struct PersonalNumber
{
    public string Value { get; }
    public PersonalNumberKind Kind { get; }
    public string LastFour => Value[^4..];

    private PersonalNumber(string value, PersonalNumberKind kind) { Value = value; Kind = kind; }

    public static PersonalNumberCheck Check(string? text)
    {
        var digits = (text ?? "").Trim();
        if (digits.Length == 8 && digits.All(char.IsAsciiDigit)) digits = "0" + digits; // BSNs are often stored without the leading zero
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
            return PersonalNumberCheck.Fail("Een persoonsgebonden nummer bestaat uit 9 cijfers.");
        var remainder = WeightedSum(digits) % 11;
        if (digits.StartsWith("10", StringComparison.Ordinal) && remainder == 5)
            return PersonalNumberCheck.Ok(new PersonalNumber(digits, PersonalNumberKind.EducationNumber));
        if (remainder == 0 && digits != "000000000")
            return PersonalNumberCheck.Ok(new PersonalNumber(digits, PersonalNumberKind.Bsn));
        return PersonalNumberCheck.Fail(digits.StartsWith("10", StringComparison.Ordinal)
            ? "Dit onderwijsnummer of BSN voldoet niet aan de elfproef."
            : "Dit BSN voldoet niet aan de elfproef.");
    }

    public static bool IsValidBsn(string? text) => Check(text) is { Number.Kind: PersonalNumberKind.Bsn };
    public static bool IsValidEducationNumber(string? text) => Check(text) is { Number.Kind: PersonalNumberKind.EducationNumber };

    private static int WeightedSum(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (9 - i) * (digits[i] - '0');
        sum -= digits[8] - '0';
        return ((sum % 11) + 11) % 11;
    }

    public override string ToString() => Value;
}

public sealed record PersonalNumberCheck(PersonalNumber? Number, string? Error)
{
    public bool IsValid => Number is not null;
    public static PersonalNumberCheck Ok(PersonalNumber n) => new(n, null);
    public static PersonalNumberCheck Fail(string error) => new(null, error);
}
