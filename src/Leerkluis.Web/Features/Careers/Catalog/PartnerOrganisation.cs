using System.Text.Json.Serialization;
using Leerkluis.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers.Catalog;

[JsonConverter(typeof(JsonStringEnumConverter<PartnerKind>))]
public enum PartnerKind { School = 1, Board = 2, TrainingProgramme = 3, Municipality = 4 }

/// <summary>A school, board, teacher-training programme or municipality the region works with.</summary>
public sealed class PartnerOrganisation
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public required string Name { get; set; }
    public PartnerKind Kind { get; set; }
    public string? City { get; set; }
    /// <summary>The platform organisation whose staff log in for this partner (a board's HR officers, an institute's coordinators).</summary>
    public Guid? OrganisationId { get; set; }
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

public sealed class ContactPerson
{
    public Guid Id { get; set; }
    public Guid PartnerOrganisationId { get; set; }
    public required string Name { get; set; }
    public string? Function { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
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
