using System.Text.Json.Serialization;
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
