using System.Data.Common;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Leerkluis.Demo;

/// <summary>
/// Writes many new rows of one entity type fast, bypassing the change tracker: PostgreSQL through binary COPY,
/// SQLite through one prepared INSERT re-executed per row. Table and column names, value converters (enums as
/// text, primitive collections) and owned types (Address) come from the EF model, so this follows the migrations
/// instead of repeating them. Runs inside the caller's transaction. For generated data only: no audit, no checks.
/// </summary>
internal static class BulkInsert
{
    public static async Task WriteAsync<T>(LeerkluisDb db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var (table, columns) = Describe<T>(db);
        if (db.IsPostgres) await CopyAsync(db, table, columns, rows, ct);
        else await InsertAsync(db, table, columns, rows, ct);
    }

    private sealed record Column(string Name, Func<object, object?> Get, RelationalTypeMapping Mapping)
    {
        public object? ProviderValue(object row)
        {
            var value = Get(row);
            return value is null || Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value);
        }
    }

    private static (string Table, List<Column> Columns) Describe<T>(LeerkluisDb db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new List<Column>();
        foreach (var p in entity.GetProperties())
        {
            var getter = p.GetGetter();
            columns.Add(new Column(p.GetColumnName(table)!, row => getter.GetClrValue(row), p.GetRelationalTypeMapping()));
        }
        // Owned types stored in the same table (Learner.Address → Address_Street, ...); their key is the owner's.
        foreach (var nav in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        {
            var navGetter = nav.GetGetter();
            foreach (var p in nav.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                var getter = p.GetGetter();
                columns.Add(new Column(p.GetColumnName(table)!,
                    row => navGetter.GetClrValue(row) is { } owned ? getter.GetClrValue(owned) : null, p.GetRelationalTypeMapping()));
            }
        }
        return (table.Name, columns);
    }

    private static async Task CopyAsync<T>(LeerkluisDb db, string table, List<Column> columns, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                // Types are inferred from the CLR value (string → text is accepted by varchar columns in binary COPY).
                if (column.ProviderValue(row) is { } value) await writer.WriteAsync(value, ct);
                else await writer.WriteNullAsync(ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    private static async Task InsertAsync<T>(LeerkluisDb db, string table, List<Column> columns, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = new DbParameter[columns.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                // The type mapping creates the parameter the way EF would (Guid and dates as text, lists as JSON, ...).
                var parameter = columns[i].Mapping.CreateParameter(command, $"@p{i}", columns[i].Get(row), nullable: true);
                if (parameters[i] is null) command.Parameters.Add(parameters[i] = parameter);
                else command.Parameters[i] = parameter;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
