using System.Text;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.Careers;

/// <summary>CSV of the candidate list (semicolon-separated with a BOM, as Dutch Excel opens it).</summary>
public static class CandidateExport
{
    public static byte[] Csv(IReadOnlyList<CandidateRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Voornaam;Achternaam;E-mail;Telefoon;Regio;Fase;Eigenaar;Vakken;Sectoren;Beschikbaar vanaf;Uren per week;Toestemming");
        foreach (var r in rows)
        {
            var sectors = string.Join(" ", new[] { r.Po ? "po" : null, r.Vo ? "vo" : null, r.Mbo ? "mbo" : null }.OfType<string>());
            string[] cells = [r.FirstName, r.LastName, r.Email ?? "", r.Phone ?? "", r.RegionName, CareerCodes.PhaseLabel(r.Phase), r.OwnerName ?? "",
                string.Join(", ", r.Subjects.Select(CareerCodes.SubjectLabel)), sectors, Amsterdam.Date(r.AvailableFrom), r.HoursPerWeek?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                r.HasConsent ? "ja" : "nee"];
            sb.AppendLine(string.Join(";", cells.Select(Cell)));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>Quotes where needed, and defuses cells a spreadsheet would run as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
