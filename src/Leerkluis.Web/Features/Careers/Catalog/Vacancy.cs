using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers.Catalog;

public sealed class Vacancy
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid? PartnerOrganisationId { get; set; }
    public required string Title { get; set; }
    public required string Subject { get; set; }
    public Sector Sector { get; set; }
    public int Hours { get; set; }
    public DateOnly StartDate { get; set; }
    public EducationLevel MinimumLevel { get; set; }
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
