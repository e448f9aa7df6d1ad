using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Leerkluis.Bench;

/// <summary>A fresh database on the benchmark's private PostgreSQL server (LEERKLUIS_BENCH_PG, started by ./leerkluis bench).</summary>
public static class BenchDatabase
{
    public static async Task<string> CreateAsync(string name)
    {
        var server = Environment.GetEnvironmentVariable("LEERKLUIS_BENCH_PG")
            ?? throw new InvalidOperationException("LEERKLUIS_BENCH_PG is not set: run benchmarks through ./leerkluis bench NAME");
        var db = "lk_bench_" + name.Replace('-', '_');
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {db} WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {db}", conn);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = db, MaxPoolSize = 50 }.ConnectionString;
    }
}

/// <summary>Leerkluis as its own process (Release build, the same binary as production), on a free loopback port.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string BaseUrl { get; }
    public int ProcessId => _process.Id;

    private AppProcess(Process process, string baseUrl) { _process = process; BaseUrl = baseUrl; }

    /// <param name="settings">Extra configuration as environment variables (e.g. <c>Jobs__Enabled</c>); they win over the defaults here.</param>
    public static async Task<AppProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Leerkluis.Web.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.Environment["Database__Provider"] = "Postgres";
        psi.Environment["Database__ConnectionString"] = connectionString;
        psi.Environment["Security__LoginPermitsPerMinute"] = "100000";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Production refuses to start without a master key; a throw-away one per run.
        psi.Environment["Crypto__MasterKeys__0__Id"] = "bench";
        psi.Environment["Crypto__MasterKeys__0__Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        psi.Environment["Crypto__ActiveMasterKeyId"] = "bench";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) psi.Environment[key] = value;
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, $"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"Leerkluis exited with {process.ExitCode}");
            try
            {
                if ((await http.GetAsync(app.BaseUrl + "/health")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(250);
        }
        throw new TimeoutException("Leerkluis did not answer /health within 60 s");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        _process.Dispose();
    }
}

/// <summary>Latency figures from a closed loop of concurrent clients over real HTTP.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _ms = [];
    private int _errors;
    public int Errors => _errors;
    public int Count { get { lock (_ms) return _ms.Count; } }

    public void Add(double ms) { lock (_ms) _ms.Add(ms); }
    public void Error() => Interlocked.Increment(ref _errors);

    public double Percentile(double p)
    {
        lock (_ms)
        {
            if (_ms.Count == 0) return double.NaN;
            var sorted = _ms.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    /// <summary>Runs <paramref name="workers"/> loops of <paramref name="request"/> for the duration, timing each.</summary>
    public static async Task<LatencyRecorder> RunAsync(int workers, TimeSpan duration, Func<int, int, Task<bool>> request)
    {
        var recorder = new LatencyRecorder();
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, workers).Select(async w =>
        {
            var i = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await request(w, i++); }
                catch (HttpRequestException) { ok = false; }
                if (ok) recorder.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds); else recorder.Error();
            }
        });
        await Task.WhenAll(tasks);
        return recorder;
    }
}

/// <summary>Prints figures as `NAME.figure: value unit (budget ...)` and the closing verdict.</summary>
public sealed class Report(string name)
{
    private bool _met = true;

    public void Figure(string figure, double value, string unit, string? budget = null, bool? met = null)
    {
        Console.WriteLine($"{name}.{figure}: {value:0.##} {unit}" + (budget is null ? "" : $" (budget {budget})"));
        if (met == false) _met = false;
    }

    public int Verdict()
    {
        Console.WriteLine(_met ? "budget: met" : "budget: missed");
        return _met ? 0 : 1;
    }
}
