using System.Text.RegularExpressions;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OtpNet;

namespace Leerkluis.Tests.Infrastructure;

/// <summary>
/// The one host (<see cref="LeerkluisApp"/>) on SQLite, with what the account tests arrange themselves: schools,
/// staff with or without two factors, guardians, and the mails in the outbox.
/// </summary>
public sealed partial class AccountsApp : LeerkluisApp
{
    public const string Password = "Zomer2026!Kluis";

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    public HttpClient Browser() => Anonymous();

    public async Task<Guid> CreateSchoolAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var board = new Board { Id = Guid.CreateVersion7(), Name = "Stichting Test" };
        var code = Random.Shared.Next(10, 99);
        var school = new Web.Features.Registry.School
        {
            Id = Guid.CreateVersion7(), BoardId = board.Id, Brin = $"{code}ZZ", LocationCode = $"{Random.Shared.Next(10, 99)}", Name = "De Kluis " + code,
        };
        db.AddRange(board, school);
        await db.SaveChangesAsync();
        return school.Id;
    }

    /// <summary>A staff member with an account; returns the authenticator key when two-factor is switched on.</summary>
    public async Task<(string Email, string? Key)> CreateStaffAsync(Guid schoolId, string role, bool twoFactor)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@school.test";
        var staffRole = role switch { Roles.SchoolAdmin => StaffRole.SchoolAdmin, Roles.CareCoordinator => StaffRole.CareCoordinator, _ => StaffRole.Teacher };
        var staff = new Staff { Id = Guid.CreateVersion7(), SchoolId = schoolId, FirstName = "Sam", LastName = "Medewerker", Email = email, Role = staffRole };
        db.Staff.Add(staff);
        await db.SaveChangesAsync();
        return await CreateUserAsync(scope.ServiceProvider, email, role, twoFactor, u => u.StaffId = staff.Id);
    }

    public async Task<(string Email, string? Key)> CreateGuardianUserAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await CreateUserAsync(scope.ServiceProvider, $"ouder-{Guid.NewGuid():N}@thuis.test", Roles.Guardian, false, _ => { });
    }

    private static async Task<(string, string?)> CreateUserAsync(IServiceProvider sp, string email, string role, bool twoFactor, Action<AppUser> link)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var roles = sp.GetRequiredService<RoleManager<AppRole>>();
        if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new AppRole(role)));
        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = "Sam Medewerker", CreatedUtc = DateTime.UtcNow };
        link(user);
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        if (!twoFactor) return (email, null);
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return (email, await users.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>A learner enrolled at the school with one guardian; the guardian's e-mail may be left out.</summary>
    public async Task<Guid> CreateGuardianOfLearnerAsync(Guid schoolId, string? email)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var learner = new Learner { Id = Guid.CreateVersion7(), FirstNames = "Noor", LastName = "Jansen", BirthDate = new DateOnly(2017, 3, 4), CreatedUtc = DateTime.UtcNow };
        var guardian = new Guardian { Id = Guid.CreateVersion7(), FirstName = "Eva", LastName = "Jansen", Email = email };
        db.AddRange(learner, guardian,
            new Enrolment { LearnerId = learner.Id, Id = Guid.CreateVersion7(), SchoolId = schoolId, StartDate = new DateOnly(2021, 8, 20) },
            new LearnerGuardian { LearnerId = learner.Id, Id = Guid.CreateVersion7(), GuardianId = guardian.Id });
        await db.SaveChangesAsync();
        return guardian.Id;
    }

    public async Task<AppUser?> FindUserAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    public static string Totp(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }

    /// <summary>Mails sent to this address, newest last.</summary>
    public IReadOnlyList<MimeMessage> MailTo(string address) =>
        !Directory.Exists(OutboxFolder) ? [] :
        Directory.GetFiles(OutboxFolder, "*.eml").Order().Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The site-relative part of the first link in a mail's text.</summary>
    public static string LinkIn(MimeMessage mail)
    {
        var match = LinkPattern().Match(mail.TextBody ?? "");
        if (!match.Success) throw new InvalidOperationException("No link in the mail.");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")] private static partial Regex LinkPattern();
}
