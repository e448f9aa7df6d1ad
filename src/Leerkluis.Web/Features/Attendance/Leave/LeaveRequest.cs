using Leerkluis.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// The entity stays on Attendance's public surface (its root namespace): retention, the AVG export and the demo read it.
namespace Leerkluis.Web.Features.Attendance;

public enum LeaveKind { Holiday = 1, ImportantCircumstances = 2 }

public enum LeaveStatus { Submitted = 1, Granted = 2, Refused = 3, Withdrawn = 4 }

/// <summary>Who decides a leave request (Leerplichtwet art. 13a/14).</summary>
public enum LeaveDecider { Head = 1, AttendanceOfficer = 2 }

/// <summary>A verlofaanvraag: request, evidence, decision with reason; a grant becomes an absence notice of the Leave code.</summary>
public sealed class LeaveRequest
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public LeaveKind Kind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    /// <summary>School days in From..To (computed on submission from the school calendar).</summary>
    public int SchoolDays { get; set; }
    public required string Reason { get; set; }
    public LeaveDecider Decider { get; set; }
    public LeaveStatus Status { get; set; }
    public Guid RequestedByUserId { get; set; }
    public DateTime RequestedUtc { get; set; }
    public string? EvidenceFileName { get; set; }
    public string? EvidenceContentType { get; set; }
    public byte[]? Evidence { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecisionReason { get; set; }
    public Guid? NoticeId { get; set; }
}

internal sealed class LeaveRequestConfiguration : IEntityTypeConfiguration<LeaveRequest>
{
    public void Configure(EntityTypeBuilder<LeaveRequest> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.DecisionReason).HasMaxLength(1000);
        b.Property(x => x.EvidenceFileName).HasMaxLength(200);
        b.Property(x => x.EvidenceContentType).HasMaxLength(100);
        b.HasIndex(x => new { x.SchoolId, x.Status });
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
