using CsvHelper;

namespace Leerkluis.Web.Features.CompulsoryEducation;

/// <summary>
/// CSV downloads of this slice: semicolon-separated UTF-8 with a byte order mark (what Dutch Excel opens as is), and
/// text that a spreadsheet would run as a formula escaped (CSV injection: names come from uploaded lists).
/// </summary>
public static class CsvExport
{
    public static byte[] Write(string[] header, IEnumerable<string[]> records)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with
               { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var r in records) csv.WriteRecord(r);
        }
        return buffer.ToArray();
    }
}
