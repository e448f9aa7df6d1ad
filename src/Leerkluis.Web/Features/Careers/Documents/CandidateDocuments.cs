using System.IO.Compression;
using System.Text.Json.Serialization;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers.Documents;

[JsonConverter(typeof(JsonStringEnumConverter<DocumentKind>))]
public enum DocumentKind { Cv = 1, Diploma = 2, Other = 9 }

/// <summary>A CV, diploma or other file of a candidate, stored in the database (so backup, export and erasure cover it).</summary>
public sealed class CandidateDocument
{
    public Guid Id { get; set; }
    public Guid CandidateId { get; set; }
    public DocumentKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public int Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedUtc { get; set; }
    public required string UploadedByName { get; set; }
}

internal sealed class CandidateDocumentConfiguration : IEntityTypeConfiguration<CandidateDocument>
{
    public void Configure(EntityTypeBuilder<CandidateDocument> b)
    {
        b.ToTable("CandidateDocuments");
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedByName).HasMaxLength(200);
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CandidateId);
    }
}

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

public sealed record DocumentView(Guid Id, DocumentKind Kind, string FileName, string ContentType, int Size, DateTime UploadedUtc, string UploadedByName);
public sealed record DocumentFile(string FileName, string ContentType, byte[] Content);

/// <summary>Upload by the candidate's advisor; list and download for whoever may see the candidate (and the candidate); each upload and download lands in the history.</summary>
public sealed class CandidateDocuments(LeerkluisDb db, CareerScope scope, TimeProvider clock)
{
    public async Task<CandidateDocument> UploadAsync(Guid candidateId, DocumentKind kind, string? fileName, byte[] content, CancellationToken ct)
    {
        await scope.CandidateAsync(candidateId, work: true, ct);
        if (!Enum.IsDefined(kind)) throw ValidationFailedException.For("kind", "Kies cv, diploma of overig.");
        var (type, error) = DocumentRules.Check(fileName, content);
        if (error is not null) throw ValidationFailedException.For("file", error);
        var name = Path.GetFileName(fileName!.Trim());
        if (name.Length > 200) name = name[..(200 - type!.Extension.Length)] + type.Extension;
        var now = clock.GetUtcNow().UtcDateTime;
        var author = await scope.ActorNameAsync(ct);
        var doc = new CandidateDocument { Id = Guid.CreateVersion7(), CandidateId = candidateId, Kind = kind, FileName = name, ContentType = type!.ContentType,
            Size = content.Length, Content = content, UploadedUtc = now, UploadedByName = author };
        db.Add(doc);
        Note(candidateId, $"Document {name} ({DocumentRules.KindLabel(kind)}) toegevoegd.", author, now);
        await db.SaveChangesAsync(ct);
        return doc;
    }

    public async Task<IReadOnlyList<DocumentView>> ListAsync(Guid candidateId, CancellationToken ct)
    {
        await scope.CandidateAsync(candidateId, work: false, ct);
        return await Views(candidateId, ct);
    }

    public async Task<IReadOnlyList<DocumentView>> MineAsync(CancellationToken ct) => await Views((await scope.MeAsync(ct)).Id, ct);

    /// <summary>For an advisor who may see the candidate; the download is written to the candidate's history.</summary>
    public async Task<DocumentFile> DownloadAsync(Guid candidateId, Guid documentId, CancellationToken ct)
    {
        await scope.CandidateAsync(candidateId, work: false, ct);
        var file = await FileAsync(candidateId, documentId, ct);
        Note(candidateId, $"Document {file.FileName} gedownload.", await scope.ActorNameAsync(ct), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return file;
    }

    public async Task<DocumentFile> DownloadMineAsync(Guid documentId, CancellationToken ct) => await FileAsync((await scope.MeAsync(ct)).Id, documentId, ct);

    private async Task<DocumentFile> FileAsync(Guid candidateId, Guid documentId, CancellationToken ct) =>
        await db.Set<CandidateDocument>().Where(d => d.Id == documentId && d.CandidateId == candidateId)
            .Select(d => new DocumentFile(d.FileName, d.ContentType, d.Content)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();

    // The list never loads the content.
    private async Task<IReadOnlyList<DocumentView>> Views(Guid candidateId, CancellationToken ct) =>
        await db.Set<CandidateDocument>().Where(d => d.CandidateId == candidateId).OrderByDescending(d => d.UploadedUtc)
            .Select(d => new DocumentView(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.UploadedUtc, d.UploadedByName)).ToListAsync(ct);

    private void Note(Guid candidateId, string text, string author, DateTime at) =>
        db.Add(new ContactMoment { Id = Guid.CreateVersion7(), CandidateId = candidateId, Kind = ContactKind.Note, AtUtc = at, AuthorUserId = scope.Actor.UserId, AuthorName = author, Summary = text });
}
