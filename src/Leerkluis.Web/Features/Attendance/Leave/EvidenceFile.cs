namespace Leerkluis.Web.Features.Attendance.Leave;

/// <summary>
/// Evidence attached to a leave request (an employer's statement, a wedding invitation): PDF, JPEG or PNG up to 5 MB,
/// recognised by the file's first bytes rather than its name or the browser's content type, so a renamed
/// executable or HTML page is refused. Pure.
/// </summary>
public static class EvidenceFile
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int NameMax = 200;

    private static readonly (byte[] Signature, string ContentType, string Extension)[] Kinds =
    [
        ("%PDF-"u8.ToArray(), "application/pdf", ".pdf"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg", ".jpg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", ".png"),
    ];

    /// <summary>The content type and a safe file name, or the message for the guardian.</summary>
    public static (string? ContentType, string? FileName, string? Error) Check(string? fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) return (null, null, "Het bewijsstuk is leeg.");
        if (content.Length > MaxBytes) return (null, null, "Het bewijsstuk is groter dan 5 MB. Maak een kleinere scan of foto.");
        foreach (var (signature, type, extension) in Kinds)
            if (content.StartsWith(signature)) return (type, SafeName(fileName, extension), null);
        return (null, null, "Het bewijsstuk moet een pdf, jpg of png zijn.");
    }

    /// <summary>Only the last path segment, no control or quote characters, with the extension that matches the content.</summary>
    public static string SafeName(string? fileName, string extension)
    {
        var name = Path.GetFileNameWithoutExtension((fileName ?? "").Replace('\\', '/').Split('/')[^1]);
        name = new string(name.Where(ch => !char.IsControl(ch) && ch is not ('"' or '<' or '>' or ':' or '*' or '?' or '|')).ToArray()).Trim();
        if (name.Length == 0) name = "bewijsstuk";
        if (name.Length > NameMax - extension.Length) name = name[..(NameMax - extension.Length)];
        return name + extension;
    }
}
