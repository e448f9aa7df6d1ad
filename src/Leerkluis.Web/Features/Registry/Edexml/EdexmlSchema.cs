using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.Registry.Edexml;

// The Edexml 2.0/2.1 schema (EDEXML.structuur/elementen/types.vast/types.variabel.xsd) written out as code,
// because the product may not ship or read the official XSD files. Tests compare these verdicts with
// System.Xml.Schema on the official files. One deliberate difference: `schooljaar` accepts every later year of
// the form YYYY-YYYY+1, where the XSD's enumeration stops at 2024-2025.

internal abstract record Particle(int Min, int Max);

internal sealed record El(string Name, XType Type, int Min = 1, int Max = 1) : Particle(Min, Max);

internal sealed record Seq(Particle[] Items, int Min = 1, int Max = 1) : Particle(Min, Max);

internal sealed record Choice(Particle[] Items, int Min = 1, int Max = 1) : Particle(Min, Max);

internal abstract record XType;

/// <summary>Text-only element; <see cref="Check"/> answers a Dutch complaint or null.</summary>
internal sealed record SimpleT(Func<string, string?> Check) : XType;

internal sealed record Attr(string Name, SimpleT Type, bool Required);

internal sealed record ComplexT(Particle? Content, Attr[] Attributes) : XType;

/// <summary>ToevoegingsBlokType is abstract: an instance names its concrete type with xsi:type.</summary>
internal sealed record ExtensionBlockT(IReadOnlyDictionary<string, ComplexT> Types) : XType;

internal static class EdexmlSchema
{
    public const int MaxOccursUnbounded = int.MaxValue;
    private const int U = MaxOccursUnbounded;
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    // ---- simple types (types.vast.xsd, types.variabel.xsd) ----

    private static SimpleT Text(int min, int max) => new(v =>
    {
        var length = v.EnumerateRunes().Count();
        if (length < min) return "mag niet leeg zijn";
        return length > max ? $"mag hoogstens {max} tekens lang zijn (nu {length})" : null;
    });

    private static SimpleT Pattern(string regex, string description)
    {
        var r = new Regex(@"\A(?:" + regex + @")\z", RegexOptions.CultureInvariant);
        return new(v => r.IsMatch(v) ? null : $"'{Shorten(v)}' heeft niet het juiste formaat: {description}");
    }

    private static SimpleT OneOf(string description, params string[] values)
    {
        var set = values.ToHashSet(StringComparer.Ordinal);
        return new(v => set.Contains(v) ? null : $"'{Shorten(v)}' is geen geldige {description}");
    }

    private static readonly SimpleT AnyString = new(_ => null);

    private static readonly Regex DatePattern = new(@"\A-?(\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?\z", RegexOptions.CultureInvariant);
    private static readonly Regex DateTimePattern = new(
        @"\A-?(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?\z", RegexOptions.CultureInvariant);

    public static readonly SimpleT Date = new(v => TryDate(v, out _) ? null : $"'{Shorten(v)}' is geen datum in de vorm JJJJ-MM-DD");

    public static readonly SimpleT DateTimeT = new(v => TryDateTime(v, out _) ? null
        : $"'{Shorten(v)}' is geen datum en tijd in de vorm JJJJ-MM-DDTuu:mm:ss");

