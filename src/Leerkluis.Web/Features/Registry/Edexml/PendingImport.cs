using Leerkluis.Web.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Registry.Edexml;

public enum PendingImportStatus { Previewed, Queued, Running, Done, Refused, Failed }

/// <summary>
/// An uploaded Edexml file between preview and import, and the import's progress. Kept in the database so any
/// web node can show it; the file's content is removed as soon as the import has run.
/// </summary>
public sealed class PendingImport
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid UserId { get; set; }
    public Guid StaffId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string FileName { get; set; }
    public byte[] Content { get; set; } = [];
    public PendingImportStatus Status { get; set; }
    public bool SkipInvalid { get; set; }
    public int Done { get; set; }
    public int Total { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    /// <summary>Problems as "regel N: message" lines (no personal data beyond what the school's own file holds).</summary>
    public string? ProblemText { get; set; }

    /// <summary>An upload by <paramref name="actor"/>, kept for the preview (page) or queued at once (API).</summary>
    public static PendingImport Upload(Actor actor, Guid schoolId, string fileName, byte[] content, PendingImportStatus status, bool skipInvalid,
        DateTime nowUtc) => new()
    {
        Id = Guid.CreateVersion7(), SchoolId = schoolId, UserId = actor.UserId ?? Guid.Empty, StaffId = actor.StaffId ?? Guid.Empty,
        CreatedUtc = nowUtc, FileName = Path.GetFileName(fileName), Content = content, Status = status, SkipInvalid = skipInvalid,
    };
}

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.HasIndex(x => new { x.SchoolId, x.CreatedUtc });
    }
}
