using System.Text;
using Leerkluis.Web.Platform.Localization;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.Vault.AuditTrail;

/// <summary>
/// The school trail as CSV for a spreadsheet: semicolons and UTF-8 with BOM (what Dutch Excel opens as columns),
/// times dd-MM-yyyy HH:mm in Europe/Amsterdam. Written by hand: ten columns do not need a library.
/// </summary>
public static class TrailCsv
{
    public static async Task WriteAsync(IAsyncEnumerable<TrailRow> rows, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Line(Headers));
        await foreach (var r in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(Line([Amsterdam.DateTime(r.AtUtc), r.LearnerName, r.ActorName, TrailLabels.Role(r.ActorRole), r.Organisation,
                TrailLabels.Of(r.Section), TrailLabels.Of(r.Operation, r.Allowed), TrailLabels.Of(r.Basis), r.Action, r.ClientAddress]));
        }
    }

    public static string Line(IEnumerable<string?> fields) => string.Join(';', fields.Select(Field));

    /// <summary>
    /// One cell: quoted when it holds a separator, quote or line break; a cell that starts like a formula
    /// (= + - @, tab) gets a leading apostrophe so a spreadsheet shows it as text instead of running it.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static readonly string[] HeaderKeys =
        ["Tijdstip", "Leerling", "Door", "Rol", "Organisatie", "Onderdeel", "Wat", "Grondslag", "Handeling", "Adres"];

    /// <summary>The column names in the current culture (translated per call, so per request).</summary>
    private static string[] Headers => [.. HeaderKeys.Select(h => Translations.Of(typeof(TrailCsv), h))];
}