    /// <summary>xs:date after whitespace collapse; a time-zone suffix is allowed and ignored.</summary>
    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        var m = DatePattern.Match((text ?? "").Trim());
        if (!m.Success || m.Groups[1].Value.Length != 4 || text!.TrimStart().StartsWith('-')) return false;
        return DateOnly.TryParseExact($"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}", "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static bool TryDateTime(string? text, out DateTime value)
    {
        value = default;
        var m = DateTimePattern.Match((text ?? "").Trim());
        if (!m.Success || m.Groups[1].Value.Length != 4 || text!.TrimStart().StartsWith('-')) return false;
        var hour = int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
        var core = $"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}T{(hour == 24 ? "00" : m.Groups[4].Value)}:{m.Groups[5].Value}:{m.Groups[6].Value}";
        if (!DateTime.TryParseExact(core, "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)) return false;
        // xs:dateTime allows 24:00:00 only as the end of a day.
        if (hour == 24) { if (m.Groups[5].Value != "00" || m.Groups[6].Value != "00") return false; value = value.AddDays(1); }
        return true;
    }

    /// <summary>The XSD enumerates 1991-1992 … 2024-2025; later years of the same form are accepted on purpose.</summary>
    public static readonly SimpleT SchoolYearT = new(v =>
        v.Length == 9 && v.Where((c, i) => i != 4).All(char.IsAsciiDigit) && SchoolYear.TryParse(v, out var y) && y.StartYear >= 1991
            ? null
            : $"'{Shorten(v)}' is geen geldig schooljaar (vorm 2025-2026)");

    /// <summary>xs:integer with totalDigits 1 and the values 0, 1, 2, 9 (NEN-ISO 5218).</summary>
    private static readonly SimpleT Gender = new(v =>
    {
        var t = v.Trim(' ', '\t', '\r', '\n');
        var ok = Regex.IsMatch(t, @"\A[+-]?\d+\z") && int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                 && n is 0 or 1 or 2 or 9;
        return ok ? null : $"'{Shorten(v)}' is geen geldige code voor geslacht (0, 1, 2 of 9)";
    });

    private static readonly SimpleT Key = Text(1, 256);
    private static readonly SimpleT S32 = Text(1, 32), S64 = Text(1, 64), S128 = Text(1, 128), S256 = Text(1, 256);
    private static readonly SimpleT LastName = Text(1, 200), Prefix = Text(1, 10), FirstNames = Text(1, 200), Initials = Text(1, 6);
    private static readonly SimpleT NineDigits = Pattern(@"\p{Nd}{9}", "9 cijfers");
    private static readonly SimpleT FourDigits = Pattern(@"\p{Nd}{4}", "4 cijfers");
    private static readonly SimpleT Brin = Pattern(@"\p{Nd}{2}\p{Lu}{2}", "2 cijfers en 2 hoofdletters, bijvoorbeeld 99ZZ");
    private static readonly SimpleT BrinReference = Pattern(@"\p{Nd}{2}\p{Lu}{2}\p{Nd}{0,2}", "2 cijfers en 2 hoofdletters, eventueel gevolgd door 1 of 2 cijfers");
    private static readonly SimpleT Dependance = Pattern(@"\p{Nd}{2}", "2 cijfers, bijvoorbeeld 00");
    private static readonly SimpleT Institution = Pattern(@"\p{Nd}{2,6}", "2 tot 6 cijfers");
    private static readonly SimpleT PostcodeNl = Pattern(@"\p{Nd}{4}\p{Lu}{2}", "4 cijfers en 2 hoofdletters zonder spatie, bijvoorbeeld 1234AB");
    private static readonly SimpleT RegistryNumber = Pattern(@"\p{Nd}{11}", "11 cijfers");

    public static readonly string[] YearGroupCodes =
        ["B", "D", "0", "1", "2", "3", "4", "5", "6", "7", "8", "11", "12", "13", "14", "15", "16", "S", "V", "C", "N", "H"];

    private static readonly SimpleT YearGroup = OneOf("jaargroep (1–8, 11–16, B, D, 0, S, V, C, N of H)", YearGroupCodes);

    private static readonly SimpleT Ethnicity = OneOf("code voor etniciteit (0, 1 of 9)", "9", "0", "1");
    private static readonly SimpleT WeightNew = OneOf("leerlinggewicht (?, 0, 0,3 of 1,2)", "?", "0", "0,3", "1,2");
    private static readonly SimpleT Weight = OneOf("leerlinggewicht (?, 0.00, 0.25, 0.40, 0.70 of 0.90)", "?", "0.00", "0.25", "0.40", "0.70", "0.90");

    public static readonly string[] StaffRoleCodes =
        ["ADJ", "ADM", "CON", "DIR", "ICT", "IB", "KLA", "LRK", "LOS", "LOC", "OWA", "OUD", "RT", "SMW", "STA", "TAL", "VAK"];

    private static readonly SimpleT StaffRole = OneOf("rolcode (bijvoorbeeld LRK, IB, DIR)", StaffRoleCodes);

    // EDEXLandType: ISO 3166 alpha-2 as frozen in the standard (with historical codes), plus "?" for unknown.
    private static readonly SimpleT Country = OneOf("landcode", (
        "? NL AF AX AL DZ VI AS AD AO AI AQ AG AR AM AW AU AZ BS BH BD BB BE BZ BJ BM BT MM BF BI BO BA BW BR VG BN BG KH CA CF " +
        "CL CN CX CC CO CG CD CK CR CU CY DK DJ DM DO DE EC EG SV GB GQ ER EE ET FO FK FJ PH FI FR GF PF FX TF GA GM GZ GE GH GI " +
        "GD GR GL GP GU GT GN GW GY HT HN HK HM HU IE IS IN ID IQ IR IL IT CI JM JP YE YO JH JO KY CV CM JE QA KZ KE KG KI KW KM " +
        "HR LA LS LV LB LR LY LI LT LU MO MK MG MW MV MY ML MT IM MA MH MQ MR MU YT MX FM MD MC MN MS MZ NA NR AN NP NI NC NZ NE " +
        "NG NU KP MP NO NF UA UZ OK OM AT TL PK PW PS PA PG PY PE PN PL PR PT RE RW RO RU SM ST SA SN CS RS ME SC SL SG SH SI SK " +
        "SD SB SO ES SJ LK KN LC PM VC SR SZ SY TJ TW TZ TH TB TM TG TK TO TT TD CZ TN TR TC TV UG UY VU VA VE AE US VN WF EH WS " +
        "BY ZM ZW ZA KR GS SE CH").Split(' '));

    // ---- complex types (elementen.xsd, structuur.xsd) ----

    private static readonly Attr[] KeyOnly = [new("key", Key, true)];
    private static readonly Attr[] KeyAndEckid = [new("key", Key, true), new("eckid", Key, false)];

    private static readonly ExtensionBlockT Block = new ExtensionBlockT(new Dictionary<string, ComplexT>
    {
        ["OpmerkingGegevensType"] = new(new Seq([new El("code", S64), new El("omschrijving", AnyString, 0), new El("opmerking", AnyString)]), []),
    });

    private static El Additions() => new("toevoegingen", new ComplexT(new El("blok", Block, 1, U), []), 0);

    private static readonly ComplexT School = new(new Seq([
        new El("schooljaar", SchoolYearT),
        new El("peildatum", Date, 0),
        new Choice([
            new Seq([new El("brincode", Brin), new El("dependancecode", Dependance, 0), new El("schoolkey", Key, 0)]),
            new Seq([new El("instellingsnummer", Institution), new El("schoolkey", Key, 0)]),
            new El("schoolkey", Key, 0),
        ]),
        new El("aanmaakdatum", DateTimeT, 0),
        new El("auteur", S128, 0),
        new El("xsdversie", S32, 0),
        new El("commentaar", AnyString, 0),
        Additions(),
    ]), []);

    private static readonly ComplexT Location = new(new Seq([
        new El("naam", S64), new El("omschrijving", S256, 0), new El("mutatiedatum", DateTimeT, 0),
    ]), KeyOnly);

    private static readonly ComplexT GroupT = new(new Seq([
        new El("naam", S64), new El("jaargroep", YearGroup), new El("omschrijving", S256, 0), Additions(), new El("mutatiedatum", DateTimeT, 0),
    ]), KeyOnly);

    private static readonly ComplexT CombinedGroupT = new(new Seq([
        new El("naam", S64), new El("omschrijving", S256, 0), Additions(), new El("mutatiedatum", DateTimeT, 0),
    ]), KeyOnly);

    private static readonly ComplexT Reference = new(null, KeyOnly);

    private static Choice Names() => new([
        new Seq([
            new El("achternaam", LastName), new El("voorvoegsel", Prefix, 0), new El("voornamen", FirstNames, 0),
            new El("voorletters-1", Initials, 0), new El("roepnaam", S64, 0),
        ]),
        new El("roepnaam", S64),
    ]);

    private static readonly ComplexT Learner = new(new Seq([
        Names(),
        new El("geboortedatum", Date, 0),
        new El("geslacht", Gender, 0),
        new El("start_ondw_jgr3", Date, 0),
        new El("jaargroep", YearGroup, 0),
        new El("groep", Reference, 0),
        new El("samengestelde_groepen", new ComplexT(new El("samengestelde_groep", Reference, 1, U), []), 0),
        new El("vestiging", Reference, 0),
        new El("gebruikersnaam", S64, 0),
        new El("emailadres", S256, 0),
        new El("fotourl", S256, 0),
        new El("etniciteit", Ethnicity, 0),
        new El("land", Country, 0),
        new El("land_vader", Country, 0),
        new El("land_moeder", Country, 0),
        new Choice([
            new El("sofinummer", NineDigits, 0), new El("bsn", NineDigits, 0), new El("onderwijsnummer", NineDigits, 0),
            new El("bsn_ondwnr-4", FourDigits, 0), new El("rijksregisternummer", RegistryNumber, 0),
        ]),
        new El("gewicht_nieuw", WeightNew, 0),
        new El("gewicht", Weight, 0),
        new Choice([new El("postcodenl", PostcodeNl, 0), new El("postnummerbe", FourDigits, 0), new El("postcodeoverig", S32, 0)]),
        new El("instroomdatum", Date, 0),
        new El("uitstroomdatum", Date, 0),
        Additions(),
        new El("mutatiedatum", DateTimeT, 0),
    ]), KeyAndEckid);

    private static Seq Roles(int min) => new([new Choice([new El("rol", StaffRole), new El("rolomschrijving", S64)])], min, U);

    private static readonly ComplexT TeacherGroupReference = new(Roles(0), KeyOnly);

    private static readonly ComplexT Teacher = new(new Seq([
        Names(),
        new El("gebruikersnaam", S64, 0),
        new El("emailadres", S256, 0),
        Roles(0),
        new El("groepen", new ComplexT(new Seq([new Choice([
            new El("groep", TeacherGroupReference), new El("samengestelde_groep", TeacherGroupReference),
        ])], 1, U), []), 0),
        Additions(),
        new El("mutatiedatum", DateTimeT, 0),
    ]), KeyAndEckid);

    public static readonly El Root = new("EDEX", new ComplexT(new Seq([
        new El("school", School),
        new El("vestigingen", new ComplexT(new El("vestiging", Location, 1, U), []), 0),
        new El("groepen", new ComplexT(new Seq([new Choice([new El("groep", GroupT), new El("samengestelde_groep", CombinedGroupT)])], 1, U), []), 0),
        new El("leerlingen", new ComplexT(new El("leerling", Learner, 1, U), [])),
        new El("leerkrachten", new ComplexT(new El("leerkracht", Teacher, 1, U), []), 0),
    ]), []));

    public static string Shorten(string v) => v.Length <= 40 ? v : v[..40] + "…";

    // Used by the exporter and the generator so their output passes the same rules.
    public static bool IsValidPrefix(string? v) => v is not null && Prefix.Check(v) is null;
    public static bool FitsText(string? v, int max) => v is not null && Text(1, max).Check(v) is null;
}
