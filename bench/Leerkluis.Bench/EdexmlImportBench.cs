using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Leerkluis.Demo.Edexml;
using Leerkluis.Web.Features.Registry.Edexml;
using Npgsql;

namespace Leerkluis.Bench;

/// <summary>
/// edexml-import: a generated 2,000-learner Edexml 2.1 file uploaded through HTTP by a school admin into a
/// PostgreSQL database that already holds 100,000 learners. Budget: the import (all records, one transaction)
/// under 10 s. The re-import of the same file (everything unchanged) is reported beside it.
/// </summary>
public static class EdexmlImportBench
{
    public static async Task<int> RunAsync()
    {
        var report = new Report("edexml-import");
        var cs = await BenchDatabase.CreateAsync("edexml-import");
        var admin = await BenchWorld.SeedAsync(cs, schools: 400);
        var brin = await SchoolBrinAsync(cs, admin.SchoolId);
        // Both generators invent valid BSNs at random; the file's children must be new people, not pupils of other schools.
        var taken = await ClaimedNumbersAsync(cs);
        var xml = EdexmlFileGenerator.Generate(2000, brin, seed: 4242, takenNumbers: taken);
        report.Figure("file-size", Encoding.UTF8.GetByteCount(xml) / 1024.0, "KiB");

        await using var app = await AppProcess.StartAsync(cs);
        using var client = await BenchWorld.LoginAsync(app.BaseUrl, admin);

        var (first, firstBody) = await ImportAsync(client, admin.SchoolId, xml);
        report.Figure("import", first.TotalSeconds, "s", "< 10 s", first.TotalSeconds < 10 && firstBody.Written);
        var learnersCreated = firstBody.Records.Count(r => r.Type == EdexmlRecordType.Learner && r.Action == EdexmlAction.Create);
        report.Figure("learners-created", learnersCreated, "learners", "2000", learnersCreated == 2000);
        report.Figure("records-created", firstBody.Created, "records");
        if (!firstBody.Written)
            foreach (var p in firstBody.Problems.Take(5)) Console.WriteLine($"  problem line {p.Line}: {p.Message}");

        var (again, againBody) = await ImportAsync(client, admin.SchoolId, xml);
        report.Figure("reimport", again.TotalSeconds, "s");
        report.Figure("reimport-changed", againBody.Created + againBody.Updated, "records", "0", againBody.Created + againBody.Updated == 0);
        return report.Verdict();
    }

    private static async Task<(TimeSpan, EdexmlImportResult)> ImportAsync(HttpClient client, Guid schoolId, string xml)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(file, "file", "EDEXML.xml");
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync($"/api/v1/schools/{schoolId}/edexml/import", form);
        var body = await response.Content.ReadFromJsonAsync<EdexmlImportResult>()
            ?? throw new InvalidOperationException($"import answered {(int)response.StatusCode} without a result");
        return (watch.Elapsed, body);
    }

    private static async Task<List<string>> ClaimedNumbersAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT \"PersonalNumber\" FROM \"PersonalNumberClaims\"", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var numbers = new List<string>();
        while (await reader.ReadAsync()) numbers.Add(reader.GetString(0));
        return numbers;
    }

    private static async Task<string> SchoolBrinAsync(string cs, Guid schoolId)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT \"Brin\" FROM \"Schools\" WHERE \"Id\" = @id", conn);
        cmd.Parameters.AddWithValue("id", schoolId);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
