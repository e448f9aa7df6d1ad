using System.Text;
using System.Text.Encodings.Web;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.Vault.Rights.Export;

/// <summary>
/// The readable, printable summary of an export: one self-contained Dutch HTML file (styles inline, no scripts,
/// no links to Leerkluis) so that it can be saved, printed or sent on without the platform.
/// </summary>
public static class ExportHtml
{
    private static readonly HtmlEncoder Enc = HtmlEncoder.Default;

    public static string Render(DossierExportResult export)
    {
        var d = export.Document;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>Dossieroverzicht ").Append(E(d.LearnerName)).Append(" · Leerkluis</title>\n")
          .Append("<style>body{font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b;max-width:50rem;margin:0 auto;padding:1rem}")
          .Append("h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:2px solid #ccc;margin-top:2rem}")
          .Append("table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #ddd;padding:.3rem .5rem;vertical-align:top}")
          .Append("dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}")
          .Append(".muted{color:#555}@media print{h2{break-after:avoid}section{break-inside:avoid}}</style>\n</head>\n<body>\n<main>\n");
        sb.Append("<h1>Dossieroverzicht van ").Append(E(d.LearnerName)).Append("</h1>\n");
        sb.Append("<p class=\"muted\">Gemaakt op ").Append(E(Amsterdam.DateTime(d.ExportedAtUtc)))
          .Append(" uit Leerkluis. Dit overzicht bevat alle delen van het dossier die u mag inzien. ")
          .Append("Hetzelfde staat machineleesbaar in het JSON-bestand (formaat ").Append(E(d.Format)).Append(", versie ").Append(d.Version).Append(").</p>\n");
        for (var i = 0; i < export.Parts.Count; i++)
        {
            var part = export.Parts[i];
            var id = $"deel-{i + 1}";
            sb.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Append(E(part.Title)).Append("</h2>\n");
            foreach (var block in part.Summary) Block(sb, block);
            sb.Append("</section>\n");
        }
        sb.Append("<h2>Uw rechten</h2>\n<p>Klopt er iets niet? Vraag in Leerkluis een correctie aan (Correctie aanvragen). ")
          .Append("Wie het dossier heeft bekeken, ziet u in het overzicht van wie er heeft gekeken.</p>\n");
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, SummaryBlock block)
    {
        switch (block)
        {
            case SummaryFacts f:
                sb.Append("<dl>\n");
                foreach (var (label, value) in f.Items) sb.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");
                sb.Append("</dl>\n");
                break;
            case SummaryTable t when t.Rows.Count == 0:
                sb.Append("<p class=\"muted\">").Append(E(t.WhenEmpty)).Append("</p>\n");
                break;
            case SummaryTable t:
                sb.Append("<table>\n<thead><tr>");
                foreach (var h in t.Headers) sb.Append("<th scope=\"col\">").Append(E(h)).Append("</th>");
                sb.Append("</tr></thead>\n<tbody>\n");
                foreach (var row in t.Rows)
                {
                    sb.Append("<tr>");
                    for (var c = 0; c < row.Count; c++)
                        sb.Append(c == 0 ? "<th scope=\"row\">" : "<td>").Append(E(row[c])).Append(c == 0 ? "</th>" : "</td>");
                    sb.Append("</tr>\n");
                }
                sb.Append("</tbody>\n</table>\n");
                break;
        }
    }

    private static string E(string s) => Enc.Encode(s);
}
