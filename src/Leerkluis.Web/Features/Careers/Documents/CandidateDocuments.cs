using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers.Documents;

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
