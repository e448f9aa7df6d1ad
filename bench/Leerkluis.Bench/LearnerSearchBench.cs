using System.Diagnostics;
using System.Net.Http.Json;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;

namespace Leerkluis.Bench;

/// <summary>
/// learner-search: 100,000 generated learners on PostgreSQL; a school admin searches their school through HTTP
/// (name fragments, group filter, number look-ups, first page) from concurrent clients. Budget: p95 under 50 ms.
/// </summary>
public static class LearnerSearchBench
{
    public static async Task<int> RunAsync()
    {
        var report = new Report("learner-search");
        var cs = await BenchDatabase.CreateAsync("learner-search");
        var seedWatch = Stopwatch.StartNew();
        var admin = await BenchWorld.SeedAsync(cs, schools: 400);
        report.Figure("seed", seedWatch.Elapsed.TotalSeconds, "s");

        await using var app = await AppProcess.StartAsync(cs);
        using var client = await BenchWorld.LoginAsync(app.BaseUrl, admin);

        // Real queries from the school's own data: last-name fragments, group names and numbers.
        var all = await client.GetFromJsonAsync<LearnerPage>("/api/v1/learners?pageSize=200") ?? throw new InvalidOperationException("no learners");
        report.Figure("learners-in-school", all.Total, "learners");
        var fragments = all.Rows.Select(r => r.LastName.Length > 4 ? r.LastName[1..4] : r.LastName).Distinct().ToArray();
        var numbers = all.Rows.Where(r => r.PersonalNumber is not null).Select(r => r.PersonalNumber!).ToArray();
        var groups = all.Rows.Where(r => r.GroupName is not null).Select(r => r.GroupName!).Distinct().ToArray();
        string Query(int worker, int i) => ((worker * 7919 + i) % 4) switch
        {
            0 => $"/api/v1/learners?q={Uri.EscapeDataString(fragments[(worker + i) % fragments.Length])}",
            1 => $"/api/v1/learners?q={numbers[(worker * 31 + i) % numbers.Length]}",
            2 => $"/api/v1/learners?q={Uri.EscapeDataString(groups[i % groups.Length])}",
            _ => $"/api/v1/learners?page={1 + i % 3}&pageSize=50",
        };
        async Task<bool> Request(int worker, int i)
        {
            using var response = await client.GetAsync(Query(worker, i));
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        }

        await LatencyRecorder.RunAsync(4, TimeSpan.FromSeconds(5), Request); // warm-up: JIT, plans, pools
        var duration = TimeSpan.FromSeconds(30);
        var run = await LatencyRecorder.RunAsync(4, duration, Request);
        report.Figure("requests", run.Count, "requests");
        report.Figure("throughput", run.Count / duration.TotalSeconds, "req/s");
        report.Figure("p50", run.Percentile(50), "ms");
        report.Figure("p95", run.Percentile(95), "ms", "< 50 ms", run.Percentile(95) < 50);
        report.Figure("p99", run.Percentile(99), "ms");
        report.Figure("errors", run.Errors, "requests", "0", run.Errors == 0);
        return report.Verdict();
    }
}
