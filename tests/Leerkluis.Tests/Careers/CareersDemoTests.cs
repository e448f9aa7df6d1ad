using Leerkluis.Demo;
using Leerkluis.Demo.Careers;
using Leerkluis.Web.Features;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Activities;
using Leerkluis.Web.Features.Careers.Catalog;
using Leerkluis.Web.Features.Careers.Documents;
using Leerkluis.Web.Features.Careers.Introductions;
using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leerkluis.Tests.Careers;

public sealed class CareersDemoTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Generate_Demo_ThreeRegionsAbout400CandidatesWithConsistentHistory()
    {
        var d = CareersDemo.Generate(7, regions: 3, candidatesPerRegion: 134, vacanciesPerRegion: 12, Now);
        Assert.Equal(3, d.Regions.Count);
        Assert.Equal(402, d.Candidates.Count);
        Assert.Equal(36, d.Vacancies.Count);
        Assert.Equal(9, d.Programmes.Count);
        // Every candidate's history walks from phase 1 to its current phase, one step at a time.
        var changes = d.PhaseChanges.ToLookup(p => p.CandidateId);
        Assert.All(d.Candidates, c => Assert.Equal(Enumerable.Range(1, (int)c.Phase), changes[c.Id].Select(p => (int)p.To)));
        // A funnel: more candidates in interest than at the start.
        Assert.True(d.Candidates.Count(c => c.Phase == Phase.Interest) > d.Candidates.Count(c => c.Phase == Phase.Start));
        Assert.All(d.Candidates, c => Assert.NotNull(c.EmailKey));
    }

    [Fact]
    public void Generate_SameSeed_SameCandidates()
    {
        var a = CareersDemo.Generate(3, 1, 50, 5, Now).Candidates.Select(c => (c.FirstName, c.LastName, c.Phase, string.Join(",", c.Subjects)));
        var b = CareersDemo.Generate(3, 1, 50, 5, Now).Candidates.Select(c => (c.FirstName, c.LastName, c.Phase, string.Join(",", c.Subjects)));
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task SeedDemo_Sqlite_WritesCareersDataAndLogIns()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("leerkluis-careers-demo-");
        try
        {
            string[] config = ["--Database:Provider=Sqlite", $"--Database:ConnectionString=Data Source={folder.FullName}/lk.db;Pooling=false"];
            Assert.Equal(0, await DemoCli.RunAsync(config, ct));
            var builder = WebApplication.CreateBuilder(config);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddPlatform();
            builder.Services.AddFeatures(builder.Configuration);
            await using var app = builder.Build();
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
            Assert.Equal(3, await db.Set<Region>().CountAsync(ct));
            Assert.Equal(402, await db.Set<Candidate>().CountAsync(ct));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var advisor = await users.FindByEmailAsync("adviseur@regio.demo.invalid");
            Assert.True(await users.IsInRoleAsync(advisor!, Roles.RegionalAdvisor));
            Assert.True(await db.Set<Region>().AnyAsync(r => r.DeskOrganisationId == advisor!.OrganisationId, ct));
            var candidate = await users.FindByEmailAsync("overstapper@regio.demo.invalid");
            var own = await db.Set<Candidate>().SingleAsync(c => c.UserId == candidate!.Id, ct);
            Assert.Equal(("Otto", advisor!.Id), (own.FirstName, own.OwnerUserId));
            var hr = await users.FindByEmailAsync("hr@regio.demo.invalid");
            var coordinator = await users.FindByEmailAsync("opleiding@regio.demo.invalid");
            var boardVacancies = await db.Set<Vacancy>().Where(v => db.Set<PartnerOrganisation>().Any(p => p.Id == v.PartnerOrganisationId && p.OrganisationId == hr!.OrganisationId)).Select(v => v.Id).ToListAsync(ct);
            Assert.True(boardVacancies.Count >= 4);
            Assert.True(await db.Set<Introduction>().CountAsync(i => boardVacancies.Contains(i.TargetId), ct) >= 4);
            Assert.True(await db.Set<PartnerOrganisation>().AnyAsync(p => p.OrganisationId == coordinator!.OrganisationId && p.Kind == PartnerKind.TrainingProgramme, ct));
            Assert.Equal(18, await db.Set<Activity>().CountAsync(ct));
            Assert.True(await db.Set<ActivityRegistration>().CountAsync(r => r.Status == AttendanceStatus.Attended, ct) > 0);
            Assert.Equal(15, await db.Set<CandidateDocument>().CountAsync(ct));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder.FullName, recursive: true);
        }
    }
}
