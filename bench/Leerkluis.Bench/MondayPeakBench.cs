using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leerkluis.Web.Features.Accounts;
using OtpNet;

namespace Leerkluis.Bench;

/// <summary>
/// monday-peak: Monday 08:00 on the absence-rule world (1,000 schools, about 250,000 learners, a term of records).
/// Teachers (one per group, two-factor) and guardians (thousands of distinct families) log in through the real log-in
/// API before the measured window; then for 60 s a closed loop of clients sends, as real authenticated requests on
/// loopback, guardian sick reports for today (POST absence-notices, code Z; once every child is reported, appointments in
/// the first period of the coming days, code AR) and teacher roll calls (GET the roll call
/// of a period, PUT it back with everyone present except one or two absent, keeping what guardians reported).
/// Writes are the notice POSTs and roll-call PUTs. Budget: at least 500 writes/s sustained for 60 s, p99 of writes
/// under 250 ms, zero errors (a 409 conflict is planned behaviour and counted apart). The app runs with
/// Clock:StartLocal at Monday 23-11-2026 07:45, so "today" is a school day whatever day the bench runs.
/// </summary>
public static class MondayPeakBench
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    // Closed-loop clients of each kind (LEERKLUIS_BENCH_*_WORKERS to explore; the budget is judged with the defaults).
    // A teacher's round is two requests (GET, PUT) against a parent's one: twice the teachers keeps the writes about
    // half roll calls and half parents' reports, as on a real Monday (every group's first roll call, about one sick
    // child per group).
    private static readonly int GuardianWorkers = Count("LEERKLUIS_BENCH_GUARDIAN_WORKERS", 8, allowZero: true);
    private static readonly int TeacherWorkers = Count("LEERKLUIS_BENCH_TEACHER_WORKERS", 16, allowZero: true);
    private const double NationalPeak = 1000;
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private static readonly string Today = AttendanceBenchWorld.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<int> RunAsync()
    {
        var report = new Report("monday-peak");
        var cs = await BenchDatabase.CreateAsync("monday-peak");
        var world = await AttendanceBenchWorld.SeedAsync(cs, BenchScale.Schools(1000), report);
        var (teachers, guardians) = await AttendanceBenchAccounts.CreateAsync(world.Groups, guardians: Count("LEERKLUIS_BENCH_GUARDIANS", 10000));
        report.Figure("accounts.teachers", teachers.Count, "accounts");
        report.Figure("accounts.guardians", guardians.Count, "accounts");

        await using var app = await AppProcess.StartAsync(cs, new Dictionary<string, string>
        {
            // Not Production: the fixed Monday morning clock is refused there (ShiftedClock).
            ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
            ["Clock__StartLocal"] = $"{Today}T07:45",
            // The nightly jobs would start at once (the clock is past 02:00) and run through the measured window.
            ["Jobs__Enabled"] = "false",
        });
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30),
        };

        // Log-ins before the window: one cookie per account.
        var loginTeachers = teachers.Take(Count("LEERKLUIS_BENCH_TEACHERS", 2000)).ToList();
        var watch = Stopwatch.StartNew();
        var teacherCookies = await LoginAllAsync(http, loginTeachers.Select(t => (t.Email, (string?)t.AuthenticatorKey)).ToList());
        var guardianCookies = await LoginAllAsync(http, guardians.Select(g => (g.Email, (string?)null)).ToList());
        report.Figure("logins", loginTeachers.Count + guardians.Count, "log-ins");
        report.Figure("logins.rate", (loginTeachers.Count + guardians.Count) / watch.Elapsed.TotalSeconds, "log-ins/s");

        var rollCalls = loginTeachers.Select((t, i) => new TeacherState(t, teacherCookies[i])).ToList();
        var reports = new ConcurrentQueue<(Guid Learner, string Cookie)>(
            guardians.SelectMany((g, i) => g.Children.Where(c => !world.StillSick.Contains(c)).Select(c => (c, guardianCookies[i]))).OrderBy(x => x.c));
        report.Figure("children-to-report", reports.Count, "learners");
        // Once every child is reported sick, parents go on with appointments for the coming days (one per child per day).
        var appointments = new ConcurrentQueue<(Guid Learner, string Cookie, int DaysAhead)>(Enumerable.Range(1, 4).SelectMany(days =>
            guardians.SelectMany((g, i) => g.Children.Select(c => (c, guardianCookies[i], days))).OrderByDescending(x => x.c)));

        await new Load(http, rollCalls, reports, appointments).RunAsync(WarmUp);
        var cpu = await CpuMeter.StartAsync(cs, app.ProcessId);
        var run = await new Load(http, rollCalls, reports, appointments).RunAsync(Duration);
        var (appCpu, dbCpu, clientCpu, busy) = cpu.Stop();
        var load1 = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0] : "?";

        var writes = run.Writes.Count;
        var perSecond = writes / Duration.TotalSeconds;
        report.Figure("writes", writes, "writes");
        report.Figure("writes.notices", run.Notices, "POST absence-notices");
        report.Figure("writes.roll-calls", run.RollCalls, "PUT roll-call");
        report.Figure("throughput", perSecond, "writes/s", ">= 500 writes/s", perSecond >= 500);
        report.Figure("throughput.slowest-10s", run.SlowestWindow, "writes/s", ">= 500 writes/s sustained", run.SlowestWindow >= 500);
        report.Figure("p50", run.Writes.Percentile(50), "ms");
        report.Figure("p99", run.Writes.Percentile(99), "ms", "< 250 ms", run.Writes.Percentile(99) < 250);
        report.Figure("p99.notices", run.NoticeLatency.Percentile(99), "ms");
        report.Figure("p99.roll-calls", run.RollCallLatency.Percentile(99), "ms");
        report.Figure("p99.roll-call-get", run.Reads.Percentile(99), "ms");
        report.Figure("conflicts", run.Conflicts, "409 (planned)");
        report.Figure("errors", run.Writes.Errors + run.Reads.Errors, "requests", "0", run.Writes.Errors + run.Reads.Errors == 0);
        report.Figure("guardian-alerts", run.Alerts, "alerts queued");
        // Where the two cores go, per write (whatever else runs on the machine): app process, PostgreSQL, this load client.
        report.Figure("cpu-per-write.app", appCpu * 1000 / Math.Max(1, writes), "ms");
        report.Figure("cpu-per-write.postgres", dbCpu * 1000 / Math.Max(1, writes), "ms");
        report.Figure("cpu-per-write.client", clientCpu * 1000 / Math.Max(1, writes), "ms");
        report.Figure("cpu-busy", busy * 100, "% of the machine's CPU time in the window (all processes)");
        report.Figure("cpu-bound-on-2-cores", 2 * Math.Max(1, writes) / (appCpu + dbCpu + clientCpu), "writes/s if the three had both cores to themselves");
        report.Figure("national-peak-ratio", perSecond / NationalPeak, $"of the national peak (~{NationalPeak:0} writes/s)");
        report.Figure("load-average-1m", double.Parse(load1, System.Globalization.CultureInfo.InvariantCulture), "(at the end)");
        if (run.RanOutOfChildren) Console.WriteLine("  note: every child of the logged-in guardians was reported; raise LEERKLUIS_BENCH_GUARDIANS");
        return report.Verdict();
    }

    private static int Count(string variable, int fallback, bool allowZero = false) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var n) && (n > 0 || (allowZero && n == 0)) ? n : fallback;

    /// <summary>Logs every account in through POST /api/v1/account/login (TOTP for teachers); returns the cookie header per account.</summary>
    private static async Task<string[]> LoginAllAsync(HttpClient http, IReadOnlyList<(string Email, string? Key)> accounts)
    {
        var cookies = new string[accounts.Count];
        var next = -1;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < accounts.Count)
            {
                var (email, key) = accounts[i];
                var code = key is null ? null : new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
                using var response = await http.PostAsJsonAsync("/api/v1/account/login", new LoginRequest(email, AttendanceBenchAccounts.Password, code));
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"log-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                var set = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
                // The authentication cookie (possibly chunked: leerkluisC1, leerkluisC2, ...).
                cookies[i] = string.Join("; ", set.Select(c => c.Split(';')[0]).Where(c => c.StartsWith("leerkluis", StringComparison.Ordinal)));
            }
        });
        await Task.WhenAll(workers);
        return cookies;
    }

    private sealed class TeacherState(BenchTeacher teacher, string cookie)
    {
        public BenchTeacher Teacher { get; } = teacher;
        public string Cookie { get; } = cookie;
        /// <summary>Roll calls taken so far: the next one is for the next period of the group's Monday.</summary>
        public int Taken { get; set; }
    }

    private sealed record RollCallView(Guid GroupId, DateOnly Day, int Period, List<RollCallLearner> Learners);
    private sealed record RollCallLearner(Guid LearnerId, string State, string? Code, int? MinutesLate, Guid? Stamp);
    private sealed record RollCallEntry(Guid LearnerId, string State, string? Code, int? MinutesLate, Guid? Stamp);
    private sealed record RollCallSave(string Day, int Period, List<RollCallEntry> Entries);
    private sealed record RollCallSaved(int Saved, int Alerts);
    private sealed record NoticeRequest(string Code, string From, string? To, int? FromPeriod, int? ToPeriod, string Reason);

    /// <summary>One measured run of the mixed load.</summary>
    private sealed class Load(HttpClient http, List<TeacherState> teachers, ConcurrentQueue<(Guid Learner, string Cookie)> reports,
        ConcurrentQueue<(Guid Learner, string Cookie, int DaysAhead)> appointments)
    {
        public LatencyRecorder Writes { get; } = new();
        public LatencyRecorder NoticeLatency { get; } = new();
        public LatencyRecorder RollCallLatency { get; } = new();
        public LatencyRecorder Reads { get; } = new();
        private int _notices, _rollCalls, _conflicts, _alerts, _errorsShown;
        private readonly ConcurrentDictionary<long, int> _perSecond = new();
        public int Notices => _notices;
        public int RollCalls => _rollCalls;
        public int Conflicts => _conflicts;
        public int Alerts => _alerts;
        public bool RanOutOfChildren { get; private set; }
        public double SlowestWindow { get; private set; }

        public async Task<Load> RunAsync(TimeSpan duration)
        {
            var start = Stopwatch.GetTimestamp();
            var until = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            bool Running() => Stopwatch.GetTimestamp() < until;
            void Written(double ms, LatencyRecorder kind)
            {
                Writes.Add(ms);
                kind.Add(ms);
                _perSecond.AddOrUpdate((long)Stopwatch.GetElapsedTime(start).TotalSeconds, 1, (_, n) => n + 1);
            }

            var guardianLoops = Enumerable.Range(0, GuardianWorkers).Select(async _ =>
            {
                while (Running())
                {
                    NoticeRequest body;
                    if (reports.TryDequeue(out var next)) body = new NoticeRequest("Z", Today, null, null, null, "Ziek (koorts)");
                    else if (appointments.TryDequeue(out var later))
                    {
                        next = (later.Learner, later.Cookie);
                        var day = AttendanceBenchWorld.Today.AddDays(later.DaysAhead).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                        body = new NoticeRequest("AR", day, day, 1, 1, "Tandarts");
                    }
                    else { RanOutOfChildren = true; return; }
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/learners/{next.Learner}/absence-notices") { Content = JsonContent.Create(body, options: Json) };
                    request.Headers.Add("Cookie", next.Cookie);
                    var t = Stopwatch.GetTimestamp();
                    using var response = await Send(request);
                    if (response?.StatusCode == HttpStatusCode.Created) { Written(Stopwatch.GetElapsedTime(t).TotalMilliseconds, NoticeLatency); Interlocked.Increment(ref _notices); }
                    else await Failed(Writes, request, response);
                }
            });
            // Each teacher belongs to one worker, so no two clients take the same group's roll at once.
            var teacherLoops = Enumerable.Range(0, TeacherWorkers).Select(async w =>
            {
                var mine = teachers.Where((_, i) => i % TeacherWorkers == w).ToList();
                var random = new Random(w);
                for (var i = 0; Running(); i++)
                {
                    var teacher = mine[i % mine.Count];
                    var period = 1 + teacher.Taken++ % Math.Max(1, teacher.Teacher.Group.MondayPeriods);
                    var url = $"/api/v1/groups/{teacher.Teacher.Group.Id}/roll-call";
                    using var get = new HttpRequestMessage(HttpMethod.Get, $"{url}?day={Today}&period={period}");
                    get.Headers.Add("Cookie", teacher.Cookie);
                    var t = Stopwatch.GetTimestamp();
                    using var loaded = await Send(get);
                    if (loaded?.StatusCode != HttpStatusCode.OK) { await Failed(Reads, get, loaded); continue; }
                    var view = await loaded.Content.ReadFromJsonAsync<RollCallView>(Json) ?? throw new InvalidOperationException("empty roll call");
                    Reads.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);

                    // Keep what is known (guardian reports, earlier marks); everyone else present, one or two absent.
                    var entries = view.Learners.Select(l => new RollCallEntry(l.LearnerId, l.State, l.Code, l.MinutesLate, l.Stamp)).ToList();
                    var present = entries.Select((e, k) => (e, k)).Where(x => x.e.State == "present").Select(x => x.k).ToList();
                    for (var a = 1 + random.Next(2); a > 0 && present.Count > 0; a--)
                    {
                        var k = present[random.Next(present.Count)];
                        present.Remove(k);
                        entries[k] = entries[k] with { State = "absent", Code = null };
                    }
                    using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new RollCallSave(Today, period, entries), options: Json) };
                    put.Headers.Add("Cookie", teacher.Cookie);
                    t = Stopwatch.GetTimestamp();
                    using var saved = await Send(put);
                    var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    if (saved?.StatusCode == HttpStatusCode.OK)
                    {
                        Written(ms, RollCallLatency);
                        Interlocked.Increment(ref _rollCalls);
                        var outcome = await saved.Content.ReadFromJsonAsync<RollCallSaved>(Json);
                        Interlocked.Add(ref _alerts, outcome?.Alerts ?? 0);
                    }
                    else if (saved?.StatusCode == HttpStatusCode.Conflict) Interlocked.Increment(ref _conflicts);
                    else await Failed(Writes, put, saved);
                }
            });
            await Task.WhenAll(guardianLoops.Concat(teacherLoops));

            var seconds = (int)duration.TotalSeconds;
            SlowestWindow = seconds < 10 ? double.NaN : Enumerable.Range(0, seconds - 9)
                .Min(s => Enumerable.Range(s, 10).Sum(x => _perSecond.GetValueOrDefault(x)) / 10.0);
            return this;
        }

        private async Task<HttpResponseMessage?> Send(HttpRequestMessage request)
        {
            try { return await http.SendAsync(request); }
            catch (HttpRequestException) { return null; }
            catch (TaskCanceledException) { return null; }
        }

        private async Task Failed(LatencyRecorder recorder, HttpRequestMessage request, HttpResponseMessage? response)
        {
            recorder.Error();
            if (Interlocked.Increment(ref _errorsShown) > 5) return;
            var body = response is null ? "no answer" : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            Console.WriteLine($"  error: {request.Method} {request.RequestUri}: {(body.Length > 400 ? body[..400] : body)}");
        }
    }
}

