using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Vault.Retention;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Crypto;
using Leerkluis.Web.Platform.Identity;

namespace Leerkluis.Web.Features.Vault;

// The Vault's public surface for retention: every capability says here how long its learner tables are kept.

/// <summary>
/// Kinds of dossier data by how long they are kept after the learner leaves (Kennisnet retention guidance,
/// DESIGN §2): the dossier 2 years, referral data 3 years, absence and enrolment data 5 years.
/// </summary>
public enum DataKind { Dossier, Referral, AbsenceAndEnrolment }

/// <summary>
/// Which data kind each learner table holds. Tables not named here are <see cref="DataKind.Dossier"/> (kept 2 years):
/// a new slice's data goes after the shortest period unless the slice says otherwise
/// (<c>services.Configure&lt;RetentionOptions&gt;(o => o.Keep&lt;Absence&gt;(DataKind.AbsenceAndEnrolment))</c>).
/// Special-category data must stay in Dossier tables, because the learner's key (also Dossier) goes after 2 years.
/// </summary>
public sealed class RetentionOptions
{
    private readonly Dictionary<Type, DataKind> _kinds = new();

    public RetentionOptions Keep<T>(DataKind kind)
    {
        _kinds[typeof(T)] = kind;
        return this;
    }

    public DataKind KindOf(Type clrType) => _kinds.GetValueOrDefault(clrType, DataKind.Dossier);

    /// <summary>The registry and what belongs with it stay until the whole learner is erased (5 years).</summary>
    public RetentionOptions KeepRegistryDefaults() => this
        .Keep<Enrolment>(DataKind.AbsenceAndEnrolment)
        .Keep<GroupMembership>(DataKind.AbsenceAndEnrolment)
        .Keep<LearnerGuardian>(DataKind.AbsenceAndEnrolment)
        .Keep<PersonalNumberClaim>(DataKind.AbsenceAndEnrolment)
        .Keep<AppUser>(DataKind.AbsenceAndEnrolment)
        // The audit trail lives as long as data it describes can still be read.
        .Keep<AuditEntry>(DataKind.AbsenceAndEnrolment)
        .Keep<AuditHead>(DataKind.AbsenceAndEnrolment)
        .Keep<AuditCheckpointHead>(DataKind.AbsenceAndEnrolment)
        .Keep<LegalHold>(DataKind.AbsenceAndEnrolment)
        .Keep<RetentionMark>(DataKind.AbsenceAndEnrolment)
        .Keep<LearnerKey>(DataKind.Dossier);
}
