using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Vault.Consent;

/// <summary>
/// A time-limited grant of read access to chosen sections of one learner's dossier (ACCESS.md "Consent grantee").
/// The grantee is an organisation (its staff read as granted) or, for a learner of 18+, one of their own guardians,
/// whose guardian basis has ended. Given by a guardian with authority under 16, by the learner from 16 (AgeRules).
/// It ends on <see cref="ValidUntil"/> (inclusive) or on revocation; both take effect on the next request because
/// the access decision reads this table on every request.
/// </summary>
public sealed class Consent
{
    public Guid LearnerId { get; set; }
    public Guid Id { get; set; }
    public Guid? OrganisationId { get; set; }
    public Guid? GuardianId { get; set; }
    public List<Section> Sections { get; set; } = [];
    public required string Purpose { get; set; }
    public Guid GrantedByUserId { get; set; }
    public DateTime GrantedUtc { get; set; }
    /// <summary>Last day on which the grantee may read (inclusive, Europe/Amsterdam).</summary>
    public DateOnly ValidUntil { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public Guid? RevokedByUserId { get; set; }

    public bool IsActiveOn(DateOnly day) => RevokedUtc is null && ValidUntil >= day;
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Id });
        b.Property(x => x.Purpose).HasMaxLength(ConsentRules.PurposeMaxLength);
        // A short list of section names ("Medical,Plans"): read with the consent, never queried by element.
        b.Property(x => x.Sections).HasMaxLength(400).HasConversion(
            v => string.Join(',', v),
            v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Section>).ToList(),
            new ValueComparer<List<Section>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList()));
        // The decision looks consents up per learner (the key); the grantee's list per organisation or guardian.
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.GuardianId);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Guardian>().WithMany().HasForeignKey(x => x.GuardianId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable("Consents", t => t.HasCheckConstraint("CK_Consents_OneGrantee",
            "(\"OrganisationId\" IS NULL AND \"GuardianId\" IS NOT NULL) OR (\"OrganisationId\" IS NOT NULL AND \"GuardianId\" IS NULL)"));
    }
}
