using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Registry;

internal sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> b)
    {
        b.ToTable("Boards");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.BoardNumber).HasMaxLength(5);
    }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b)
    {
        b.ToTable("Schools");
        b.Property(x => x.Brin).HasMaxLength(4);
        b.Property(x => x.LocationCode).HasMaxLength(2);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.MunicipalityCode).HasMaxLength(4);
        b.Property(x => x.City).HasMaxLength(100);
        b.HasIndex(x => new { x.Brin, x.LocationCode }).IsUnique();
        b.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> b)
    {
        b.ToTable("Groups");
        b.Property(x => x.Name).HasMaxLength(60);
        b.Property(x => x.ExternalKey).HasMaxLength(128);
        b.HasIndex(x => new { x.SchoolId, x.SchoolYearStart, x.Name }).IsUnique();
        b.HasIndex(x => new { x.SchoolId, x.ExternalKey });
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> b)
    {
        b.ToTable("Staff");
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(20);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.ExternalKey).HasMaxLength(128);
        b.HasIndex(x => new { x.SchoolId, x.ExternalKey });
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffGroupConfiguration : IEntityTypeConfiguration<StaffGroup>
{
    public void Configure(EntityTypeBuilder<StaffGroup> b)
    {
        b.ToTable("StaffGroups");
        b.HasKey(x => new { x.StaffId, x.GroupId });
        b.HasIndex(x => x.GroupId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class AddressMapping
{
    public static void MapAddress<T>(this OwnedNavigationBuilder<T, Address> a) where T : class
    {
        a.Property(x => x.Street).HasMaxLength(200);
        a.Property(x => x.HouseNumber).HasMaxLength(20);
        a.Property(x => x.PostalCode).HasMaxLength(10);
        a.Property(x => x.City).HasMaxLength(100);
        a.Property(x => x.MunicipalityCode).HasMaxLength(4);
        a.Property(x => x.Country).HasMaxLength(60);
    }
}

internal sealed class LearnerConfiguration : IEntityTypeConfiguration<Learner>
{
    public void Configure(EntityTypeBuilder<Learner> b)
    {
        b.ToTable("Learners");
        b.Property(x => x.PersonalNumber).HasMaxLength(9);
        b.Property(x => x.PersonalNumberLastFour).HasMaxLength(4);
        b.Property(x => x.FirstNames).HasMaxLength(200);
        b.Property(x => x.CallName).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(20);
        b.Property(x => x.LastName).HasMaxLength(200);
        b.OwnsOne(x => x.Address, a => { a.MapAddress(); a.HasIndex(x => x.MunicipalityCode); });
        b.Navigation(x => x.Address).IsRequired();
        // Search and duplicate checks filter on these.
        b.HasIndex(x => new { x.LastName, x.BirthDate });
        b.HasIndex(x => x.PersonalNumber);
        b.HasIndex(x => x.PersonalNumberLastFour);
        // The daily leerplicht sweep selects learners by birth-date range.
        b.HasIndex(x => x.BirthDate);
    }
}

internal sealed class PersonalNumberClaimConfiguration : IEntityTypeConfiguration<PersonalNumberClaim>
{
    public void Configure(EntityTypeBuilder<PersonalNumberClaim> b)
    {
        b.ToTable("PersonalNumberClaims");
        b.HasKey(x => x.PersonalNumber);
        b.Property(x => x.PersonalNumber).HasMaxLength(9);
        b.HasIndex(x => x.LearnerId);
    }
}

internal sealed class GuardianConfiguration : IEntityTypeConfiguration<Guardian>
{
    public void Configure(EntityTypeBuilder<Guardian> b)
    {
        b.ToTable("Guardians");
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(20);
        b.Property(x => x.LastName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.OwnsOne(x => x.Address, a => a.MapAddress());
        b.Navigation(x => x.Address).IsRequired();
        b.HasIndex(x => x.Email);
    }
}

internal sealed class LearnerGuardianConfiguration : IEntityTypeConfiguration<LearnerGuardian>
{
    public void Configure(EntityTypeBuilder<LearnerGuardian> b)
    {
        b.ToTable("LearnerGuardians");
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.HasIndex(x => new { x.LearnerId, x.GuardianId }).IsUnique();
        b.HasIndex(x => x.GuardianId);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Guardian>().WithMany().HasForeignKey(x => x.GuardianId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.ToTable("Enrolments");
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.Property(x => x.StartReason).HasMaxLength(200);
        b.Property(x => x.EndReason).HasMaxLength(200);
        b.Property(x => x.ExternalKey).HasMaxLength(128);
        b.HasIndex(x => new { x.SchoolId, x.EndDate });
        b.HasIndex(x => new { x.SchoolId, x.ExternalKey });
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> b)
    {
        b.ToTable("GroupMemberships");
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.HasIndex(x => new { x.LearnerId, x.GroupId }).IsUnique();
        b.HasIndex(x => x.GroupId);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
