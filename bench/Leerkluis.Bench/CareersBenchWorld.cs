using Leerkluis.Demo.Careers;
using Leerkluis.Web;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Bench;

/// <summary>
/// The careers benchmarks' data: 50,000 candidates and 5,000 vacancies over ten regions (the careers demo generator at scale),
/// and a regional advisor whose desk serves three of them (15,000 candidates to search).
/// </summary>
public static class CareersBenchWorld
{
    public const int Regions = 10, CandidatesPerRegion = 5_000, VacanciesPerRegion = 500, AdvisorRegions = 3;

    public static async Task<BenchAdmin> SeedAsync(string connectionString)
    {
        Environment.SetEnvironmentVariable("Database__Provider", "Postgres");
        Environment.SetEnvironmentVariable("Database__ConnectionString", connectionString);
        await using var app = await CliHost.BuildAsync([]);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var data = CareersDemo.Generate(2026, Regions, CandidatesPerRegion, VacanciesPerRegion, DateTime.UtcNow);
        // One desk serves the first three regions.
        foreach (var region in data.Regions.Take(AdvisorRegions)) region.DeskOrganisationId = data.Desks[0].Id;
        await CareersDemo.WriteAsync(db, data, CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("ANALYZE");

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
        if (!await roles.RoleExistsAsync(Roles.RegionalAdvisor)) await roles.CreateAsync(new AppRole(Roles.RegionalAdvisor));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = "bench.adviseur@bench.invalid";
        var user = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Bench-adviseur", OrganisationId = data.Desks[0].Id, CreatedUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(user, BenchWorld.Password));
        Check(await users.AddToRoleAsync(user, Roles.RegionalAdvisor));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return new BenchAdmin(email, BenchWorld.Password, key, Guid.Empty);
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