/// <summary>
/// CPU time (user + system, from /proc) of the app process, the PostgreSQL server's processes (backends that exit
/// in between count through the postmaster's waited-for children) and this process; and the machine's busy share.
/// </summary>
internal sealed class CpuMeter
{
    private readonly int _app;
    private readonly int _postmaster;
    private readonly (double App, double Db, double Client) _start;
    private readonly (long Busy, long Total) _machine;

    private CpuMeter(int app, int postmaster)
    {
        _app = app;
        _postmaster = postmaster;
        _start = Now();
        _machine = Machine();
    }

    public static async Task<CpuMeter> StartAsync(string connectionString, int appProcessId)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_backend_pid()", conn);
        var backend = Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        return new CpuMeter(appProcessId, Stat(backend)?.ParentId ?? 0);
    }

    /// <summary>Seconds of CPU since the start: app, database, client; and the machine's busy fraction (0..1).</summary>
    public (double App, double Db, double Client, double Busy) Stop()
    {
        var now = Now();
        var machine = Machine();
        var busy = machine.Total == _machine.Total ? double.NaN : (double)(machine.Busy - _machine.Busy) / (machine.Total - _machine.Total);
        return (now.App - _start.App, now.Db - _start.Db, now.Client - _start.Client, busy);
    }

    private (double App, double Db, double Client) Now()
    {
        var db = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || Stat(pid) is not { } s) continue;
            if (pid == _postmaster) db += s.CpuSeconds + s.ChildrenCpuSeconds;
            else if (s.ParentId == _postmaster) db += s.CpuSeconds;
        }
        return (Stat(_app)?.CpuSeconds ?? double.NaN, db, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
    }

    /// <summary>/proc/stat's first line: busy (all but idle and iowait) and total jiffies.</summary>
    private static (long Busy, long Total) Machine()
    {
        try
        {
            var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(x => long.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var total = f.Take(8).Sum();
            return (total - f[3] - f[4], total);
        }
        catch (IOException) { return (0, 0); }
    }

    private sealed record ProcStat(int ParentId, double CpuSeconds, double ChildrenCpuSeconds);

    /// <summary>/proc/PID/stat: fields after the command name; ppid is the 2nd, utime and stime the 12th and 13th, cutime and cstime the 14th and 15th (clock ticks of 1/100 s).</summary>
    private static ProcStat? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long L(int i) => long.Parse(f[i], System.Globalization.CultureInfo.InvariantCulture);
            return new ProcStat(int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), (L(11) + L(12)) / 100.0, (L(13) + L(14)) / 100.0);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
