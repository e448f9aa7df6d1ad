using Leerkluis.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("CareerRegions");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.IntakeKey).HasMaxLength(64);
        b.Property(x => x.AllowedOrigins).HasMaxLength(2000);
        b.HasIndex(x => x.IntakeKey).IsUnique();
        b.HasIndex(x => x.DeskOrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.DeskOrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PartnerOrganisationConfiguration : IEntityTypeConfiguration<PartnerOrganisation>
{
    public void Configure(EntityTypeBuilder<PartnerOrganisation> b)
    {
        b.ToTable("CareerPartners");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.City).HasMaxLength(100);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId);
        b.HasIndex(x => new { x.RegionId, x.Kind });
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ContactPersonConfiguration : IEntityTypeConfiguration<ContactPerson>
{
    public void Configure(EntityTypeBuilder<ContactPerson> b)
    {
        b.ToTable("CareerContactPersons");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Function).HasMaxLength(100);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(x => x.PartnerOrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.ToTable("Candidates");
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.City).HasMaxLength(100);
        b.Property(x => x.PriorEducation).HasMaxLength(200);
        b.Property(x => x.CurrentProfession).HasMaxLength(200);
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.Property(x => x.ConsentPurpose).HasMaxLength(300);
        b.Property(x => x.EmailKey).HasMaxLength(254);
        b.Property(x => x.PhoneKey).HasMaxLength(30);
        b.Property(x => x.NameBirthKey).HasMaxLength(220);
        b.Property(x => x.SearchText).HasMaxLength(600);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId);
        // The board and list filter by region and phase first; the duplicate keys are looked up on every intake.
        b.HasIndex(x => new { x.RegionId, x.Phase });
        b.HasIndex(x => x.EmailKey);
        b.HasIndex(x => x.PhoneKey);
        b.HasIndex(x => x.NameBirthKey);
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.OwnerUserId);
    }
}

internal sealed class CandidateShareConfiguration : IEntityTypeConfiguration<CandidateShare>
{
    public void Configure(EntityTypeBuilder<CandidateShare> b)
    {
        b.ToTable("CandidateShares");
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId);
        b.HasIndex(x => new { x.CandidateId, x.RegionId }).IsUnique();
        b.HasIndex(x => x.RegionId);
    }
}

internal sealed class PhaseChangeConfiguration : IEntityTypeConfiguration<PhaseChange>
{
    public void Configure(EntityTypeBuilder<PhaseChange> b)
    {
        b.ToTable("CandidatePhaseChanges");
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CandidateId, x.AtUtc });
    }
}

internal sealed class ContactMomentConfiguration : IEntityTypeConfiguration<ContactMoment>
{
    public void Configure(EntityTypeBuilder<ContactMoment> b)
    {
        b.ToTable("CandidateContactMoments");
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CandidateId, x.AtUtc });
    }
}

internal sealed class CandidateTaskConfiguration : IEntityTypeConfiguration<CandidateTask>
{
    public void Configure(EntityTypeBuilder<CandidateTask> b)
    {
        b.ToTable("CandidateTasks");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CandidateId);
        b.HasIndex(x => new { x.OwnerUserId, x.DueDate });
    }
}

internal sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> b)
    {
        b.ToTable("CareerVacancies");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Subject).HasMaxLength(40);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId);
        b.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(x => x.PartnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.RegionId);
    }
}

internal sealed class TrainingProgrammeConfiguration : IEntityTypeConfiguration<TrainingProgramme>
{
    public void Configure(EntityTypeBuilder<TrainingProgramme> b)
    {
        b.ToTable("CareerTrainingProgrammes");
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId);
        b.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(x => x.PartnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.RegionId);
    }
}

internal sealed class IntakeSubmissionConfiguration : IEntityTypeConfiguration<IntakeSubmission>
{
    public void Configure(EntityTypeBuilder<IntakeSubmission> b)
    {
        b.ToTable("CareerIntakeSubmissions");
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.Sectors).HasMaxLength(20);
        b.Property(x => x.Message).HasMaxLength(2000);
        b.Property(x => x.MatchReasons).HasMaxLength(200);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId);
        b.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CandidateId, x.Status });
    }
}
