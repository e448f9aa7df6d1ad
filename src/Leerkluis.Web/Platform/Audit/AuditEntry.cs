using System.Security.Cryptography;
using System.Text;
using Leerkluis.Web.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Platform.Audit;

/// <summary>
/// One look at or change of a learner's dossier. Append-only; each entry holds the hash of the same
/// learner's previous entry (a chain per learner, see DESIGN §4), so an altered or removed row is detected.
/// </summary>
public sealed class AuditEntry
{
    public Guid LearnerId { get; set; }
    public long Sequence { get; set; }
    public DateTime AtUtc { get; set; }
    public Guid? ActorUserId { get; set; }
    public string? ActorRole { get; set; }
    public Guid? OrganisationId { get; set; }
    public Basis Basis { get; set; }
    public Section Section { get; set; }
    public Operation Operation { get; set; }
    public bool Allowed { get; set; }
    /// <summary>What was done: the stored code of an <see cref="AuditEvent"/> (e.g. "learner-card" for Registry_LearnerCard), hashed as is.</summary>
    public string? Action { get; set; }
    public string? ClientAddress { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public string ComputeHash()
    {
        var canonical = string.Join('|', LearnerId, Sequence, AtUtc.Ticks, ActorUserId, ActorRole, OrganisationId,
            Basis, Section, Operation, Allowed, Action, ClientAddress, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(x => new { x.LearnerId, x.Sequence });
        b.Property(x => x.ActorRole).HasMaxLength(40);
        b.Property(x => x.Action).HasMaxLength(80);
        b.Property(x => x.ClientAddress).HasMaxLength(64);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => new { x.OrganisationId, x.AtUtc });
        b.HasIndex(x => new { x.ActorUserId, x.AtUtc });
    }
}

/// <summary>
/// The live head of one learner's chain (last sequence and hash). Its row is locked while a unit of work appends,
/// so concurrent requests for one learner take turns instead of colliding on a sequence number (ADR 0004);
/// other learners are never blocked. It lives in the learner's shard (key LearnerId), like the chain.
/// </summary>
public sealed class AuditHead
{
    public Guid LearnerId { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.ToTable("AuditHeads");
        b.HasKey(x => x.LearnerId);
        b.Property(x => x.Hash).HasMaxLength(64);
    }
}
