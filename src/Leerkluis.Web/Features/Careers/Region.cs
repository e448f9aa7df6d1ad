using Leerkluis.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers;

/// <summary>An onderwijsregio served by a regional desk (an Organisation of kind RegionalDesk).</summary>
public sealed class Region
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The desk whose advisors work this region (Organisation.Kind = RegionalDesk); advisors carry it as OrganisationId.</summary>
    public Guid? DeskOrganisationId { get; set; }
    /// <summary>Public key the region's website sends with intake submissions (it is visible in the page source, so it only names the region).</summary>
    public required string IntakeKey { get; set; }
    /// <summary>Origins (scheme://host[:port]) allowed to post the intake form from a browser, space-separated.</summary>
    public string AllowedOrigins { get; set; } = "";
}

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
