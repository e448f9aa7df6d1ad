namespace Leerkluis.Demo;

/// <summary>A real Dutch municipality with its CBS code and a postal-code range that lies in it (approximately).</summary>
public sealed record DemoCity(string Name, string MunicipalityCode, int PostalFrom, int PostalTo, int Region);

/// <summary>
/// The small fixed table of places the generator draws from. Cities are real (so addresses look right and
/// the attendance officer's municipality code resolves); streets and house numbers are invented by Bogus.
/// Cities in one <see cref="DemoCity.Region"/> are neighbours: families live in one and send children to the other.
/// </summary>
public static class DemoPlaces
{
    public static readonly DemoCity[] Cities =
    [
        // Region 0: Utrecht and surroundings (the scale-1 demo lives here).
        new("Utrecht", "0344", 3511, 3585, 0),
        new("Amersfoort", "0307", 3811, 3829, 0),
        new("Zeist", "0355", 3701, 3709, 0),
        new("Nieuwegein", "0356", 3431, 3439, 0),
        new("Houten", "0321", 3991, 3995, 0),
        new("De Bilt", "0310", 3731, 3739, 0),
        new("IJsselstein", "0353", 3401, 3405, 0),
        new("Bunnik", "0312", 3981, 3984, 0),
        new("Veenendaal", "0345", 3901, 3909, 0),
        // Region 1: Randstad west.
        new("Amsterdam", "0363", 1011, 1109, 1),
        new("Haarlem", "0392", 2011, 2037, 1),
        new("Almere", "0034", 1311, 1363, 1),
        // Region 2: Zuid-Holland.
        new("Rotterdam", "0599", 3011, 3089, 2),
        new("'s-Gravenhage", "0518", 2491, 2597, 2),
        new("Leiden", "0546", 2311, 2334, 2),
        new("Delft", "0503", 2611, 2629, 2),
        // Region 3: Brabant and Limburg.
        new("Eindhoven", "0772", 5611, 5658, 3),
        new("Tilburg", "0855", 5011, 5049, 3),
        new("Breda", "0758", 4811, 4839, 3),
        new("'s-Hertogenbosch", "0796", 5211, 5249, 3),
        new("Maastricht", "0935", 6211, 6229, 3),
        // Region 4: east.
        new("Nijmegen", "0268", 6511, 6546, 4),
        new("Arnhem", "0202", 6811, 6846, 4),
        new("Apeldoorn", "0200", 7311, 7339, 4),
        new("Enschede", "0153", 7511, 7548, 4),
        new("Zwolle", "0193", 8011, 8048, 4),
        // Region 5: north.
        new("Groningen", "0014", 9711, 9747, 5),
        new("Leeuwarden", "0080", 8911, 8941, 5),
    ];

    public static readonly int RegionCount = Cities.Max(c => c.Region) + 1;

    public static DemoCity[] InRegion(int region) => Cities.Where(c => c.Region == region).ToArray();

    /// <summary>Letters used in Dutch postal codes (F, I, O, Q, U and Y are never used).</summary>
    public const string PostalLetters = "ABCDEGHJKLMNPRSTVWXZ";

    /// <summary>Combinations PostNL does not use.</summary>
    public static bool IsUnusedPostalPair(string letters) => letters is "SA" or "SD" or "SS";

    public static readonly string[] Prefixes = ["van", "de", "van der", "van den", "van de", "den", "ter", "van 't", "in 't"];

    public static readonly string[] BoardNames =
        ["De Linde", "Het Baken", "Kompas", "Arcade", "Wijzer", "De Waarden", "Meander", "Spectrum", "Klimop", "Horizon", "Tangram", "Delta"];

    public static readonly string[] PrimaryNames =
        ["De Regenboog", "Het Kompas", "De Wegwijzer", "De Zonnewijzer", "De Vlinder", "Het Klaverblad", "De Sterrenwacht",
         "De Boomgaard", "Het Palet", "De Notenkraker", "De Windroos", "De Meander", "De Triangel", "Het Anker", "De Fontein"];

    public static readonly string[] PrimaryKinds = ["Basisschool", "OBS", "CBS", "Daltonschool", "Montessorischool"];

    public static readonly string[] SecondaryNames =
        ["Het Lindeveld College", "Het Kleibeek Lyceum", "Oostwaarde College", "Het Zandpad College", "Wilgenhof Lyceum",
         "Het Dijkzicht College", "Het Beemdlaan Lyceum", "Heuvelrand College", "Het Waardpoort College", "Sterrenveld Lyceum"];
}
