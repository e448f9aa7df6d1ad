using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Leerkluis.Web.Features.Accounts;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Npgsql;
using OtpNet;

namespace Leerkluis.Bench;

/// <summary>
/// audited-read: 100,000 generated learners on PostgreSQL; a school admin opens learner cards
/// (GET /api/v1/learners/{id}, five audited sections each) of many different learners of the school, driven by
/// wrk on loopback. Budget: at least 400 requests/s with p99 under 100 ms. Beside it, in the same run, the same
/// read with the audit rows discarded by a rule the harness puts in the bench database (the application has no
/// switch to stop auditing), and the ratio between the two.
/// </summary>
public static class AuditedReadBench
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync()
    {
        var report = new Report("audited-read");
        var cs = await BenchDatabase.CreateAsync("audited-read");
        var seedWatch = Stopwatch.StartNew();
        var admin = await BenchWorld.SeedAsync(cs, schools: 400);
        report.Figure("seed", seedWatch.Elapsed.TotalSeconds, "s");

        await using var app = await AppProcess.StartAsync(cs);
        var (client, cookie) = await LoginAsync(app.BaseUrl, admin);
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var rows = await client.GetFromJsonAsync<LearnerPage>($"/api/v1/learners?pageSize=200&page={page}") ?? throw new InvalidOperationException("no learners");
            ids.AddRange(rows.Rows.Select(r => r.Id));
            if (ids.Count >= rows.Total || rows.Rows.Count == 0) break;
        }
        report.Figure("learners-read", ids.Count, "learners");
        var script = Path.Combine(Path.GetTempPath(), $"audited-read-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(script, LuaScript(ids));

        await WrkAsync(app.BaseUrl, cookie, script, TimeSpan.FromSeconds(5)); // warm-up: JIT, plans, pools
        var audited = await WrkAsync(app.BaseUrl, cookie, script, Duration);
        var entries = await ScalarAsync(cs, """SELECT count(*) FROM "AuditEntries" """);

        // The same read without the audit rows: the harness puts a view in the table's place whose INSTEAD OF trigger
        // accepts each row and keeps nothing (a rule's "INSERT 0 0" would fail EF's row count). Lock and head update still run.
        await ExecuteAsync(cs, DiscardAuditRows);
        var plain = await WrkAsync(app.BaseUrl, cookie, script, Duration);
        var entriesAfter = await ScalarAsync(cs, """SELECT count(*) FROM "AuditEntriesKept" """);
        await ExecuteAsync(cs, KeepAuditRows);

        report.Figure("requests", audited.Requests, "requests");
        report.Figure("throughput", audited.PerSecond, "req/s", ">= 400 req/s", audited.PerSecond >= 400);
        report.Figure("p50", audited.P50, "ms");
        report.Figure("p90", audited.P90, "ms");
        report.Figure("p99", audited.P99, "ms", "< 100 ms", audited.P99 < 100);
        report.Figure("errors", audited.Errors, "requests", "0", audited.Errors == 0);
        report.Figure("audit-entries-written", entries, "entries");
        report.Figure("unaudited.throughput", plain.PerSecond, "req/s");
        report.Figure("unaudited.p50", plain.P50, "ms");
        report.Figure("unaudited.p99", plain.P99, "ms");
        report.Figure("unaudited.errors", plain.Errors, "requests");
        report.Figure("unaudited.entries-written", entriesAfter - entries, "entries");
        report.Figure("audit-cost.throughput-ratio", audited.PerSecond / plain.PerSecond, "audited/unaudited");
        report.Figure("audit-cost.p50-extra", audited.P50 - plain.P50, "ms");
        File.Delete(script);
        return report.Verdict();
    }

    private const string DiscardAuditRows = """
        ALTER TABLE "AuditEntries" RENAME TO "AuditEntriesKept";
        CREATE VIEW "AuditEntries" AS SELECT * FROM "AuditEntriesKept";
        CREATE FUNCTION bench_discard_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER bench_discard_audit INSTEAD OF INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION bench_discard_audit();
        """;

    private const string KeepAuditRows = """
        DROP VIEW "AuditEntries";
        DROP FUNCTION bench_discard_audit();
        ALTER TABLE "AuditEntriesKept" RENAME TO "AuditEntries";
        """;

    /// <summary>A log-in through the real endpoint; returns the client and its cookie header for wrk.</summary>
    private static async Task<(HttpClient Client, string Cookie)> LoginAsync(string baseUrl, BenchAdmin admin)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var code = new Totp(Base32Encoding.ToBytes(admin.AuthenticatorKey)).ComputeTotp();
        (await client.PostAsJsonAsync("/api/v1/account/login", new LoginRequest(admin.Email, admin.Password, code))).EnsureSuccessStatusCode();
        return (client, cookies.GetCookieHeader(new Uri(baseUrl)));
    }

    private static string LuaScript(IReadOnlyList<Guid> ids)
    {
        var lua = new StringBuilder("local ids = {\n");
        foreach (var id in ids) lua.Append("  \"").Append(id).Append("\",\n");
        lua.Append("""
            }
            math.randomseed(os.time() + math.floor(os.clock() * 1000000))
            local i = math.random(#ids)
            request = function()
              i = i % #ids + 1
              return wrk.format("GET", "/api/v1/learners/" .. ids[i])
            end
            """);
        return lua.ToString();
    }

    public sealed record WrkResult(long Requests, double PerSecond, double P50, double P90, double P99, long Errors);

    private static async Task<WrkResult> WrkAsync(string baseUrl, string cookie, string script, TimeSpan duration)
    {
        var psi = new ProcessStartInfo("wrk", ["-t2", "-c16", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script,
            "-H", $"Cookie: {cookie}", baseUrl]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var wrk = Process.Start(psi) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0) throw new InvalidOperationException("wrk failed: " + output + await wrk.StandardError.ReadToEndAsync());
        return ParseWrk(output);
    }

    /// <summary>Reads wrk's summary: "N requests in", "Requests/sec:", the --latency percentiles, and non-2xx/socket errors.</summary>
    public static WrkResult ParseWrk(string output)
    {
        double Percentile(string p)
        {
            var m = Regex.Match(output, $@"^\s*{p}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!m.Success) return double.NaN;
            var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => v / 1000, "s" => v * 1000, _ => v };
        }
        long Number(string pattern) => Regex.Match(output, pattern) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var requests = Number(@"(\d+) requests in");
        var perSecond = double.Parse(Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = Number(@"Non-2xx or 3xx responses: (\d+)");
        var socket = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
        if (socket.Success) errors += Enumerable.Range(1, 4).Sum(g => long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture));
        return new WrkResult(requests, perSecond, Percentile("50"), Percentile("90"), Percentile("99"), errors);
    }

    private static async Task ExecuteAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
