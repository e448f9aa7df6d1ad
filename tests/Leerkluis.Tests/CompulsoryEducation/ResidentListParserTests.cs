using System.Text;
using Leerkluis.Web.Features.CompulsoryEducation;

namespace Leerkluis.Tests.CompulsoryEducation;

public sealed class ResidentListParserTests
{
    /// <summary>Valid BSNs (11-check) for tests: 8 digits from the seed and the check digit that makes the sum 0 mod 11.</summary>
    public static string Bsn(int seed)
    {
        for (var s = seed; ; s++)
        {
            var body = (10_000_000 + s % 89_999_999).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++) sum += (9 - i) * (body[i] - '0');
            var check = sum % 11;
            if (check <= 9) return body + check;
        }
    }

    private static byte[] Utf8(string text, bool bom = false) =>
        (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();

    [Theory]
    [InlineData(";", false)]
    [InlineData(",", true)]
    public void Parse_ValidListWithEitherSeparatorAndOptionalBom_ReadsEveryChild(string sep, bool bom)
    {
        var text = $"BSN{sep}Naam{sep}Geboortedatum{sep}Adres{sep}Postcode{sep}Woonplaats\r\n" +
                   $"{Bsn(1)}{sep}Anna de Vries{sep}01-03-2018{sep}Dorpsstraat 1{sep}3511aa{sep}Utrecht\r\n" +
                   $"{Bsn(2)}{sep}\"Bakker{sep} Ömer\"{sep}2015-12-31{sep}{sep}1234 AB{sep}\r\n";
        var (rows, problems) = ResidentListParser.Parse(Utf8(text, bom));
        Assert.Empty(problems);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new DateOnly(2018, 3, 1), rows[0].BirthDate);
        Assert.Equal("3511 AA", rows[0].PostalCode);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal($"Bakker{sep} Ömer", rows[1].Name);
        Assert.Null(rows[1].Address);
    }

    [Fact]
    public void Parse_MalformedLines_ReportsLineFieldAndMessage()
    {
        var text = "bsn;naam;geboortedatum;adres;postcode\n" +
                   $"{Bsn(10)};Goed Kind;01-01-2016;Laan 2;3511 AA\n" +
                   "123456789;Fout Nummer;01-01-2016;Laan 3;3511 AA\n" +
                   $"{Bsn(11)};;01-01-2016;Laan 4;3511 AA\n" +
                   $"{Bsn(12)};Slechte Datum;31-02-2016;Laan 5;3511 AA\n" +
                   $"{Bsn(13)};Geen Postcode;01-01-2016;Laan 6;35\n" +
                   $"{Bsn(10)};Dubbel;01-01-2016;Laan 2;3511 AA\n";
        var (rows, problems) = ResidentListParser.Parse(Utf8(text));
        Assert.Single(rows);
        Assert.Contains(problems, p => p is { Line: 3, Field: "bsn" } && p.Message.Contains("elfproef"));
        Assert.Contains(problems, p => p is { Line: 4, Field: "naam", Message: "De naam ontbreekt." });
        Assert.Contains(problems, p => p is { Line: 5, Field: "geboortedatum" } && p.Message.Contains("31-02-2016"));
        Assert.Contains(problems, p => p is { Line: 6, Field: "postcode" });
        Assert.Contains(problems, p => p is { Line: 7, Field: "bsn", Message: "Dit BSN staat ook al op regel 2." });
    }

    [Fact]
    public void Parse_MissingColumnOrNotUtf8_OneProblemOnLineOne()
    {
        var (_, missing) = ResidentListParser.Parse(Utf8("bsn;naam;postcode\n123;x;1234 AB\n"));
        Assert.Equal("De kopregel mist de kolom(men): geboortedatum.", Assert.Single(missing).Message);
        var (_, latin1) = ResidentListParser.Parse([.. Encoding.ASCII.GetBytes("bsn;naam;geboortedatum;postcode\n1;J"), 0xF6, .. Encoding.ASCII.GetBytes("rg;01-01-2016;1234 AB\n")]);
        Assert.Contains("UTF-8", Assert.Single(latin1).Message);
    }
}
