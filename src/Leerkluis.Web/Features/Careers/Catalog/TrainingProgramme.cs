using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers.Catalog;

public sealed class TrainingProgramme
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid? PartnerOrganisationId { get; set; }
    public required string Name { get; set; }
    public List<string> Subjects { get; set; } = [];
    public Sector Sector { get; set; }
    public EducationLevel EntryLevel { get; set; }
    public DateOnly StartDate { get; set; }
    public bool PartTime { get; set; }
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
