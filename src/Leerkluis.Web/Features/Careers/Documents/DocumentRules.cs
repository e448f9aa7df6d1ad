using System.IO.Compression;

namespace Leerkluis.Web.Features.Careers.Documents;

/// <summary>
/// Which files are accepted: at most 5 MB, pdf, docx, jpg or png, recognised by their first bytes (and for docx the
/// Word part inside the zip), and the extension must say the same, so a renamed executable or script is refused.
/// </summary>
public static class DocumentRules
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public sealed record Accepted(string ContentType, string Extension);

    public static (Accepted? Type, string? Error) Check(string? fileName, ReadOnlySpan<byte> content)
    {
        if (string.IsNullOrWhiteSpace(fileName) || content.Length == 0) return (null, "Kies een bestand om te uploaden.");
        if (content.Length > MaxBytes) return (null, "Het bestand is groter dan 5 MB. Verklein het of sla het op als pdf.");
        var detected = Detect(content);
        if (detected is null) return (null, "Alleen pdf, docx, jpg en png zijn toegestaan; de inhoud van dit bestand is geen van deze.");
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var matches = ext == detected.Extension || (detected.Extension == ".jpg" && ext == ".jpeg");
        return matches ? (detected, null) : (null, $"De extensie {(ext.Length == 0 ? "(geen)" : ext)} past niet bij de inhoud ({detected.Extension[1..]}). Upload het bestand met de juiste extensie.");
    }

    public static Accepted? Detect(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("%PDF-"u8)) return new("application/pdf", ".pdf");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return new("image/png", ".png");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return new("image/jpeg", ".jpg");
        if (b.StartsWith("PK\u0003\u0004"u8) && IsWordDocument(b)) return new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
        return null;
    }

    /// <summary>Any zip starts with PK: a docx is one that holds word/document.xml.</summary>
    private static bool IsWordDocument(ReadOnlySpan<byte> b)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(b.ToArray()), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException) { return false; }
    }

    public static string KindLabel(DocumentKind k) => k switch { DocumentKind.Cv => "cv", DocumentKind.Diploma => "diploma", _ => "overig" };
}
