using System.Text;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.Careers.Candidates;

/// <summary>The candidate list as CSV (semicolon-separated with a BOM, as Dutch Excel opens it) or as an XLSX workbook; same columns.</summary>
public static class CandidateExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static readonly string[] Header = ["Voornaam", "Achternaam", "E-mail", "Telefoon", "Regio", "Fase", "Eigenaar", "Vakken", "Sectoren", "Beschikbaar vanaf", "Uren per week", "Toestemming"];

    public static byte[] Csv(IReadOnlyList<CandidateRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(";", Header));
        foreach (var r in rows)
            sb.AppendLine(string.Join(";", Cells(r).Select(Cell)));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>Every cell is written as text (a value starting with "=" stays text, so no formula runs), except hours as a number.</summary>
    public static byte[] Xlsx(IReadOnlyList<CandidateRow> rows)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.Worksheets.Add("Kandidaten");
        for (var c = 0; c < Header.Length; c++) sheet.Cell(1, c + 1).SetValue(Header[c]);
        sheet.Row(1).Style.Font.Bold = true;
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = Cells(rows[i]);
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = sheet.Cell(i + 2, c + 1);
                if (c == 10 && rows[i].HoursPerWeek is { } hours) cell.SetValue(hours);
                else cell.SetValue(cells[c]);
            }
        }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string[] Cells(CandidateRow r)
    {
        var sectors = string.Join(" ", new[] { r.Po ? "po" : null, r.Vo ? "vo" : null, r.Mbo ? "mbo" : null }.OfType<string>());
        return [r.FirstName, r.LastName, r.Email ?? "", r.Phone ?? "", r.RegionName, CareerCodes.PhaseLabel(r.Phase), r.OwnerName ?? "",
            string.Join(", ", r.Subjects.Select(CareerCodes.SubjectLabel)), sectors, Amsterdam.Date(r.AvailableFrom), r.HoursPerWeek?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            r.HasConsent ? "ja" : "nee"];
    }

    /// <summary>Quotes where needed, and defuses cells a spreadsheet would run as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
