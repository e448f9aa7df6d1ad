using System.Xml.Linq;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.Registry.Edexml;

internal sealed record FileSchool(
    string? SchoolYearText, SchoolYear? SchoolYear, DateOnly? ReferenceDate, string? Brin, string? LocationCode,
    DateTime? CreatedAt, string? Version, EdexmlRecord Record);

internal sealed record FileGroup(string Key, string Name, string? YearGroupCode, bool Combined, EdexmlRecord Record);

internal sealed record FileStaff(
    string Key, string? LastName, string? Prefix, string? FirstNames, string? Initials, string? CallName, string? Email,
    List<string> Roles, List<string> GroupKeys, EdexmlRecord Record);

internal sealed record FileNumber(string Element, string Value, int Line, string Path);

internal sealed record FileLearner(
    string Key, string? LastName, string? Prefix, string? FirstNames, string? Initials, string? CallName, DateOnly? BirthDate,
    string? GenderCode, string? YearGroupCode, string? GroupKey, List<string> CombinedGroupKeys, FileNumber? Number,
    string? PostalCode, DateOnly? InflowDate, DateOnly? OutflowDate, EdexmlRecord Record);

/// <summary>An Edexml document read into records, each with its structural problems attached.</summary>
internal sealed class EdexmlFile
{
    public required FileSchool? School { get; init; }
    public List<FileGroup> Groups { get; } = [];
    public List<FileStaff> Staff { get; } = [];
    public List<FileLearner> Learners { get; } = [];
    public List<EdexmlProblem> FileProblems { get; } = [];

    public static EdexmlFile Read(XDocument doc)
    {
        var structure = EdexmlStructure.Validate(doc);
        var root = doc.Root!;
        var schoolElement = root.Name == "EDEX" ? root.Element("school") : null;
        var file = new EdexmlFile { School = schoolElement is null ? null : ReadSchool(schoolElement, structure) };
        file.FileProblems.AddRange(structure.FileProblems);
        if (root.Name != "EDEX") return file;

        var groupIndex = new Dictionary<string, int>();
        foreach (var g in root.Elements("groepen").Elements())
        {
            var local = g.Name.LocalName;
            groupIndex[local] = groupIndex.GetValueOrDefault(local) + 1;
            if (g.Name != "groep" && g.Name != "samengestelde_groep") continue;
            var rec = Record(EdexmlRecordType.Group, g, $"/EDEX/groepen[1]/{local}[{groupIndex[local]}]", Text(g, "naam") ?? "(zonder naam)", structure);
            file.Groups.Add(new FileGroup(rec.Key, Text(g, "naam") ?? "", Text(g, "jaargroep"), g.Name == "samengestelde_groep", rec));
        }

        var i = 0;
        foreach (var t in root.Elements("leerkrachten").Elements("leerkracht"))
        {
            var rec = Record(EdexmlRecordType.Staff, t, $"/EDEX/leerkrachten[1]/leerkracht[{++i}]", NameOf(t), structure);
            file.Staff.Add(new FileStaff(rec.Key, Text(t, "achternaam"), Text(t, "voorvoegsel"), Text(t, "voornamen"),
                Text(t, "voorletters-1"), Text(t, "roepnaam"), Text(t, "emailadres"),
                t.Elements("rol").Select(r => r.Value).ToList(),
                t.Elements("groepen").Elements().Select(r => r.Attribute("key")?.Value).OfType<string>().ToList(), rec));
        }

        i = 0;
        foreach (var l in root.Elements("leerlingen").Elements("leerling"))
        {
            var path = $"/EDEX/leerlingen[1]/leerling[{++i}]";
            var rec = Record(EdexmlRecordType.Learner, l, path, NameOf(l), structure);
            var numberElement = l.Elements().FirstOrDefault(e => e.Name.LocalName is "bsn" or "onderwijsnummer" or "sofinummer" or "bsn_ondwnr-4");
            var number = numberElement is null ? null
                : new FileNumber(numberElement.Name.LocalName, numberElement.Value, EdexmlStructure.LineOf(numberElement), $"{path}/{numberElement.Name.LocalName}[1]");
            file.Learners.Add(new FileLearner(rec.Key, Text(l, "achternaam"), Text(l, "voorvoegsel"), Text(l, "voornamen"),
                Text(l, "voorletters-1"), Text(l, "roepnaam"), DateOf(l, "geboortedatum"), Text(l, "geslacht")?.Trim(),
                Text(l, "jaargroep"), l.Element("groep")?.Attribute("key")?.Value,
                l.Elements("samengestelde_groepen").Elements("samengestelde_groep").Select(r => r.Attribute("key")?.Value).OfType<string>().ToList(),
                number, Text(l, "postcodenl") ?? Text(l, "postnummerbe") ?? Text(l, "postcodeoverig"),
                DateOf(l, "instroomdatum"), DateOf(l, "uitstroomdatum"), rec));
        }
        return file;
    }

    private static FileSchool ReadSchool(XElement s, EdexmlStructure structure)
    {
        var yearText = Text(s, "schooljaar");
        SchoolYear? year = SchoolYear.TryParse(yearText, out var y) ? y : null;
        var brin = Text(s, "brincode");
        var location = Text(s, "dependancecode") ?? (brin is null ? null : "00");
        var rec = new EdexmlRecord
        {
            Type = EdexmlRecordType.School, Key = brin is null ? Text(s, "schoolkey") ?? "" : brin + location,
            Name = brin is null ? "(geen brincode)" : brin + location, Line = EdexmlStructure.LineOf(s), Path = "/EDEX/school[1]",
        };
        // Problems in <school> and <vestigingen> concern the whole file: they stay in FileProblems.
        DateTime? created = EdexmlSchema.TryDateTime(Text(s, "aanmaakdatum"), out var c) ? c : null;
        return new FileSchool(yearText, year, DateOf(s, "peildatum"), brin, location, created, Text(s, "xsdversie"), rec);
    }

    private static EdexmlRecord Record(EdexmlRecordType type, XElement e, string path, string name, EdexmlStructure structure)
    {
        var rec = new EdexmlRecord
        {
            Type = type, Key = e.Attribute("key")?.Value ?? "", Name = name, Line = EdexmlStructure.LineOf(e), Path = path,
        };
        if (structure.RecordProblems.TryGetValue(e, out var problems)) rec.Problems.AddRange(problems);
        return rec;
    }

    private static string NameOf(XElement person) =>
        PersonName.Format(Text(person, "roepnaam") ?? Text(person, "voornamen") ?? Text(person, "voorletters-1"),
            Text(person, "voorvoegsel"), Text(person, "achternaam")) is { Length: > 0 } n ? n : "(zonder naam)";

    private static string? Text(XElement parent, string name) => parent.Element(name)?.Value is { Length: > 0 } v ? v : null;

    private static DateOnly? DateOf(XElement parent, string name) =>
        EdexmlSchema.TryDate(parent.Element(name)?.Value, out var d) ? d : null;
}
