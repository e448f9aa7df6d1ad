using Leerkluis.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Vault.Rights.Objections;

/// <summary>
/// Optional processing a school does on top of its legal task, to which the family may object (AVG art. 21).
/// Every school offers these; adding one is adding a value here with its description in <see cref="ProcessingPurposes"/>.
/// </summary>
public enum ProcessingPurpose { ClassList, WebsitePhotos, BirthdayCalendar }

public sealed record PurposeInfo(ProcessingPurpose Purpose, string Name, string Description);

public static class ProcessingPurposes
{
    public static readonly IReadOnlyList<PurposeInfo> All =
    [
        new(ProcessingPurpose.ClassList, "Klassenlijst met naam en foto",
            "De naam (en foto) van uw kind staat op de klassenlijst die andere ouders van de groep in Leerkluis zien."),
        new(ProcessingPurpose.WebsitePhotos, "Foto's op de website",
            "De school plaatst foto's waarop uw kind herkenbaar is op de website en in de nieuwsbrief."),
        new(ProcessingPurpose.BirthdayCalendar, "Verjaardagskalender",
            "De verjaardag van uw kind staat op de verjaardagskalender van de groep."),
    ];

    public static PurposeInfo Of(ProcessingPurpose p) => All.First(x => x.Purpose == p);

    public static ProcessingPurpose? Parse(string? code) =>
        Enum.TryParse<ProcessingPurpose>(code, ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(code, out _) ? p : null;
}

/// <summary>
/// An objection of a family to one purpose, from a date until withdrawn. Withdrawn objections stay as history.
/// Dossier table: key (LearnerId, Id).
/// </summary>
public sealed class Objection
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public ProcessingPurpose Purpose { get; set; }
    public DateTime ObjectedUtc { get; set; }
    public Guid ObjectedByUserId { get; set; }
    public DateTime? WithdrawnUtc { get; set; }
    public Guid? WithdrawnByUserId { get; set; }
    public bool IsActive => WithdrawnUtc is null;
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.HasIndex(x => new { x.LearnerId, x.Purpose });
        b.Ignore(x => x.IsActive);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
