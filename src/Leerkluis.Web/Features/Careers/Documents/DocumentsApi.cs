using Microsoft.AspNetCore.Http.HttpResults;

namespace Leerkluis.Web.Features.Careers.Documents;

/// <summary>A candidate's files, for the advisor and for the candidate themself.</summary>
public static class DocumentsApi
{
    /// <summary>Always as an attachment, with the type found from the content and no sniffing: an upload is never shown inline.</summary>
    private static FileContentHttpResult Download(HttpContext http, DocumentFile file)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    public static void Map(CareersApi careers)
    {
        careers.Advisor.MapGet("/candidates/{id:guid}/documents", async (Guid id, CandidateDocuments s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(id, ct)));
        careers.Advisor.MapGet("/candidates/{id:guid}/documents/{documentId:guid}", async (Guid id, Guid documentId, CandidateDocuments s, HttpContext http, CancellationToken ct) =>
            Download(http, await s.DownloadAsync(id, documentId, ct)));

        careers.Candidate.MapGet("/documents", async (CandidateDocuments s, CancellationToken ct) => TypedResults.Ok(await s.MineAsync(ct)));
        careers.Candidate.MapGet("/documents/{documentId:guid}", async (Guid documentId, CandidateDocuments s, HttpContext http, CancellationToken ct) =>
            Download(http, await s.DownloadMineAsync(documentId, ct)));
    }
}
