using System.Net.Http.Json;
using Leerkluis.Demo;
using Leerkluis.Web.Features.Accounts;
using Leerkluis.Web;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Leerkluis.Bench;

/// <summary>Generated data for a benchmark (the demo generator at bench scale) and a school admin to act as.</summary>
public sealed record BenchAdmin(string Email, string Password, string AuthenticatorKey, Guid SchoolId);

public static class BenchWorld
{
    public const string Password = "Bench-wachtwoord-2026";

    /// <summary>Migrates, seeds <paramref name="schools"/> schools and creates an admin for the largest school.</summary>
    public static async Task<BenchAdmin> SeedAsync(string connectionString, int schools)
    {
        Environment.SetEnvironmentVariable("Database__Provider", "Postgres");
        Environment.SetEnvironmentVariable("Database__ConnectionString", connectionString);
        await using var app = await CliHost.BuildAsync([]);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        await DemoSeeder.SeedAsync(db, new DemoOptions { Scale = schools });
        await db.Database.ExecuteSqlRawAsync("ANALYZE");

        var schoolId = await db.Enrolments.GroupBy(e => e.SchoolId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var staff = await db.Staff.FirstAsync(s => s.SchoolId == schoolId && s.Role == Leerkluis.Web.Features.Registry.StaffRole.SchoolAdmin);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = "bench.admin@bench.invalid";
        var user = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Bench", StaffId = staff.Id, CreatedUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, Roles.SchoolAdmin));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return new BenchAdmin(email, Password, key, schoolId);
    }

    /// <summary>A client logged in through the real log-in endpoint (cookie kept by the handler).</summary>
    public static async Task<HttpClient> LoginAsync(string baseUrl, BenchAdmin admin)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var code = new Totp(Base32Encoding.ToBytes(admin.AuthenticatorKey)).ComputeTotp();
        var response = await client.PostAsJsonAsync("/api/v1/account/login", new LoginRequest(admin.Email, admin.Password, code));
        response.EnsureSuccessStatusCode();
        return client;
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
