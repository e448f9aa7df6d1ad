using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Platform.Data;

/// <summary>
/// The one database context. It declares only the kernel's tables (identity, audit, data protection keys); feature
/// slices add their entities through IEntityTypeConfiguration classes in this assembly (picked up below) and expose
/// them as their own query surface (e.g. Registry's <c>db.Learners</c>), so the kernel names no feature type. Two subclasses exist,
/// one per provider, so each provider has its own migration set (Migrations/Sqlite, Migrations/Postgres).
/// </summary>
public abstract class LeerkluisDb(DbContextOptions options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LeerkluisDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as text in both providers: readable in dumps and stable across enum reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public sealed class SqliteLeerkluisDb(DbContextOptions<SqliteLeerkluisDb> options) : LeerkluisDb(options);

public sealed class PostgresLeerkluisDb(DbContextOptions<PostgresLeerkluisDb> options) : LeerkluisDb(options);
