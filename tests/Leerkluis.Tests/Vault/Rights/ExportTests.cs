using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Accounts;
using Leerkluis.Web.Features.Vault.Rights.Export;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Vault.Rights;

public sealed class ExportSqliteTests(SqliteApp app) : ExportTests<SqliteApp>(app);
public sealed class ExportPostgresTests(PostgresApp app) : ExportTests<PostgresApp>(app);

public abstract class ExportTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_Guardian_ContainsEverySectionTheGuardianMayRead()
    {
        var client = await App.LoginAsync(W.ParentA);
        var response = await client.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/export", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = doc.RootElement;
        Assert.Equal("leerkluis.dossier-export", root.GetProperty("format").GetString());
        Assert.Equal("Guardian", root.GetProperty("requestedBy").GetProperty("relation").GetString());
        var sections = root.GetProperty("sections");
        Assert.Equal(["personalia", "personalNumber", "family", "enrolments", "groups", "correctionRequests", "objections"],
            sections.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("Sanne", sections.GetProperty("personalia").GetProperty("firstNames").GetString());
        Assert.Equal(W.LearnerA.BirthDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), sections.GetProperty("personalia").GetProperty("birthDate").GetString());
        Assert.Equal("111222333", sections.GetProperty("personalNumber").GetProperty("number").GetString());
        Assert.Equal("Eva de Testvries", sections.GetProperty("family")[0].GetProperty("name").GetString());
        Assert.Equal("Basisschool De Testboom", sections.GetProperty("enrolments")[0].GetProperty("school").GetString());
        Assert.Equal("8", sections.GetProperty("groups")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Export_SectionTheRequesterMayNotRead_IsLeftOutWhileAnotherSlicesReadableSectionIsIncluded()
    {
        // Two slices plugging in: Plans is closed to guardians until the portal opens it, Invoices is readable.
        await using var withProbes = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddDossierSectionExporter<PlansProbe>();
            s.AddDossierSectionExporter<InvoicesProbe>();
        }));
        var client = withProbes.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        (await client.PostAsJsonAsync("/api/v1/account/login", new LoginRequest(W.ParentA.Email, TestWorld.Password, null), Ct)).EnsureSuccessStatusCode();

        using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/learners/{W.LearnerA.Id}/export", Ct));
        var sections = doc.RootElement.GetProperty("sections");
        Assert.False(sections.TryGetProperty("plans", out _));
        Assert.Equal("factuur 2026-01", sections.GetProperty("invoices")[0].GetString());
        var html = await client.GetStringAsync($"/api/v1/learners/{W.LearnerA.Id}/export.html", Ct);
        Assert.Contains("Facturen", html);
        Assert.DoesNotContain("geheim plan", html);
    }

    [Fact]
    public async Task Export_AdultLearnerSelf_ContainsOwnDossier()
    {
        var client = await App.LoginAsync(W.AdultLearner);
        using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/learners/{W.Adult.Id}/export", Ct));
        Assert.Equal("Self", doc.RootElement.GetProperty("requestedBy").GetProperty("relation").GetString());
        Assert.Equal("Mila", doc.RootElement.GetProperty("sections").GetProperty("personalia").GetProperty("firstNames").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/learners/{W.LearnerB.Id}/export", Ct)).StatusCode);
    }

    [Fact]
    public async Task Export_TeacherAdminOrOtherGuardian_Returns404AndIsAudited()
    {
        foreach (var user in new[] { W.TeacherA, W.AdminA, W.ParentB, W.PlatformAdmin })
        {
            var client = await App.LoginAsync(user);
            var json = await client.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/export", Ct);
            Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
            Assert.DoesNotContain("Sanne", await json.Content.ReadAsStringAsync(Ct));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/export.html", Ct)).StatusCode);
        }
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LearnerId == W.LearnerA.Id && a.ActorUserId == W.ParentB.UserId && !a.Allowed && a.Action == "export", Ct));
    }

    [Fact]
    public async Task Export_EachSectionRead_IsAuditedAsExport()
    {
        var client = await App.LoginAsync(W.ParentA);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var before = await db.AuditEntries.Where(a => a.LearnerId == W.LearnerA.Id).MaxAsync(a => (long?)a.Sequence, Ct) ?? 0;
        (await client.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/export", Ct)).EnsureSuccessStatusCode();

        var entries = await db.AuditEntries.Where(a => a.LearnerId == W.LearnerA.Id && a.Sequence > before)
            .ToListAsync(Ct);
        Assert.All(entries, e => Assert.True(e.Allowed && e.ActorUserId == W.ParentA.UserId && e.Action == "export" && e.Operation == Operation.Read && e.Basis == Basis.Guardian));
        Assert.Equal([Section.Personalia, Section.PersonalNumber, Section.Family, Section.Enrolment, Section.Group],
            entries.Select(e => e.Section).Distinct().Order().ToArray());
    }

    [Fact]
    public async Task ExportHtml_Guardian_IsReadableDutchSummaryWithDates()
    {
        var client = await App.LoginAsync(W.ParentA);
        var response = await client.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/export.html", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".html", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"nl\">", html);
        Assert.Contains("Dossieroverzicht van Sanne de Testvries", html);
        Assert.Contains(Amsterdam.Date(W.LearnerA.BirthDate!.Value), html);
        Assert.Contains("111222333", html);
        Assert.Contains("Eva de Testvries", html);
        Assert.Contains("Basisschool De Testboom (99AA00)", html);
        Assert.DoesNotContain("<script", html);
    }

    private sealed class PlansProbe : IDossierSectionExporter
    {
        public string Key => "plans";
        public Section Section => Section.Plans;
        public int Order => 300;
        public Task<ExportedSection> ExportAsync(Guid learnerId, CancellationToken ct) =>
            Task.FromResult(new ExportedSection("Plannen", new[] { "geheim plan" }, [SummaryFacts.Of(("Plan", "geheim plan"))]));
    }

    private sealed class InvoicesProbe : IDossierSectionExporter
    {
        public string Key => "invoices";
        public Section Section => Section.Invoices;
        public int Order => 310;
        public Task<ExportedSection> ExportAsync(Guid learnerId, CancellationToken ct) =>
            Task.FromResult(new ExportedSection("Facturen", new[] { "factuur 2026-01" }, [SummaryFacts.Of(("Factuur", "factuur 2026-01"))]));
    }
}
