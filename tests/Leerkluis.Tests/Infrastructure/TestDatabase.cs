using Npgsql;

namespace Leerkluis.Tests.Infrastructure;

/// <summary>
/// A fresh, real database per fixture: a SQLite file in a temp folder, or a new database on the PostgreSQL
/// server named by LEERKLUIS_TEST_PG (./leerkluis test starts a private one).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PgVariable = "LEERKLUIS_TEST_PG";
    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _folder;
    private readonly string? _pgName;

    private TestDatabase(string provider, string connectionString, string? folder, string? pgName)
    {
        Provider = provider; ConnectionString = connectionString; _folder = folder; _pgName = pgName;
    }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PgVariable) is { Length: > 0 } s ? s : null;

    public static TestDatabase Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "leerkluis-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestDatabase("Sqlite", $"Data Source={Path.Combine(folder, "lk.db")}", folder, null);
    }

    public static async Task<TestDatabase> PostgresAsync()
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"{PgVariable} is not set");
        var name = "lk_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, IncludeErrorDetail = true }.ConnectionString;
        return new TestDatabase("Postgres", cs, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_pgName is not null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a file still open on a slow close: temp is cleaned by the OS */ }
        }
    }
}
