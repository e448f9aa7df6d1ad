using System.Text.Json.Serialization;
using Leerkluis.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.CompulsoryEducation;

[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>))]
public enum CaseStatus { Open, InProgress, Closed }

/// <summary>Why the case was opened: the daily sweep found no enrolment, or a municipal resident list named a child no school knows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseReason>))]
public enum CaseReason { NotEnrolled, UnknownToSchools }

/// <summary>Exemption: vrijstelling under Leerplichtwet art. 5.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClosingReason>))]
public enum ClosingReason { Enrolled, Moved, Exemption, Deceased, Other }

/// <summary>
/// A thuiszitter case (UnenrolledChild) for the attendance officer of the child's home municipality.
/// <para>Key (SubjectId, Id): the subject is the learner when the child is in the registry (then <see cref="LearnerId"/>
/// equals <see cref="SubjectId"/>), or a generated id for a child known only from a municipal resident list, which
/// needs no Learner row. The table is distributed by SubjectId and co-located with Learners (ADR 0002); the
/// nullable LearnerId foreign key is a plain-database safeguard that a Citus set-up replaces by the retention job.
/// The child's identity (number, name, birth date, address) is kept on the case as known when it was opened.</para>
/// </summary>
public sealed class UnenrolledChildCase
{
    public Guid SubjectId { get; set; }
    public Guid Id { get; set; }
    public Guid? LearnerId { get; set; }
    /// <summary>CBS code of the home municipality whose attendance officer handles the case.</summary>
    public required string MunicipalityCode { get; set; }
    public CaseReason Reason { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.Open;
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public ClosingReason? ClosingReason { get; set; }
    public string? PersonalNumber { get; set; }
    public required string ChildName { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<CaseEventKind>))]
public enum CaseEventKind { Opened, Note, StatusChanged, Closed }

/// <summary>The history of a case: its opening, notes, status changes and closing, each with author and time.</summary>
public sealed class CaseEvent
{
    public Guid SubjectId { get; set; }
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTime AtUtc { get; set; }
    public CaseEventKind Kind { get; set; }
    public CaseStatus? Status { get; set; }
    public ClosingReason? ClosingReason { get; set; }
    public string? Text { get; set; }
    public Guid? AuthorUserId { get; set; }
    /// <summary>"Leerkluis" for the daily sweep.</summary>
    public required string AuthorName { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<QualificationKind>))]
public enum QualificationKind { Havo, Vwo, Mbo2, Mbo3, Mbo4 }

/// <summary>A startkwalificatie (havo, vwo or mbo level 2+): ends the qualification duty (Leerplichtwet art. 4a).</summary>
public sealed class QualificationObtained
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public DateOnly Date { get; set; }
    public QualificationKind Kind { get; set; }
}

/// <summary>A municipality's uploaded resident list, kept between preview and confirmation.</summary>
public sealed class ResidentListUpload
{
    public Guid Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public bool Confirmed { get; set; }
}

internal sealed class UnenrolledChildCaseConfiguration : IEntityTypeConfiguration<UnenrolledChildCase>
{
    public void Configure(EntityTypeBuilder<UnenrolledChildCase> b)
    {
        b.ToTable("UnenrolledChildCases");
        b.HasKey(x => new { x.SubjectId, x.Id });
        b.Property(x => x.MunicipalityCode).HasMaxLength(4);
        b.Property(x => x.PersonalNumber).HasMaxLength(9);
        b.Property(x => x.ChildName).HasMaxLength(300);
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.PostalCode).HasMaxLength(10);
        // At most one case that is not closed per child: the sweep and a list upload can never duplicate one.
        b.HasIndex(x => x.SubjectId).IsUnique().HasFilter("\"Status\" <> 'Closed'");
        // The workspace lists a municipality's cases by status and opening date.
        b.HasIndex(x => new { x.MunicipalityCode, x.Status, x.OpenedOn });
        b.HasIndex(x => new { x.MunicipalityCode, x.PersonalNumber });
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.ToTable("UnenrolledChildCaseEvents");
        b.HasKey(x => new { x.SubjectId, x.Id });
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.HasIndex(x => new { x.SubjectId, x.CaseId });
        b.HasOne<UnenrolledChildCase>().WithMany().HasForeignKey(x => new { x.SubjectId, x.CaseId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualificationObtainedConfiguration : IEntityTypeConfiguration<QualificationObtained>
{
    public void Configure(EntityTypeBuilder<QualificationObtained> b)
    {
        b.ToTable("QualificationsObtained");
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResidentListUploadConfiguration : IEntityTypeConfiguration<ResidentListUpload>
{
    public void Configure(EntityTypeBuilder<ResidentListUpload> b)
    {
        b.Property(x => x.MunicipalityCode).HasMaxLength(4);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.HasIndex(x => new { x.MunicipalityCode, x.CreatedUtc });
    }
}
