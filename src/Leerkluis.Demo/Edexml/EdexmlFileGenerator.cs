using System.Globalization;
using System.Text;
using System.Xml;
using Bogus;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Demo.Edexml;

/// <summary>
/// Invented but valid Edexml 2.1 primary-school files for tests and benchmarks: Dutch names, valid BSNs, 28 learners
/// per group, a combined group across year groups 5–8, one teacher per group and a care coordinator.
/// The same seed gives the same file.
/// </summary>
public static class EdexmlFileGenerator
{
    private static readonly string[] Prefixes = ["van", "de", "van der", "van den", "van de", "ter", "den"];

    /// <param name="schoolYear">Defaults to 2024-2025, the last year the official XSD enumerates, so the file validates against it.</param>
    /// <param name="takenNumbers">Numbers already in use (a benchmark database), so the file's invented children are new people.</param>
    public static string Generate(int learners, string brin, int seed, SchoolYear? schoolYear = null, string locationCode = "00",
        IEnumerable<string>? takenNumbers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(learners, 1);
        var year = schoolYear ?? new SchoolYear(2024);
        var faker = new Faker("nl") { Random = new Randomizer(seed) };
        var groupsPerYear = Math.Max(1, (int)Math.Ceiling(learners / 8.0 / 28.0));
        var groups = Enumerable.Range(1, 8)
            .SelectMany(y => Enumerable.Range(0, groupsPerYear).Select(i => (Key: $"G{y}{(char)('A' + i)}", Name: $"{y}{(char)('A' + i)}", Year: y)))
            .ToList();
        var usedNumbers = new HashSet<string>(takenNumbers ?? []);

        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "\t", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var sw = new Utf8StringWriter(sb))
        using (var x = XmlWriter.Create(sw, settings))
        {
            x.WriteStartDocument();
            x.WriteStartElement("EDEX");
            x.WriteStartElement("school");
            x.WriteElementString("schooljaar", year.ToString());
            x.WriteElementString("peildatum", Date(new DateOnly(year.StartYear, 10, 1)));
            x.WriteElementString("brincode", brin);
            x.WriteElementString("dependancecode", locationCode);
            x.WriteElementString("aanmaakdatum", $"{year.StartYear}-10-02T08:00:00");
            x.WriteElementString("auteur", "EdexmlFileGenerator");
            x.WriteElementString("xsdversie", "2.1");
            x.WriteEndElement();

            x.WriteStartElement("groepen");
            foreach (var g in groups)
            {
                x.WriteStartElement("groep");
                x.WriteAttributeString("key", g.Key);
                x.WriteElementString("naam", g.Name);
                x.WriteElementString("jaargroep", g.Year.ToString(CultureInfo.InvariantCulture));
                x.WriteEndElement();
            }
            x.WriteStartElement("samengestelde_groep");
            x.WriteAttributeString("key", "PLUS");
            x.WriteElementString("naam", "Plusklas");
            x.WriteEndElement();
            x.WriteEndElement();

            x.WriteStartElement("leerlingen");
            for (var i = 0; i < learners; i++)
            {
                var group = groups[i % groups.Count];
                var female = faker.Random.Bool();
                var firstNames = faker.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
                var callName = firstNames.Split(' ')[0];
                if (faker.Random.Bool(0.3f)) firstNames += " " + faker.Name.FirstName();
                var age = 3 + group.Year; // groep 1 holds four-year-olds on 1 October
                var born = new DateOnly(year.StartYear - age, 10, 1).AddDays(faker.Random.Int(1, 364));
                x.WriteStartElement("leerling");
                x.WriteAttributeString("key", $"L{i + 1:D6}");
                x.WriteElementString("achternaam", Fit(faker.Name.LastName(), 200));
                if (faker.Random.Bool(0.25f)) x.WriteElementString("voorvoegsel", faker.PickRandom(Prefixes));
                x.WriteElementString("voornamen", Fit(firstNames, 200));
                x.WriteElementString("roepnaam", Fit(callName, 64));
                x.WriteElementString("geboortedatum", Date(born));
                x.WriteElementString("geslacht", female ? "2" : "1");
                x.WriteElementString("jaargroep", group.Year.ToString(CultureInfo.InvariantCulture));
                x.WriteStartElement("groep");
                x.WriteAttributeString("key", group.Key);
                x.WriteEndElement();
                if (group.Year >= 5 && i % 20 == 0)
                {
                    x.WriteStartElement("samengestelde_groepen");
                    x.WriteStartElement("samengestelde_groep");
                    x.WriteAttributeString("key", "PLUS");
                    x.WriteEndElement();
                    x.WriteEndElement();
                }
                x.WriteElementString("bsn", Bsn(faker.Random, usedNumbers));
                x.WriteElementString("postcodenl", $"{faker.Random.Int(1000, 9999)}{faker.Random.String2(2, "ABCDEGHJKLMNPRSTVWXZ")}");
                var inflow = born.AddYears(4);
                x.WriteElementString("instroomdatum", Date(inflow > year.FirstDay ? year.FirstDay.AddDays(30) : inflow));
                x.WriteEndElement();
            }
            x.WriteEndElement();

            x.WriteStartElement("leerkrachten");
            var t = 0;
            foreach (var g in groups)
            {
                x.WriteStartElement("leerkracht");
                x.WriteAttributeString("key", $"T{++t:D4}");
                x.WriteElementString("achternaam", Fit(faker.Name.LastName(), 200));
                x.WriteElementString("roepnaam", Fit(faker.Name.FirstName(), 64));
                x.WriteElementString("rol", "LRK");
                x.WriteStartElement("groepen");
                x.WriteStartElement("groep");
                x.WriteAttributeString("key", g.Key);
                x.WriteEndElement();
                x.WriteEndElement();
                x.WriteEndElement();
            }
            x.WriteStartElement("leerkracht");
            x.WriteAttributeString("key", $"T{++t:D4}");
            x.WriteElementString("achternaam", Fit(faker.Name.LastName(), 200));
            x.WriteElementString("roepnaam", Fit(faker.Name.FirstName(), 64));
            x.WriteElementString("rol", "IB");
            x.WriteStartElement("groepen");
            x.WriteStartElement("samengestelde_groep");
            x.WriteAttributeString("key", "PLUS");
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();

            x.WriteEndElement();
            x.WriteEndDocument();
        }
        return sb.ToString();
    }

    /// <summary>A random nine-digit number that passes the elfproef as a BSN.</summary>
    public static string Bsn(Randomizer random, ISet<string> used)
    {
        while (true)
        {
            var digits = new int[9];
            digits[0] = random.Int(1, 9);
            for (var i = 1; i < 8; i++) digits[i] = random.Int(0, 9);
            var sum = 0;
            for (var i = 0; i < 8; i++) sum += (9 - i) * digits[i];
            var last = sum % 11;
            if (last == 10) continue;
            digits[8] = last;
            var text = string.Concat(digits);
            if (PersonalNumber.IsValidBsn(text) && used.Add(text)) return text;
        }
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Fit(string s, int max) => s.Length <= max ? s : s[..max];

    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
