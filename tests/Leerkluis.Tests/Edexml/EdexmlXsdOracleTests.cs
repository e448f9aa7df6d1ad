using System.Xml.Linq;
using Leerkluis.Demo.Edexml;
using Leerkluis.Web.Features.Registry.Edexml;
using Xunit;

namespace Leerkluis.Tests.Edexml;

/// <summary>The importer's structural verdict (the XSD rules written in code) must agree with System.Xml.Schema on the official XSDs.</summary>
public sealed class EdexmlXsdOracleTests
{
    private static List<EdexmlProblem> StructureProblems(string xml)
    {
        var file = EdexmlFile.Read(XDocument.Parse(xml, LoadOptions.SetLineInfo));
        return file.FileProblems.Concat(file.Groups.SelectMany(g => g.Record.Problems)).Concat(file.Staff.SelectMany(s => s.Record.Problems))
            .Concat(file.Learners.SelectMany(l => l.Record.Problems)).Where(p => p.Kind == EdexmlProblemKind.Structure).ToList();
    }

    // name, what the XSD says (valid?), text to find in the official example, replacement
    public static TheoryData<string, bool, string, string> Variants => new()
    {
        { "unchanged", true, "<auteur>", "<auteur>" },
        { "missing-schooljaar", false, "<schooljaar>2014-2015</schooljaar>", "" },
        { "bad-brin-pattern", false, "<brincode>99ZZ</brincode>", "<brincode>9ZZ9</brincode>" },
        { "lowercase-brin", false, "<brincode>99ZZ</brincode>", "<brincode>99zz</brincode>" },
        { "brin-with-space", false, "<brincode>99ZZ</brincode>", "<brincode> 99ZZ</brincode>" },
        { "bad-dependancecode", false, "<dependancecode>00</dependancecode>", "<dependancecode>0</dependancecode>" },
        { "bad-postcode", false, "<postcodenl>6971VB</postcodenl>", "<postcodenl>6971 VB</postcodenl>" },
        { "dangling-learner-group", false, "<groep key=\"GRP4B\"/>", "<groep key=\"GRP9Z\"/>" },
        { "learner-group-points-to-combined", false, "<groep key=\"GRP4B\"/>", "<groep key=\"sg3\"/>" },
        { "dangling-combined-group", false, "<samengestelde_groep key=\"sg2\"/>\n\t\t\t</samengestelde_groepen>", "<samengestelde_groep key=\"sg9\"/>\n\t\t\t</samengestelde_groepen>" },
        { "dangling-teacher-group", false, "<groep key=\"GRP4A\"/>\n\t\t\t</groepen>", "<groep key=\"GRP0\"/>\n\t\t\t</groepen>" },
        { "dangling-vestiging", false, "<vestiging key=\"VB\"/>", "<vestiging key=\"VX\"/>" },
        { "duplicate-learner-key", false, "<leerling key=\"12345\">", "<leerling key=\"00001\">" },
        { "duplicate-group-key-across-kinds", false, "<samengestelde_groep key=\"sg3\">", "<samengestelde_groep key=\"001\">" },
        { "duplicate-teacher-eckid", false, "eckid=\"https://id.school/abcde\"", "eckid=\"https://id.school/LK_abcdefghijklmnopqrstuvwxzABCDEFGHIJKLMNOPQRSTUVWXYZ123467890!@#$%^_-\"" },
        { "missing-learner-key", false, "<leerling key=\"00002\">", "<leerling>" },
        { "empty-learner-key", false, "<leerling key=\"00002\">", "<leerling key=\"\">" },
        { "unknown-attribute", false, "<leerling key=\"00002\">", "<leerling key=\"00002\" klas=\"4\">" },
        { "bad-gender", false, "<geslacht>0</geslacht>", "<geslacht>3</geslacht>" },
        { "gender-with-spaces", true, "<geslacht>0</geslacht>", "<geslacht> 0 </geslacht>" },
        { "bad-jaargroep", false, "<jaargroep>H</jaargroep>", "<jaargroep>9</jaargroep>" },
        { "group-missing-jaargroep", false, "<naam>Kabouters</naam>\n\t\t\t<jaargroep>0</jaargroep>", "<naam>Kabouters</naam>" },
        { "unknown-element", false, "<roepnaam>Wimpie</roepnaam>", "<roepnaam>Wimpie</roepnaam><schoenmaat>32</schoenmaat>" },
        { "wrong-order", false, "<roepnaam>Gradje</roepnaam>\n\t\t\t<geboortedatum>2006-06-21</geboortedatum>", "<geboortedatum>2006-06-21</geboortedatum>\n\t\t\t<roepnaam>Gradje</roepnaam>" },
        { "roepnaam-only-learner", true, "<achternaam>Hof</achternaam>\n\t\t\t<voorvoegsel>van 't</voorvoegsel>\n\t\t\t<voorletters-1>G</voorletters-1>\n", "" },
        { "voorvoegsel-too-long", false, "<voorvoegsel>van 't</voorvoegsel>", "<voorvoegsel>van 't hoofd</voorvoegsel>" },
        { "voorletters-too-long", false, "<voorletters-1>UGH</voorletters-1>", "<voorletters-1>UGHIJKL</voorletters-1>" },
        { "impossible-date", false, "<geboortedatum>2006-06-21</geboortedatum>\n\t\t\t<geslacht>1</geslacht>\n\t\t\t<start", "<geboortedatum>2006-13-21</geboortedatum>\n\t\t\t<geslacht>1</geslacht>\n\t\t\t<start" },
        { "date-with-timezone", true, "<peildatum>2014-10-01</peildatum>", "<peildatum>2014-10-01Z</peildatum>" },
        { "bad-datetime", false, "<aanmaakdatum>2014-11-25T14:33:33</aanmaakdatum>", "<aanmaakdatum>2014-11-25 14:33</aanmaakdatum>" },
        { "bsn-eight-digits", false, "<bsn>133456785</bsn>", "<bsn>13345678</bsn>" },
        { "two-numbers", false, "<bsn>133456785</bsn>", "<bsn>133456785</bsn><onderwijsnummer>101234567</onderwijsnummer>" },
        { "bad-role", false, "<rol>TAL</rol>", "<rol>JUF</rol>" },
        { "bad-country", false, "<land>MA</land>", "<land>XX</land>" },
        { "bad-weight", false, "<gewicht_nieuw>0,3</gewicht_nieuw>", "<gewicht_nieuw>0.3</gewicht_nieuw>" },
        { "unknown-xsi-type", false, "<blok xsi:type=\"OpmerkingGegevensType\">\n\t\t\t\t\t<code>Opmerking Y</code>", "<blok xsi:type=\"OnbekendType\">\n\t\t\t\t\t<code>Opmerking Y</code>" },
        { "block-without-opmerking", false, "<code>Opmerking Y</code>\n\t\t\t\t\t<opmerking/>", "<code>Opmerking Y</code>" },
        { "text-in-complex-element", false, "<school>", "<school>losse tekst" },
        { "wrong-root", false, "<EDEX xmlns", "<EDEXML xmlns" },
        { "namespaced-root", false, "<EDEX xmlns:xsi", "<EDEX xmlns=\"urn:edex\" xmlns:xsi" },
        { "no-learners", false, "<leerlingen>", "<leerlingen></leerlingen><leerlingen_oud>" },
        { "empty-groepen", false, "<groepen>", "<groepen></groepen><groepen_oud>" },
        { "instellingsnummer-school", true, "<brincode>99ZZ</brincode>\n\t\t<dependancecode>00</dependancecode>", "<instellingsnummer>12345</instellingsnummer>" },
        { "school-year-2024-2025", true, "<schooljaar>2014-2015</schooljaar>", "<schooljaar>2024-2025</schooljaar>" },
        { "school-year-bad-form", false, "<schooljaar>2014-2015</schooljaar>", "<schooljaar>2014-2016</schooljaar>" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Verdict_ExampleVariant_AgreesWithXsd(string name, bool valid, string find, string replace)
    {
        var example = EdexmlFixtures.ExampleText.Replace("\r\n", "\n");
        Assert.Contains(find, example);
        var xml = example.Replace(find, replace);
        if (name.StartsWith("wrong-root", StringComparison.Ordinal)) xml = xml.Replace("</EDEX>", "</EDEXML>");
        if (name is "no-learners") xml = System.Text.RegularExpressions.Regex.Replace(xml, "<leerlingen_oud>.*</leerlingen>", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        if (name is "empty-groepen") xml = System.Text.RegularExpressions.Regex.Replace(xml, "<groepen_oud>.*?</groepen>", "", System.Text.RegularExpressions.RegexOptions.Singleline);

        var xsd = EdexmlFixtures.XsdErrors(xml);
        var ours = StructureProblems(xml);

        Assert.True(valid == (xsd.Count == 0), $"{name}: the variant does not test what it says; XSD: {string.Join(" | ", xsd.Select(e => e.Message))}");
        Assert.True(xsd.Count == 0 == (ours.Count == 0),
            $"{name}: XSD says {(xsd.Count == 0 ? "valid" : "invalid")} ({string.Join(" | ", xsd.Select(e => $"{e.Line}: {e.Message}"))}); " +
            $"importer says {(ours.Count == 0 ? "valid" : "invalid")} ({string.Join(" | ", ours)})");
        // Where both reject, the importer points at a line, as the XSD validator does.
        Assert.All(ours, p => Assert.True(p.Line > 0, $"{name}: problem without line: {p}"));
    }

    [Fact]
    public void Verdict_BadPostcode_ReportsElementPathAndLine()
    {
        var xml = EdexmlFixtures.ExampleText.Replace("<postcodenl>6971VB</postcodenl>", "<postcodenl>6971 VB</postcodenl>");
        var problem = Assert.Single(StructureProblems(xml));
        Assert.Equal(EdexmlFixtures.LineOf(xml, "<postcodenl>"), problem.Line);
        Assert.Equal("/EDEX/leerlingen[1]/leerling[2]/postcodenl[1]", problem.Path);
        Assert.Contains("postcodenl", problem.Message);
        Assert.Equal(EdexmlRecordType.Learner, problem.RecordType);
        Assert.Equal("00002", problem.RecordKey);
    }

    /// <summary>The documented exception: the XSD's schooljaar list stops at 2024-2025, real files carry later years.</summary>
    [Fact]
    public void Verdict_LaterSchoolYear_AcceptedWhileXsdEnumerationRejects()
    {
        var xml = EdexmlFixtures.ExampleText.Replace("<schooljaar>2014-2015</schooljaar>", "<schooljaar>2026-2027</schooljaar>");
        var xsd = EdexmlFixtures.XsdErrors(xml);
        var error = Assert.Single(xsd);
        Assert.Contains("schooljaar", error.Message);
        Assert.Empty(StructureProblems(xml));
    }

    [Fact]
    public void Verdict_GeneratedFile_ValidForBoth()
    {
        var xml = EdexmlFileGenerator.Generate(300, "99ZZ", seed: 7);
        Assert.Empty(EdexmlFixtures.XsdErrors(xml));
        Assert.Empty(StructureProblems(xml));
    }

    [Fact]
    public void Generate_SameSeed_SameFile()
    {
        Assert.Equal(EdexmlFileGenerator.Generate(40, "12AB", 3), EdexmlFileGenerator.Generate(40, "12AB", 3));
        Assert.NotEqual(EdexmlFileGenerator.Generate(40, "12AB", 3), EdexmlFileGenerator.Generate(40, "12AB", 4));
    }
}
