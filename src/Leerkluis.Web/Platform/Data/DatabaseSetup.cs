using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Leerkluis.Web.Platform.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Configuration section "Database": provider and connection string.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/leerkluis.db";
}

public static class DatabaseSetup
{
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection("Database").Bind(options);
        return options;
    }

    public static IServiceCollection AddLeerkluisDb(this IServiceCollection services, DatabaseOptions db)
    {
        // The options are built once (singleton), not per request: they hold nothing scoped.
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = TunedPostgres(db.ConnectionString);
            services.AddDbContext<PostgresLeerkluisDb>(o => o.UseNpgsql(connectionString,
                n => n.MigrationsHistoryTable("__EFMigrationsHistory")).AddInterceptors(Audit.AuditChainInterceptor.Instance),
                ServiceLifetime.Scoped, ServiceLifetime.Singleton);
            services.AddScoped<LeerkluisDb>(sp => sp.GetRequiredService<PostgresLeerkluisDb>());
        }
        else
        {
            EnsureSqliteFolder(db.ConnectionString);
            // Every context seals its audit entries into the learners' chains on save (ADR 0004), whoever registers it.
            services.AddDbContext<SqliteLeerkluisDb>(o => o.UseSqlite(db.ConnectionString).AddInterceptors(Audit.AuditChainInterceptor.Instance),
                ServiceLifetime.Scoped, ServiceLifetime.Singleton);
            services.AddScoped<LeerkluisDb>(sp => sp.GetRequiredService<SqliteLeerkluisDb>());
        }
        return services;
    }

    /// <summary>
    /// Npgsql settings the request path profits from, unless the connection string sets them itself: statements used
    /// more than once per connection are prepared on the server (parsed and planned once), and a connection returned to
    /// the pool is not reset with DISCARD ALL (Leerkluis keeps no session state). Behind PgBouncer in transaction mode,
    /// set "Max Auto Prepare=0" in the connection string.
    /// </summary>
    public static string TunedPostgres(string connectionString)
    {
        // Keys as written (any spacing or case): the builder below would report its defaults as set.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare")) b.MaxAutoPrepare = 64;
        if (!given.Contains("AutoPrepareMinUsages")) b.AutoPrepareMinUsages = 2;
        if (!given.Contains("NoResetOnClose")) b.NoResetOnClose = true;
        return b.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.DataSource != ":memory:" && folder is not null) Directory.CreateDirectory(folder);
    }

    /// <summary>Applies pending migrations of the configured provider and makes sure every role exists.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres)
        {
            // WAL lets readers continue while the importer or roll call writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        var roles = scope.ServiceProvider.GetService<Microsoft.AspNetCore.Identity.RoleManager<Identity.AppRole>>();
        if (roles is null) return;
        foreach (var role in Identity.Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new Identity.AppRole(role));
    }
}

// Design-time factories for `dotnet ef migrations add` (one per provider).
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteLeerkluisDb>
{
    public SqliteLeerkluisDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLeerkluisDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresLeerkluisDb>
{
    public PostgresLeerkluisDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLeerkluisDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
