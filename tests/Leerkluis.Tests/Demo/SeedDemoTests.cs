using Xunit;
using Leerkluis.Demo;
using Leerkluis.Web.Features;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Leerkluis.Tests.Demo;

/// <summary>seed-demo end to end against real databases: SQLite in a temp folder, PostgreSQL when LEERKLUIS_TEST_PG is set.</summary>
public sealed class SeedDemoTests
{
    [Fact]
    public async Task SeedDemo_Sqlite_WritesTheGeneratedDataAndWorkingLogIns()
    {
        var folder = Directory.CreateTempSubdirectory("leerkluis-demo-");
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
    public async Task SeedDemo_Postgres_WritesTheGeneratedDataAndWorkingLogIns()
    {
        var server = Environment.GetEnvironmentVariable("LEERKLUIS_TEST_PG");
        if (string.IsNullOrWhiteSpace(server)) Assert.Skip("LEERKLUIS_TEST_PG is not set (Npgsql connection string of a server where databases may be created).");
        var name = $"leerkluis_demo_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        try
        {
            await SeedAndVerifyAsync(["--Database:Provider=Postgres", $"--Database:ConnectionString={cs}"]);
        }
        finally
        {
            await using var admin = new NpgsqlConnection(server);
            // Clean up even when the test was cancelled.
            await admin.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task SeedAndVerifyAsync(string[] config)
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(0, await DemoCli.RunAsync(config, ct));
        // A second run refuses: demo data only goes into an empty database.
        Assert.Equal(1, await DemoCli.RunAsync(config, ct));

        var today = Amsterdam.Today(TimeProvider.System);
        var expected = DemoDataGenerator.Generate(1, DemoOptions.DefaultSeed, today);

        var builder = WebApplication.CreateBuilder(config);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPlatform();
        builder.Services.AddFeatures(builder.Configuration);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();

        var learners = await db.Learners.AsNoTracking().ToListAsync(ct);
        var guardians = await db.Guardians.AsNoTracking().ToListAsync(ct);
        var enrolments = await db.Enrolments.AsNoTracking().ToListAsync(ct);
        Assert.Equal(DemoDataGeneratorTests.Fingerprint(expected.Learners, expected.Guardians, expected.Enrolments),
            DemoDataGeneratorTests.Fingerprint(learners, guardians, enrolments));
        Assert.Equal(expected.Groups.Count, await db.Groups.CountAsync(ct));
        Assert.Equal(expected.Staff.Count, await db.Staff.CountAsync(ct));
        Assert.Equal(expected.GroupMemberships.Count, await db.GroupMemberships.CountAsync(ct));
        Assert.Equal(expected.LearnerGuardians.Count, await db.LearnerGuardians.CountAsync(ct));
        Assert.Equal(expected.PersonalNumberClaims.Count, await db.PersonalNumberClaims.CountAsync(ct));
        // Converted columns read back as written (enums as text, year groups as array or JSON).
        var combined = await db.Groups.AsNoTracking().FirstAsync(g => g.Name == "1/2A", ct);
        Assert.Equal([1, 2], combined.YearGroups);
        Assert.Equal(2, await db.Schools.CountAsync(s => s.Sector == SchoolSector.Primary || s.Sector == SchoolSector.Secondary, ct));
        Assert.Equal(learners.Count, await db.Enrolments.CountAsync(e => e.Kind == EnrolmentKind.Main && e.EndDate == null, ct));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var spec in expected.Accounts)
        {
            var user = await users.FindByEmailAsync(spec.Email);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, DemoAccounts.Password));
            Assert.True(await users.IsInRoleAsync(user, spec.Role));
            Assert.Equal((spec.StaffId, spec.GuardianId, spec.LearnerId), (user.StaffId, user.GuardianId, user.LearnerId));
            Assert.Equal(DemoAccounts.NeedsTwoFactor(spec.Role), await users.GetTwoFactorEnabledAsync(user));
            if (!DemoAccounts.NeedsTwoFactor(spec.Role)) continue;
            // The printed key is the one Identity checks codes against.
            var key = DemoAccounts.AuthenticatorKey(DemoOptions.DefaultSeed, spec.Email);
            Assert.Equal(key, await users.GetAuthenticatorKeyAsync(user));
            var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
            Assert.True(await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code));
        }
    }
}
