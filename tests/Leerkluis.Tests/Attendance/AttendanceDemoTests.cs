using Leerkluis.Demo;
using Leerkluis.Demo.Attendance;
using Leerkluis.Web.Features;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Leerkluis.Tests.Attendance;

/// <summary>seed-demo fills the attendance part: holidays, six weeks of roll calls, pending reports, a care signal, leave, the officer.</summary>
public sealed class AttendanceDemoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeedDemo_Sqlite_AttendanceHasReportsSignalLeaveAndOfficer()
    {
        var folder = Directory.CreateTempSubdirectory("leerkluis-attdemo-");
        try
        {
            await SeedAndVerifyAsync(["--Database:Provider=Sqlite", $"--Database:ConnectionString=Data Source={folder.FullName}/lk.db;Pooling=false"]);
        }
        finally
        {
            Directory.Delete(folder.FullName, recursive: true);
        }
    }

    [Fact]
    public async Task SeedDemo_Postgres_AttendanceHasReportsSignalLeaveAndOfficer()
    {
        var server = Environment.GetEnvironmentVariable("LEERKLUIS_TEST_PG");
        if (string.IsNullOrWhiteSpace(server)) Assert.Skip("LEERKLUIS_TEST_PG is not set (Npgsql connection string of a server where databases may be created).");
        var name = $"leerkluis_attdemo_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(Ct);
        }
        try
        {
            await SeedAndVerifyAsync(["--Database:Provider=Postgres", $"--Database:ConnectionString={new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }}"]);
        }
        finally
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task SeedAndVerifyAsync(string[] config)
    {
        Assert.Equal(0, await DemoCli.RunAsync(config, Ct));

        var builder = WebApplication.CreateBuilder(config);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPlatform();
        builder.Services.AddFeatures(builder.Configuration);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();

        var schools = await db.Schools.AsNoTracking().ToListAsync(Ct);
        foreach (var school in schools)
        {
            var closures = await db.Set<SchoolClosure>().AsNoTracking().Where(c => c.SchoolId == school.Id).ToListAsync(Ct);
            Assert.Contains(closures, c => c.Name == "Herfstvakantie" && c.From == new DateOnly(2026, 10, 17) && c.To == new DateOnly(2026, 10, 25));
            Assert.Contains(closures, c => c.Name == "Kerstvakantie" && c.From == new DateOnly(2026, 12, 19) && c.To == new DateOnly(2027, 1, 3));
            Assert.Contains(closures, c => c.Kind == ClosureKind.StudyDay);
            // No roll call on a holiday or study day.
            var days = await db.Set<RollCall>().AsNoTracking().Join(db.Groups.Where(g => g.SchoolId == school.Id), r => r.GroupId, g => g.Id, (r, g) => r.Day)
                .Distinct().ToListAsync(Ct);
            Assert.InRange(days.Count, 10, 30);
            Assert.DoesNotContain(days, d => closures.Any(c => c.From <= d && d <= c.To) || d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        }
        var secondary = schools.Single(s => s.Sector == SchoolSector.Secondary);
        Assert.True(await db.Set<TimetableSlot>().AnyAsync(t => db.Set<Group>().Any(g => g.Id == t.GroupId && g.SchoolId == secondary.Id), Ct));

        // A realistic mix: mostly present, some sick, late and unexcused.
        var categories = await db.Set<AttendanceRecord>().AsNoTracking().GroupBy(r => r.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Ct);
        foreach (var c in new[] { AbsenceCategory.Sick, AbsenceCategory.Late, AbsenceCategory.Unexcused, AbsenceCategory.Excused })
            Assert.Contains(categories, x => x.Key == c && x.Count > 0);
        var rollCalls = await db.Set<RollCall>().CountAsync(Ct);
        Assert.True(categories.Sum(c => c.Count) < rollCalls * 3, "most learners are present");

        var pending = await db.Set<AbsenceReport>().AsNoTracking()
            .Where(r => r.Status == AbsenceReportStatus.Pending && r.Type == AbsenceReportType.SixteenHours).Select(r => r.LearnerId).Distinct().CountAsync(Ct);
        Assert.True(pending >= 2, $"{pending} learners with a pending 16-hour report");
        Assert.True(await db.Set<CareSignal>().AnyAsync(s => s.HandledUtc == null, Ct));
        Assert.True(await db.Set<LeaveRequest>().AnyAsync(l => l.Status == LeaveStatus.Submitted, Ct));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var officer = await users.FindByEmailAsync(AttendanceDemo.OfficerEmail);
        Assert.NotNull(officer);
        Assert.True(await users.IsInRoleAsync(officer, Roles.AttendanceOfficer));
        Assert.Equal("0344", await db.Set<Organisation>().Where(o => o.Id == officer.OrganisationId).Select(o => o.MunicipalityCode).SingleAsync(Ct));
        Assert.True(await users.GetTwoFactorEnabledAsync(officer));
    }
}
