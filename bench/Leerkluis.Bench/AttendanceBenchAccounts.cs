using Leerkluis.Demo;
using Leerkluis.Web;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Bench;

public sealed record BenchTeacher(string Email, string AuthenticatorKey, BenchGroup Group);

public sealed record BenchGuardian(string Email, IReadOnlyList<Guid> Children);

/// <summary>
/// Log-ins for the monday-peak load: one teacher per group (a staff member who teaches it this school year, with
/// two-factor) and guardians of distinct families (each with authority over their children). Written in bulk with one
/// password hash computed by Identity's own hasher (same algorithm and iteration count as a real account, so the
/// log-in does the full check); the authenticator key sits where Identity keeps it.
/// </summary>
public static class AttendanceBenchAccounts
{
    public const string Password = "Bench-wachtwoord-2026";
    private const string AuthenticatorProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    public static async Task<(List<BenchTeacher> Teachers, List<BenchGuardian> Guardians)> CreateAsync(IReadOnlyList<BenchGroup> groups, int guardians)
    {
        await using var app = await CliHost.BuildAsync([]);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id);
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var random = new Random(11_23);

        var users = new List<AppUser>();
        var userRoles = new List<IdentityUserRole<Guid>>();
        var tokens = new List<IdentityUserToken<Guid>>();
        AppUser NewUser(string email, string role, Guid? staffId = null, Guid? guardianId = null)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, DisplayName = email, StaffId = staffId, GuardianId = guardianId,
                PreferredCulture = "nl-NL", CreatedUtc = DateTime.UtcNow,
            };
            users.Add(user);
            userRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role] });
            return user;
        }

        // A teacher per group: someone linked to it who has not been picked for another group yet.
        var staffGroups = await db.Set<StaffGroup>().AsNoTracking().ToListAsync();
        var teachersOf = staffGroups.ToLookup(sg => sg.GroupId, sg => sg.StaffId);
        var teacherStaff = (await db.Staff.AsNoTracking().Where(s => s.Role == StaffRole.Teacher).Select(s => s.Id).ToListAsync()).ToHashSet();
        var used = new HashSet<Guid>();
        var teachers = new List<BenchTeacher>();
        foreach (var group in groups)
        {
            var staffId = teachersOf[group.Id].Where(teacherStaff.Contains).OrderBy(id => id).FirstOrDefault(id => !used.Contains(id));
            if (staffId == Guid.Empty) continue;
            used.Add(staffId);
            var email = $"leerkracht{teachers.Count}@bench.invalid";
            var user = NewUser(email, Roles.Teacher, staffId: staffId);
            user.TwoFactorEnabled = true;
            var key = DemoAccounts.AuthenticatorKey(11_23, email);
            tokens.Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = AuthenticatorProvider, Name = AuthenticatorKeyName, Value = key });
            teachers.Add(new BenchTeacher(email, key, group));
        }

        // Guardians of distinct families, spread over all schools: no child is reported by two accounts.
        // Only minors: from 18 a guardian acts for the learner only with their consent (ACCESS.md), so a report would be refused.
        var adultBorn = AttendanceBenchWorld.Today.AddYears(-18);
        var links = await db.LearnerGuardians.AsNoTracking().Where(l => l.HasAuthority)
            .Join(db.Learners.Where(x => x.BirthDate > adultBorn), l => l.LearnerId, x => x.Id, (l, _) => new { l.GuardianId, l.LearnerId })
            .ToListAsync();
        var families = links.GroupBy(l => l.GuardianId).Select(g => (Guardian: g.Key, Children: g.Select(l => l.LearnerId).ToList()))
            .OrderBy(_ => random.Next()).ToList();
        var reported = new HashSet<Guid>();
        var guardianAccounts = new List<BenchGuardian>();
        foreach (var (guardianId, children) in families)
        {
            if (guardianAccounts.Count == guardians) break;
            if (children.Any(reported.Contains)) continue;
            reported.UnionWith(children);
            var email = $"ouder{guardianAccounts.Count}@bench.invalid";
            NewUser(email, Roles.Guardian, guardianId: guardianId);
            guardianAccounts.Add(new BenchGuardian(email, children));
        }

        await db.Database.OpenConnectionAsync();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.WriteAsync(db, users, default);
            await BulkInsert.WriteAsync(db, userRoles, default);
            await BulkInsert.WriteAsync(db, tokens, default);
            await tx.CommitAsync();
        }
        await db.Database.CloseConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("""ANALYZE "AspNetUsers", "AspNetUserRoles", "AspNetUserTokens" """);
        return (teachers, guardianAccounts);
    }
}
