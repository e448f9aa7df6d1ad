using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Registry;

public enum OrganisationKind { Municipality = 1, SupportPartnership = 2, Inspectorate = 3, RegionalDesk = 4, TrainingInstitute = 5, Other = 9 }

/// <summary>
/// An organisation outside the schools that may act on dossiers on a legal or consent basis: a municipality
/// (attendance officers), a samenwerkingsverband, the inspectorate, a regional desk. Shared (reference) table.
/// </summary>
public sealed class Organisation
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    /// <summary>CBS code of the municipality (for Kind = Municipality: the municipality itself).</summary>
    public string? MunicipalityCode { get; set; }
    /// <summary>A samenwerkingsverband never receives the PGN (ACCESS.md).</summary>
    public bool MayUsePersonalNumber => Kind is OrganisationKind.Municipality;
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.MunicipalityCode).HasMaxLength(4);
        b.HasIndex(x => new { x.Kind, x.MunicipalityCode });
    }
}
