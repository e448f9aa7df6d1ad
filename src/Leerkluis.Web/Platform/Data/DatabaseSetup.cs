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
        if (db.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PostgresLeerkluisDb>(o => o.UseNpgsql(db.ConnectionString,
                n => n.MigrationsHistoryTable("__EFMigrationsHistory")).AddInterceptors(Audit.AuditChainInterceptor.Instance));
            services.AddScoped<LeerkluisDb>(sp => sp.GetRequiredService<PostgresLeerkluisDb>());
        }
        else
        {
            EnsureSqliteFolder(db.ConnectionString);
            // Every context seals its audit entries into the learners' chains on save (ADR 0004), whoever registers it.
            services.AddDbContext<SqliteLeerkluisDb>(o => o.UseSqlite(db.ConnectionString).AddInterceptors(Audit.AuditChainInterceptor.Instance));
            services.AddScoped<LeerkluisDb>(sp => sp.GetRequiredService<SqliteLeerkluisDb>());
        }
        return services;
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
