using System.Reflection;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Crypto;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Leerkluis.Web.Features.Vault.Retention;

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

/// <summary>One table that holds rows of a learner, found in the EF model by its LearnerId column.</summary>
public sealed record LearnerTable(IEntityType EntityType, IProperty LearnerId, DataKind Kind)
{
    public string Name => EntityType.ClrType.Name;
}

/// <summary>
/// Every table with a LearnerId, read from the EF model (not a hand list, so later slices are covered), in an
/// order that deletes rows that point at other learner rows before those rows.
/// </summary>
public static class LearnerTables
{
    public static IReadOnlyList<LearnerTable> Of(IModel model, RetentionOptions options)
    {
        var tables = model.GetEntityTypes()
            .Where(t => !t.IsOwned() && !t.HasSharedClrType && t.GetTableName() is not null && t.ClrType != typeof(Learner))
            .Select(t => (Type: t, LearnerId: t.FindProperty("LearnerId")))
            .Where(x => x.LearnerId?.ClrType == typeof(Guid) || x.LearnerId?.ClrType == typeof(Guid?))
            .Select(x => new LearnerTable(x.Type, x.LearnerId!, options.KindOf(x.Type.ClrType)))
            .ToList();
        return DependentsFirst(tables);
    }

    private static List<LearnerTable> DependentsFirst(List<LearnerTable> tables)
    {
        var ordered = new List<LearnerTable>();
        var remaining = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            // A table is next when no other remaining table points at it.
            var next = remaining.FirstOrDefault(t => !remaining.Any(o => o != t && o.EntityType.GetForeignKeys()
                .Any(fk => fk.PrincipalEntityType == t.EntityType))) ?? remaining[0];
            ordered.Add(next);
            remaining.Remove(next);
        }
        return ordered;
    }

    private static readonly MethodInfo DeleteMethod = typeof(LearnerTables).GetMethod(nameof(DeleteRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Deletes the learner's rows of one table in the current transaction; returns how many.</summary>
    public static Task<int> DeleteAsync(LeerkluisDb db, LearnerTable table, Guid learnerId, CancellationToken ct) =>
        (Task<int>)DeleteMethod.MakeGenericMethod(table.EntityType.ClrType)
            .Invoke(null, [db, table.LearnerId.Name, table.LearnerId.ClrType == typeof(Guid?), learnerId, ct])!;

    private static Task<int> DeleteRowsAsync<T>(LeerkluisDb db, string property, bool nullable, Guid learnerId, CancellationToken ct) where T : class =>
        nullable
            ? db.Set<T>().Where(e => EF.Property<Guid?>(e, property) == learnerId).ExecuteDeleteAsync(ct)
            : db.Set<T>().Where(e => EF.Property<Guid>(e, property) == learnerId).ExecuteDeleteAsync(ct);
}
