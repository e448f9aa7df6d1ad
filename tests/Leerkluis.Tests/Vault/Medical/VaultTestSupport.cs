using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Leerkluis.Tests.Vault.Medical;

/// <summary>Arranging extra learners of school A (guardian: GuardianA) and searching the raw database for text.</summary>
public static class VaultTestSupport
{
    /// <summary>A learner of 10 in group 8 at school A, guardian GuardianA, with the given enrolments (default: since a year, active).</summary>
    public static async Task<Guid> ArrangeLearnerAsync(LeerkluisApp app, params (DateOnly Start, DateOnly? End)[] enrolments)
    {
        var w = app.World;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var learner = new Learner
        {
            Id = Guid.CreateVersion7(), FirstNames = "Vera", LastName = "Kluistest-" + Guid.NewGuid().ToString("N")[..6],
            BirthDate = TestWorld.Today.AddYears(-10), CreatedUtc = DateTime.UtcNow,
        };
        db.Learners.Add(learner);
        if (enrolments.Length == 0) enrolments = [(TestWorld.Today.AddYears(-1), null)];
        foreach (var (start, end) in enrolments)
            db.Enrolments.Add(new Enrolment { LearnerId = learner.Id, Id = Guid.CreateVersion7(), SchoolId = w.SchoolA.Id, StartDate = start, EndDate = end });
        db.GroupMemberships.Add(new GroupMembership { LearnerId = learner.Id, Id = Guid.CreateVersion7(), GroupId = w.GroupA8.Id });
        db.LearnerGuardians.Add(new LearnerGuardian { LearnerId = learner.Id, Id = Guid.CreateVersion7(), GuardianId = w.GuardianA.Id });
        await db.SaveChangesAsync();
        return learner.Id;
    }

    /// <summary>
    /// Every place in the database where one of the texts occurs: each column of each row of each table (blobs decoded
    /// as UTF-8), and the raw bytes of a SQLite file with its WAL, or a pg_dump of a PostgreSQL database.
    /// Returns "table.column" or "file:name" per find.
    /// </summary>
    public static async Task<List<string>> FindInDatabaseAsync(LeerkluisApp app, params string[] texts)
    {
        var found = new List<string>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var list = conn.CreateCommand())
        {
            list.CommandText = db.IsPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var r = await list.ExecuteReaderAsync();
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        }
        Assert.Contains("MedicalRecord", tables);
        foreach (var table in tables)
        {
            await using var select = conn.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var r = await select.ExecuteReaderAsync();
            while (await r.ReadAsync())
                for (var i = 0; i < r.FieldCount; i++)
                    foreach (var text in texts)
                        if (ValueText(r, i).Contains(text, StringComparison.OrdinalIgnoreCase)) found.Add($"{table}.{r.GetName(i)}");
        }
        await conn.CloseAsync();

        var bytes = texts.Select(t => Encoding.UTF8.GetBytes(t)).ToList();
        if (db.IsPostgres)
        {
            var dump = await PgDumpAsync(db.Database.GetConnectionString()!);
            if (dump is not null)
                foreach (var (text, i) in texts.Select((t, i) => (t, i)))
                    if (dump.Contains(text, StringComparison.OrdinalIgnoreCase) || dump.Contains(Convert.ToHexStringLower(bytes[i]), StringComparison.Ordinal))
                        found.Add("file:pg_dump");
        }
        else
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                var content = copy.ToArray();
                foreach (var b in bytes)
                    if (content.AsSpan().IndexOf(b) >= 0) found.Add("file:" + Path.GetFileName(path));
            }
        }
        return found;
    }

    private static string ValueText(DbDataReader r, int i)
    {
        if (r.IsDBNull(i)) return "";
        return r.GetValue(i) switch
        {
            byte[] b => Encoding.UTF8.GetString(b) + Encoding.Latin1.GetString(b),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString() ?? "",
        };
    }

    /// <summary>A plain-text dump of the database, as a backup would hold it; null when pg_dump is not installed.</summary>
    private static async Task<string?> PgDumpAsync(string connectionString)
    {
        var pgDump = new[] { "/usr/lib/postgresql/15/bin/pg_dump", "/usr/bin/pg_dump" }.FirstOrDefault(File.Exists);
        if (pgDump is null) return null;
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(pgDump, ["-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username!, "-d", cs.Database!, "--data-only"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "pg_dump failed: " + await error);
        return await output;
    }
}
