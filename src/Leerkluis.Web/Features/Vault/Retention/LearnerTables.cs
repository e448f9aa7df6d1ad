using System.Reflection;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Leerkluis.Web.Features.Vault.Retention;

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
