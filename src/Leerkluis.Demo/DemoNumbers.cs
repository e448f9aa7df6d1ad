using Bogus;
using Leerkluis.Web.Features.Registry;

namespace Leerkluis.Demo;

/// <summary>
/// Invented personal numbers that pass the 11-check (<see cref="PersonalNumber.Check"/> stays the one place
/// the rule lives; this class only picks a ninth digit and then asks it). Numbers are drawn at random, so a
/// generated BSN can coincide with a real person's number: demo data must never leave demo databases.
/// </summary>
public sealed class DemoNumbers
{
    private readonly HashSet<int> used = [];

    /// <summary>A BSN not handed out before by this instance: 8 random digits and a check digit so that the weighted sum is 0 mod 11.</summary>
    public string NextBsn(Randomizer random)
    {
        while (true)
        {
            // First digit 1–9 and never "10…", so a BSN is never mistaken for an onderwijsnummer.
            var head = random.Number(11_000_000, 99_999_999);
            var check = CheckDigit(head, remainder: 0);
            if (check is null) continue;
            var text = $"{head:D8}{check}";
            if (Claim(text)) return Verified(text, PersonalNumberKind.Bsn);
        }
    }

    /// <summary>An onderwijsnummer: starts with 10, weighted sum 5 mod 11.</summary>
    public string NextEducationNumber(Randomizer random)
    {
        while (true)
        {
            var head = 10_000_000 + random.Number(0, 999_999);
            var check = CheckDigit(head, remainder: 5);
            if (check is null) continue;
            var text = $"{head:D8}{check}";
            if (Claim(text)) return Verified(text, PersonalNumberKind.EducationNumber);
        }
    }

    /// <summary>The ninth digit d such that 9·d1 + … + 2·d8 − d mod 11 = remainder, or null when that digit would be 10.</summary>
    internal static int? CheckDigit(int eightDigits, int remainder)
    {
        var sum = 0;
        var n = eightDigits;
        for (var weight = 2; weight <= 9; weight++, n /= 10) sum += weight * (n % 10);
        var d = (((sum - remainder) % 11) + 11) % 11;
        return d == 10 ? null : d;
    }

    private bool Claim(string text) => used.Add(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

    private static string Verified(string text, PersonalNumberKind kind)
    {
        var check = PersonalNumber.Check(text);
        if (check.Number?.Kind != kind) throw new InvalidOperationException($"Generated {kind} fails the 11-check.");
        return text;
    }
}
