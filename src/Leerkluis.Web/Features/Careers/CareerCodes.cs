using System.Text.Json.Serialization;

namespace Leerkluis.Web.Features.Careers;

/// <summary>The school sector of a vacancy or programme (a candidate marks interest per sector).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Sector>))]
public enum Sector { Po = 1, Vo = 2, Mbo = 3 }

/// <summary>The fixed code lists of the desk and their Dutch labels (one place, used by API, pages, intake and export).</summary>
public static class CareerCodes
{
    public static readonly IReadOnlyDictionary<string, string> Subjects = new Dictionary<string, string>
    {
        ["wiskunde"] = "Wiskunde", ["nederlands"] = "Nederlands", ["engels"] = "Engels", ["duits"] = "Duits",
        ["frans"] = "Frans", ["natuurkunde"] = "Natuurkunde", ["scheikunde"] = "Scheikunde", ["biologie"] = "Biologie",
        ["informatica"] = "Informatica", ["economie"] = "Economie", ["geschiedenis"] = "Geschiedenis",
        ["aardrijkskunde"] = "Aardrijkskunde", ["lo"] = "Lichamelijke opvoeding", ["techniek"] = "Techniek",
        ["zorg"] = "Zorg en welzijn", ["groepsleerkracht"] = "Groepsleerkracht (po)",
    };

    public static readonly IReadOnlyDictionary<string, string> RouteOptions = new Dictionary<string, string>
    {
        ["zij-instroom"] = "Zij-instroom", ["pabo"] = "Pabo", ["deeltijd"] = "Deeltijd lerarenopleiding",
        ["pdg"] = "Pedagogisch didactisch getuigschrift (mbo)", ["educatieve-master"] = "Educatieve master",
    };

    public static readonly IReadOnlyDictionary<string, string> Bottlenecks = new Dictionary<string, string>
    {
        ["financiering"] = "Financiering", ["vooropleiding"] = "Vooropleiding", ["combinatie-werk"] = "Combinatie met werk",
        ["geen-plek"] = "Geen werkplek", ["reistijd"] = "Reistijd",
    };

    public static string PhaseLabel(Phase p) => p switch
    {
        Phase.Interest => "1. Interesse",
        Phase.Orientation => "2. Oriëntatie",
        Phase.Choice => "3. Keuze",
        Phase.Preparation => "4. Voorbereiding",
        Phase.Start => "5. Start",
        _ => p.ToString(),
    };

    /// <summary>What the candidate can do in this phase (shown in the portal).</summary>
    public static string NextStep(Phase p) => p switch
    {
        Phase.Interest => "Plan een oriënterend gesprek met je adviseur en bezoek een informatieactiviteit.",
        Phase.Orientation => "Loop een dag mee op een school en vergelijk de routes naar het leraarschap.",
        Phase.Choice => "Kies je route en opleiding; je adviseur helpt bij de toelating.",
        Phase.Preparation => "Rond je aanmelding bij de opleiding en je werkplek op school af.",
        Phase.Start => "Je bent gestart. Je adviseur blijft bereikbaar voor vragen.",
        _ => "",
    };

    public static string SectorLabel(Sector s) => s switch { Sector.Po => "po", Sector.Vo => "vo", Sector.Mbo => "mbo", _ => s.ToString() };

    public static string LevelLabel(EducationLevel? l) => l switch
    {
        EducationLevel.Mbo => "mbo", EducationLevel.Hbo => "hbo", EducationLevel.Wo => "wo", _ => "onbekend",
    };

    public static string ContactLabel(ContactKind k) => k switch
    {
        ContactKind.Call => "Telefoongesprek", ContactKind.Meeting => "Gesprek", ContactKind.Email => "E-mail",
        ContactKind.Activity => "Activiteit", ContactKind.Note => "Notitie", _ => k.ToString(),
    };

    public static string SubjectLabel(string code) => Subjects.TryGetValue(code, out var l) ? l : code;
}
