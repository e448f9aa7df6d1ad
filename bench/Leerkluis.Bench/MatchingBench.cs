using System.Diagnostics;
using System.Net.Http.Json;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Features.Careers.Matching;

namespace Leerkluis.Bench;

/// <summary>
/// matching: 50,000 candidates and 5,000 vacancies (plus programmes) on PostgreSQL; an advisor asks for the matches of one
/// candidate after another through HTTP (every vacancy and programme scored). Budget: p95 under 200 ms per candidate.
/// </summary>
public static class MatchingBench
{
    public static async Task<int> RunAsync()
    {
        var report = new Report("matching");
        var cs = await BenchDatabase.CreateAsync("matching");
        var seedWatch = Stopwatch.StartNew();
        var advisor = await CareersBenchWorld.SeedAsync(cs);
        report.Figure("seed", seedWatch.Elapsed.TotalSeconds, "s");

        await using var app = await AppProcess.StartAsync(cs);
        using var client = await BenchWorld.LoginAsync(app.BaseUrl, advisor);
        var ids = new List<Guid>();
        for (var page = 1; page <= 5; page++)
            ids.AddRange((await client.GetFromJsonAsync<CandidatePage>($"/api/v1/careers/candidates?pageSize=200&page={page * 7}"))!.Rows.Select(r => r.Id));
        var first = await client.GetFromJsonAsync<List<MatchView>>($"/api/v1/careers/candidates/{ids[0]}/matches") ?? [];
        report.Figure("best-score", first.Count == 0 ? 0 : first[0].Score.Total, "points");

        async Task<bool> Request(int worker, int i)
        {
            using var response = await client.GetAsync($"/api/v1/careers/candidates/{ids[(worker * 101 + i) % ids.Count]}/matches?top=20");
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        }
        await LatencyRecorder.RunAsync(2, TimeSpan.FromSeconds(5), Request); // warm-up
        var duration = TimeSpan.FromSeconds(20);
        var run = await LatencyRecorder.RunAsync(2, duration, Request);
        report.Figure("requests", run.Count, "requests");
        report.Figure("p50", run.Percentile(50), "ms");
        report.Figure("p95", run.Percentile(95), "ms", "< 200 ms", run.Percentile(95) < 200);
        report.Figure("errors", run.Errors, "requests", "0", run.Errors == 0);
        return report.Verdict();
    }
}
