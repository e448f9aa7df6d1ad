using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers.Activities;

[JsonConverter(typeof(JsonStringEnumConverter<AttendanceStatus>))]
public enum AttendanceStatus { Registered = 1, Attended = 2, NoShow = 3 }

/// <summary>An orientation event of a region (information evening, a day at a school) with a fixed number of places.</summary>
public sealed class Activity
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateTime StartsUtc { get; set; }
    public required string Location { get; set; }
    public int Capacity { get; set; }
}

/// <summary>A candidate's place at an activity; the advisor of the organising region records whether they came.</summary>
public sealed class ActivityRegistration
{
    public Guid Id { get; set; }
    public Guid ActivityId { get; set; }
    public Guid CandidateId { get; set; }
    public DateTime RegisteredUtc { get; set; }
    public AttendanceStatus Status { get; set; } = AttendanceStatus.Registered;
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("CareerActivities");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Location).HasMaxLength(200);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId);
        b.HasIndex(x => new { x.RegionId, x.StartsUtc });
        b.HasIndex(x => x.StartsUtc);
    }
}

internal sealed class ActivityRegistrationConfiguration : IEntityTypeConfiguration<ActivityRegistration>
{
    public void Configure(EntityTypeBuilder<ActivityRegistration> b)
    {
        b.ToTable("CareerActivityRegistrations");
        b.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        // One place per candidate per activity, also under concurrent clicks.
        b.HasIndex(x => new { x.ActivityId, x.CandidateId }).IsUnique();
        b.HasIndex(x => x.CandidateId);
    }
}
