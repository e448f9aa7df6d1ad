using System.Data.Common;
using System.Xml;
using System.Xml.Schema;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Edexml;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Leerkluis.Tests.Edexml;

/// <summary>
/// The official Edexml 2.1 files in ../shared/fixtures (beside the repository). They are oracles only: tests that
/// need them are skipped with this reason when the folder is absent.
/// </summary>
internal static class EdexmlFixtures
{
    public const string MissingReason =
        "../shared/fixtures/edexml-2.1 ontbreekt naast de repository (map met Leerkluis.slnx); tests met de officiële XSD's en het voorbeeldbestand worden overgeslagen.";

    private static readonly Lazy<string?> FolderLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Leerkluis.slnx"))) continue;
            var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", "edexml-2.1"));
            return File.Exists(Path.Combine(folder, "EDEXML.structuur.xsd")) ? folder : null;
        }
        return null;
    });

    public static bool Available => FolderLazy.Value is not null;

    public static string Folder
    {
        get
        {
            Assert.SkipWhen(FolderLazy.Value is null, MissingReason);
            return FolderLazy.Value!;
        }
    }

    public static string ExampleText => File.ReadAllText(Path.Combine(Folder, "EDEXML.Voorbeeld.2.1.xml"));

    private static readonly Lazy<XmlSchemaSet> SchemasLazy = new(() =>
    {
        // xs:include needs a resolver, or .NET reports "Type 'SchoolType' is not declared".
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, Path.Combine(FolderLazy.Value!, "EDEXML.structuur.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>Errors from System.Xml.Schema against the official XSDs; empty when valid.</summary>
    public static List<(string Message, int Line)> XsdErrors(string xml)
    {
        _ = Folder;
        var errors = new List<(string, int)>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = SchemasLazy.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add((e.Message, e.Exception?.LineNumber ?? 0));
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read()) { }
        }
        catch (XmlException ex)
        {
            errors.Add((ex.Message, ex.LineNumber));
        }
        return errors;
    }

    public static int LineOf(string text, string fragment)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++) if (lines[i].Contains(fragment, StringComparison.Ordinal)) return i + 1;
        throw new InvalidOperationException($"'{fragment}' not found");
    }
}

/// <summary>A real database (SQLite file in a temp folder, or a fresh PostgreSQL database) with the Edexml services.</summary>
internal sealed class EdexmlTestDatabase : IAsyncDisposable
{
    public const string PgVariable = "LEERKLUIS_TEST_PG";
    public ServiceProvider Services { get; }
    public Guid SchoolId { get; private set; }
    public Guid OtherSchoolId { get; private set; }
    private readonly Func<Task> _cleanup;

    private EdexmlTestDatabase(ServiceProvider services, Func<Task> cleanup) { Services = services; _cleanup = cleanup; }

    public static async Task<EdexmlTestDatabase> CreateAsync(string provider, Action<IServiceCollection>? configure = null,
        IInterceptor? interceptor = null)
    {
        DatabaseOptions options;
        Func<Task> cleanup;
        if (provider == "postgres")
        {
            var server = Environment.GetEnvironmentVariable(PgVariable);
            Assert.SkipWhen(string.IsNullOrWhiteSpace(server), $"PostgreSQL-variant overgeslagen: zet {PgVariable} op een Npgsql-verbinding naar een server waar databases gemaakt mogen worden.");
            var name = "lk_edexml_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await cmd.ExecuteNonQueryAsync();
            }
            options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString };
            cleanup = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                await cmd.ExecuteNonQueryAsync();
            };
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "leerkluis-edexml-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "test.db")};Pooling=False" };
            cleanup = () =>
            {
                try { Directory.Delete(folder, true); } catch (IOException) { }
                return Task.CompletedTask;
            };
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddLeerkluisDb(options);
        if (interceptor is not null)
        {
            services.ConfigureDbContext<SqliteLeerkluisDb>(o => o.AddInterceptors(interceptor));
            services.ConfigureDbContext<PostgresLeerkluisDb>(o => o.AddInterceptors(interceptor));
        }
        services.AddScoped<CurrentActor>();
        services.AddDossierGuard();
        services.AddRegistry();
        services.AddEdexml();
        configure?.Invoke(services);
        var provider_ = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(provider_);
        var db = new EdexmlTestDatabase(provider_, cleanup);
        await db.SeedSchoolsAsync();
        return db;
    }

    private async Task SeedSchoolsAsync()
    {
        await UseAsync(async (sp, db) =>
        {
            var board = new Board { Id = Guid.CreateVersion7(), Name = "Stichting Test" };
            var school = new School { Id = Guid.CreateVersion7(), BoardId = board.Id, Brin = "99ZZ", LocationCode = "00", Name = "De Testschool", Sector = SchoolSector.Primary };
            var other = new School { Id = Guid.CreateVersion7(), BoardId = board.Id, Brin = "11AA", LocationCode = "00", Name = "De Andere School", Sector = SchoolSector.Primary };
            db.AddRange(board, school, other);
            await db.SaveChangesAsync();
            SchoolId = school.Id;
            OtherSchoolId = other.Id;
            return 0;
        });
    }

    /// <summary>Runs in a fresh scope acting as the system (as the command-line import does).</summary>
    public async Task<T> UseAsync<T>(Func<IServiceProvider, LeerkluisDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System());
        return await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<LeerkluisDb>());
    }

    public Task<EdexmlImportResult> ImportAsync(string xml, bool skipInvalid, IProgress<ImportProgress>? progress = null) =>
        UseAsync((sp, _) => sp.GetRequiredService<EdexmlImporter>().ImportAsync(ToStream(xml), SchoolId, skipInvalid, progress));

    public Task<EdexmlImportPlan> PreviewAsync(string xml) =>
        UseAsync((sp, _) => sp.GetRequiredService<EdexmlImporter>().PreviewAsync(ToStream(xml), SchoolId));

    public static MemoryStream ToStream(string xml) => new(System.Text.Encoding.UTF8.GetBytes(xml));

    public sealed record Counts(int Learners, int Groups, int Staff, int Enrolments, int Memberships, int StaffGroups, int Claims, int Audit);

    public Task<Counts> CountsAsync() => UseAsync(async (_, db) => new Counts(
        await db.Learners.CountAsync(), await db.Groups.CountAsync(), await db.Staff.CountAsync(), await db.Enrolments.CountAsync(),
        await db.GroupMemberships.CountAsync(), await db.StaffGroups.CountAsync(), await db.PersonalNumberClaims.CountAsync(),
        await db.AuditEntries.CountAsync()));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _cleanup();
    }
}

/// <summary>Makes the Nth INSERT command fail, after earlier INSERTs of the same SaveChanges already ran.</summary>
internal sealed class FailingInsertInterceptor(int failAt) : DbCommandInterceptor
{
    public int InsertsExecuted { get; private set; }
    /// <summary>Off while the test database is seeded.</summary>
    public bool Armed { get; set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Check(DbCommand command)
    {
        if (!Armed || !command.CommandText.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase)) return;
        if (InsertsExecuted + 1 >= failAt) throw new InvalidOperationException("Simulated failure in the middle of the import's write.");
        InsertsExecuted++;
    }
}
