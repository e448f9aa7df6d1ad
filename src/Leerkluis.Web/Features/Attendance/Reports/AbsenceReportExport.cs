using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Leerkluis.Web.Features.CompulsoryEducation;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.Attendance.Reports;

/// <summary>
/// Confirmed absence reports in the fields of DUO's verzuimregister: the learner (BSN or onderwijsnummer, name, birth
/// date), the school (BRIN, vestiging), the kind of absence, the period and the hours. CSV for people (semicolon,
/// UTF-8 with BOM, formula injection escaped) and XML for systems, in a small schema of our own
/// (namespace <see cref="Namespace"/>), since DUO's own exchange runs through the school's administration package.
/// </summary>
public static class AbsenceReportExport
{
    public const string Namespace = "urn:leerkluis:verzuimregister:1";

    /// <summary>The kind of absence as DUO names it.</summary>
    public static string Kind(AbsenceReportType type) => type switch
    {
        AbsenceReportType.SixteenHours => "16 uur ongeoorloofd verzuim binnen 4 schoolweken",
        AbsenceReportType.LongTerm => "Langdurig relatief verzuim",
        _ => type.ToString(),
    };

    /// <summary>A stable code for systems reading the XML.</summary>
    public static string KindCode(AbsenceReportType type) => type switch
    {
        AbsenceReportType.SixteenHours => "ongeoorloofd-16-uur",
        AbsenceReportType.LongTerm => "langdurig-relatief",
        _ => type.ToString(),
    };

    private static string NumberKind(PersonalNumberKind? kind) => kind == PersonalNumberKind.EducationNumber ? "onderwijsnummer" : "BSN";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Hours(decimal h) => h.ToString("0.0", CultureInfo.InvariantCulture);

    public static byte[] Csv(IEnumerable<ExportedReport> reports) =>
        CsvExport.Write(
            ["pgn", "soort_nummer", "achternaam", "voorvoegsel", "voornamen", "geboortedatum", "brin", "vestiging", "woongemeente",
             "verzuimsoort", "periode_begin", "periode_eind", "aantal_uren", "bevestigd_op"],
            reports.Select(r => new[]
            {
                r.PersonalNumber, NumberKind(r.PersonalNumberKind), r.LastName, r.Prefix ?? "", r.FirstNames,
                r.BirthDate is { } b ? Iso(b) : "", r.Brin, r.LocationCode, r.MunicipalityCode, Kind(r.Type),
                Iso(r.PeriodStart), Iso(r.PeriodEnd), Hours(r.Hours), Iso(DateOnly.FromDateTime(Amsterdam.ToLocal(r.ConfirmedUtc))),
            }));

    public static byte[] Xml(IEnumerable<ExportedReport> reports, string schoolCode, DateTime createdUtc)
    {
        XNamespace ns = Namespace;
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(ns + "verzuimmeldingen",
                new XAttribute("school", schoolCode),
                new XAttribute("aangemaakt", createdUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
                reports.Select(r => new XElement(ns + "verzuimmelding",
                    new XAttribute("id", r.Id),
                    new XElement(ns + "leerling",
                        new XElement(ns + "pgn", new XAttribute("soort", NumberKind(r.PersonalNumberKind)), r.PersonalNumber),
                        new XElement(ns + "achternaam", r.LastName),
                        r.Prefix is { Length: > 0 } p ? new XElement(ns + "voorvoegsel", p) : null,
                        new XElement(ns + "voornamen", r.FirstNames),
                        r.BirthDate is { } b ? new XElement(ns + "geboortedatum", Iso(b)) : null,
                        new XElement(ns + "woongemeente", r.MunicipalityCode)),
                    new XElement(ns + "school",
                        new XElement(ns + "brin", r.Brin),
                        new XElement(ns + "vestiging", r.LocationCode)),
                    new XElement(ns + "verzuimsoort", new XAttribute("code", KindCode(r.Type)), Kind(r.Type)),
                    new XElement(ns + "periode",
                        new XElement(ns + "begin", Iso(r.PeriodStart)),
                        new XElement(ns + "eind", Iso(r.PeriodEnd))),
                    new XElement(ns + "aantalUren", Hours(r.Hours)),
                    new XElement(ns + "bevestigdOp", Iso(DateOnly.FromDateTime(Amsterdam.ToLocal(r.ConfirmedUtc))))))));
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            doc.Save(writer);
        return buffer.ToArray();
    }
}
