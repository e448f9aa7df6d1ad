using System.Diagnostics;
using System.Net.Http.Json;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Candidates;

namespace Leerkluis.Bench;

/// <summary>
/// candidate-search: 50,000 generated candidates and 5,000 vacancies on PostgreSQL; a regional advisor (three regions, 15,000
/// candidates) searches and filters the candidate list through HTTP from concurrent clients. Budget: p95 under 100 ms.
/// </summary>
public static class CandidateSearchBench
{
    public static async Task<int> RunAsync()
    {
        var report = new Report("candidate-search");
        var cs = await BenchDatabase.CreateAsync("candidate-search");
        var seedWatch = Stopwatch.StartNew();
        var advisor = await CareersBenchWorld.SeedAsync(cs);
        report.Figure("seed", seedWatch.Elapsed.TotalSeconds, "s");

        await using var app = await AppProcess.StartAsync(cs);
        using var client = await BenchWorld.LoginAsync(app.BaseUrl, advisor);
        var all = await client.GetFromJsonAsync<CandidatePage>("/api/v1/careers/candidates?pageSize=200") ?? throw new InvalidOperationException("no candidates");
        report.Figure("candidates-visible", all.Total, "candidates");
        var names = all.Rows.Select(r => r.LastName.Length > 4 ? r.LastName[..4] : r.LastName).Distinct().ToArray();
        var subjects = CareerCodes.Subjects.Keys.ToArray();
        var phases = Enum.GetNames<Phase>();
        string Query(int worker, int i) => ((worker * 7919 + i) % 5) switch
        {
            0 => $"/api/v1/careers/candidates?q={Uri.EscapeDataString(names[(worker + i) % names.Length])}",
            1 => $"/api/v1/careers/candidates?subject={subjects[i % subjects.Length]}&sector=Vo",
            2 => $"/api/v1/careers/candidates?phase={phases[i % phases.Length]}&subject={subjects[(i + worker) % subjects.Length]}",
            3 => $"/api/v1/careers/candidates?availableBy={DateTime.UtcNow.AddDays(i % 200):yyyy-MM-dd}&sector=Po&page={1 + i % 3}",
            _ => $"/api/v1/careers/candidates?regionId={all.Rows[i % all.Rows.Count].RegionId}&phase={phases[(i + 1) % phases.Length]}",
        };
        async Task<bool> Request(int worker, int i)
        {
            using var response = await client.GetAsync(Query(worker, i));
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        }

        await LatencyRecorder.RunAsync(4, TimeSpan.FromSeconds(5), Request); // warm-up
        var duration = TimeSpan.FromSeconds(30);
        var run = await LatencyRecorder.RunAsync(4, duration, Request);
        report.Figure("requests", run.Count, "requests");
        report.Figure("throughput", run.Count / duration.TotalSeconds, "req/s");
        report.Figure("p50", run.Percentile(50), "ms");
        report.Figure("p95", run.Percentile(95), "ms", "< 100 ms", run.Percentile(95) < 100);
        report.Figure("p99", run.Percentile(99), "ms");
        report.Figure("errors", run.Errors, "requests", "0", run.Errors == 0);
        return report.Verdict();
    }
}
