using Leerkluis.Web.Features.Registry;
using Leerkluis.Demo.Edexml;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Registry.Edexml;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Leerkluis.Tests.Edexml;

/// <summary>One import path: the API and the page go through the same queue and importer and write the same rows, as the admin who asked.</summary>
public sealed partial class EdexmlImportPathTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")] private static partial Regex TokenPattern();
    [GeneratedRegex("name=\"importId\" value=\"([0-9a-f-]{36})\"")] private static partial Regex ImportIdPattern();
    [GeneratedRegex("<bsn>[0-9]{9}</bsn>")] private static partial Regex FirstBsn();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiAndPage_SameFile_SameRegistryRowsAuditedAsTheAdmin()
    {
        await using var viaApi = new SqliteApp();
        await viaApi.InitializeAsync();
        await using var viaPage = new SqliteApp();
        await viaPage.InitializeAsync();
        var xml = EdexmlFileGenerator.Generate(30, viaApi.World.SchoolA.Brin, seed: 11);

        var api = await viaApi.LoginAsync(viaApi.World.AdminA);
        using var response = await api.PostAsync($"/api/v1/schools/{viaApi.World.SchoolA.Id}/edexml/import?skipInvalid=true", Upload(xml), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<EdexmlImportResult>(Ct);
        Assert.True(result!.Created >= 30, result.Summary);

        var status = await ImportThroughPageAsync(viaPage, xml, skipInvalid: true);
        Assert.Contains("Klaar.", status);
        Assert.Contains($"Nieuw: {result.Created},", status);

        var fromApi = await RowsAsync(viaApi);
        var fromPage = await RowsAsync(viaPage);
        Assert.Equal(30, fromApi.Count);
        Assert.Equal(fromApi, fromPage);
    }

    [Fact]
    public async Task Api_FileWithAProblem_RefusedWith422UnlessValidOnesAsked()
    {
        await using var app = new SqliteApp();
        await app.InitializeAsync();
        var xml = FirstBsn().Replace(EdexmlFileGenerator.Generate(5, app.World.SchoolA.Brin, seed: 4), "<bsn>111252333</bsn>", 1);
        var api = await app.LoginAsync(app.World.AdminA);
        var url = $"/api/v1/schools/{app.World.SchoolA.Id}/edexml/import";

        using var refused = await api.PostAsync(url, Upload(xml), Ct);
        using var partial = await api.PostAsync(url + "?skipInvalid=true", Upload(xml), Ct);
        using var notXml = await api.PostAsync(url, new StringContent("{}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadFromJsonAsync<EdexmlImportResult>(Ct);
        Assert.True(body!.Refused);
        Assert.Contains(body.Problems, p => p.Message.Contains("elfproef"));
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(4, (await partial.Content.ReadFromJsonAsync<EdexmlImportResult>(Ct))!.Records.Count(r => r.Type == EdexmlRecordType.Learner && r.Action == EdexmlAction.Create));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notXml.StatusCode);
        Assert.Equal("application/problem+json", notXml.Content.Headers.ContentType?.MediaType);
    }

    private static MultipartFormDataContent Upload(string xml)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(file, "file", "EDEXML.xml");
        return form;
    }

    /// <summary>Upload, preview, import, then the status screen until the import has run; returns the status screen.</summary>
    private static async Task<string> ImportThroughPageAsync(LeerkluisApp app, string xml, bool skipInvalid)
    {
        var client = await app.LoginAsync(app.World.AdminA);
        var start = await client.GetStringAsync("/School/Import", Ct);
        var form = Upload(xml);
        form.Add(new StringContent(TokenPattern().Match(start).Groups[1].Value), "__RequestVerificationToken");
        using var preview = await client.PostAsync("/School/Import?handler=Preview", form, Ct);
        var html = await preview.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var importId = ImportIdPattern().Match(html).Groups[1].Value;
        Assert.NotEmpty(importId);

        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value,
            ["importId"] = importId,
            ["skipInvalid"] = skipInvalid ? "true" : "false",
        };
        using var import = await client.PostAsync("/School/Import?handler=Import", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        var location = import.Headers.Location!.ToString();
        Assert.Equal($"/School/Import/Status/{importId}", location);
        for (var i = 0; i < 600; i++)
        {
            var status = await client.GetStringAsync(location, Ct);
            if (!status.Contains("Bezig met importeren")) return status;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("the import did not finish within a minute");
    }

    /// <summary>What the import wrote for the school, without ids: learner, number claim, enrolment, groups, audit entries.</summary>
    private static async Task<List<string>> RowsAsync(LeerkluisApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var schoolId = app.World.SchoolA.Id;
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.SchoolId == schoolId && e.ExternalKey != null).ToListAsync(Ct);
        var ids = enrolments.Select(e => e.LearnerId).ToList();
        var learners = await db.Learners.AsNoTracking().Where(l => ids.Contains(l.Id)).ToListAsync(Ct);
        var claims = await db.PersonalNumberClaims.AsNoTracking().Where(c => ids.Contains(c.LearnerId)).ToListAsync(Ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolId == schoolId).ToDictionaryAsync(g => g.Id, g => g.Name, Ct);
        var memberships = await db.GroupMemberships.AsNoTracking().Where(m => ids.Contains(m.LearnerId)).ToListAsync(Ct);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => ids.Contains(a.LearnerId)).ToListAsync(Ct);
        var admin = app.World.AdminA.UserId;
        return learners.Select(l =>
        {
            var e = enrolments.Single(x => x.LearnerId == l.Id);
            return string.Join('|', e.ExternalKey, l.FirstNames, l.CallName, l.Prefix, l.LastName, l.BirthDate, l.Gender, l.Address.PostalCode,
                l.PersonalNumber, l.PersonalNumberKind, l.PersonalNumberLastFour, claims.SingleOrDefault(c => c.LearnerId == l.Id)?.PersonalNumber,
                e.StartDate, e.EndDate, e.YearGroup, e.Kind, e.StartReason, e.EndReason,
                string.Join(',', memberships.Where(m => m.LearnerId == l.Id).Select(m => groups[m.GroupId]).Order()),
                string.Join(',', audit.Where(a => a.LearnerId == l.Id)
                    .Select(a => $"{a.Section}/{a.Operation}/{a.Action}/{a.ActorRole}/{(a.ActorUserId == admin ? "admin" : a.ActorUserId?.ToString() ?? "none")}").Order()));
        }).Order().ToList();
    }
}
