using Leerkluis.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Attendance;

internal sealed class AttendanceSettingsConfiguration : IEntityTypeConfiguration<AttendanceSettings>
{
    public void Configure(EntityTypeBuilder<AttendanceSettings> b)
    {
        b.HasKey(x => x.SchoolId);
        b.HasOne<School>().WithOne().HasForeignKey<AttendanceSettings>(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SchoolPeriodConfiguration : IEntityTypeConfiguration<SchoolPeriod>
{
    public void Configure(EntityTypeBuilder<SchoolPeriod> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.Weekday, x.Number }).IsUnique();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TimetableSlotConfiguration : IEntityTypeConfiguration<TimetableSlot>
{
    public void Configure(EntityTypeBuilder<TimetableSlot> b)
    {
        b.Property(x => x.Subject).HasMaxLength(60);
        b.HasIndex(x => new { x.GroupId, x.SchoolPeriodId }).IsUnique();
        b.HasIndex(x => x.StaffId);
        b.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SchoolPeriod>().WithMany().HasForeignKey(x => x.SchoolPeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SchoolClosureConfiguration : IEntityTypeConfiguration<SchoolClosure>
{
    public void Configure(EntityTypeBuilder<SchoolClosure> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => new { x.SchoolId, x.From });
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AbsenceCodeConfiguration : IEntityTypeConfiguration<AbsenceCode>
{
    public void Configure(EntityTypeBuilder<AbsenceCode> b)
    {
        b.Property(x => x.Code).HasMaxLength(8);
        b.Property(x => x.Name).HasMaxLength(80);
        b.HasIndex(x => new { x.SchoolId, x.Code }).IsUnique();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AbsenceNoticeConfiguration : IEntityTypeConfiguration<AbsenceNotice>
{
    public void Configure(EntityTypeBuilder<AbsenceNotice> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasIndex(x => new { x.LearnerId, x.From });
        // The roll call asks "which notices of this school cover today": by school and start, open ones included.
        b.HasIndex(x => new { x.SchoolId, x.From, x.To });
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AbsenceCode>().WithMany().HasForeignKey(x => x.CodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.HasIndex(x => new { x.LearnerId, x.Day, x.PeriodNumber }).IsUnique();
        b.HasIndex(x => new { x.SchoolId, x.Day });
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AbsenceCode>().WithMany().HasForeignKey(x => x.CodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RollCallConfiguration : IEntityTypeConfiguration<RollCall>
{
    public void Configure(EntityTypeBuilder<RollCall> b)
    {
        b.HasIndex(x => new { x.GroupId, x.Day, x.PeriodNumber }).IsUnique();
        b.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AbsenceReportConfiguration : IEntityTypeConfiguration<AbsenceReport>
{
    public void Configure(EntityTypeBuilder<AbsenceReport> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.Property(x => x.WithdrawnReason).HasMaxLength(200);
        b.Property(x => x.PersonalNumber).HasMaxLength(9);
        b.Property(x => x.Brin).HasMaxLength(4);
        b.Property(x => x.LocationCode).HasMaxLength(2);
        b.Property(x => x.MunicipalityCode).HasMaxLength(4);
        b.HasIndex(x => new { x.SchoolId, x.Status, x.PeriodStart });
        b.HasIndex(x => new { x.MunicipalityCode, x.Status });
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CareSignalConfiguration : IEntityTypeConfiguration<CareSignal>
{
    public void Configure(EntityTypeBuilder<CareSignal> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.Property(x => x.Detail).HasMaxLength(300);
        b.HasIndex(x => new { x.SchoolId, x.HandledUtc });
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuardianAlertConfiguration : IEntityTypeConfiguration<GuardianAlert>
{
    public void Configure(EntityTypeBuilder<GuardianAlert> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        // One message per learner per morning, however many periods are missed.
        b.HasIndex(x => new { x.LearnerId, x.Day }).IsUnique();
        b.HasIndex(x => x.Status);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
