using System.Diagnostics;
using System.Globalization;
using Leerkluis.Demo.Attendance;
using Leerkluis.Demo.Careers;
using Leerkluis.Web.Features;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leerkluis.Demo;

/// <summary>
/// <c>leerkluis seed-demo [--scale N] [--seed S] [--no-accounts]</c>: fills an empty database with invented
/// demo data (scale 1) or N schools of bench data, using the web app's own configuration and migrations.
/// </summary>
public static class DemoCli
{
    internal const string Usage = "Gebruik: leerkluis seed-demo [--scale N] [--seed S] [--no-accounts]";

    public static async Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        var options = new DemoOptions();
        var accounts = true;
        var hostArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--scale" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var scale) && scale >= 1:
                    options = options with { Scale = scale };
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    i++;
                    break;
                case "--no-accounts":
                    accounts = false;
                    break;
                case "--scale" or "--seed" or "-h" or "--help":
                    Console.Error.WriteLine(Usage);
                    return 2;
                default:
                    hostArgs.Add(args[i]); // configuration overrides such as --Database:Provider=Postgres
                    break;
            }
        }

        // The web app's host, named after it: its configuration (appsettings, user secrets, Database__* variables) and registrations.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = hostArgs.ToArray(),
            ApplicationName = typeof(LeerkluisDb).Assembly.GetName().Name,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPlatform();
        builder.Services.AddFeatures(builder.Configuration);
        await using var app = builder.Build();

        var watch = Stopwatch.StartNew();
        await DatabaseSetup.MigrateAsync(app.Services, ct);
        var migrated = watch.Elapsed;

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        if (await db.Learners.AnyAsync(ct))
        {
            Console.Error.WriteLine("De database bevat al leerlingen. seed-demo vult alleen een lege database (./leerkluis maakt voor de demo een nieuwe aan).");
            return 1;
        }

        Console.WriteLine(options.IsDemo
            ? $"Demodata genereren (seed {options.Seed}) in {(db.IsPostgres ? "PostgreSQL" : "SQLite")}..."
            : $"Benchdata genereren: {options.Scale} scholen (seed {options.Seed}) in {(db.IsPostgres ? "PostgreSQL" : "SQLite")}...");
        var summary = await DemoSeeder.SeedAsync(db, options, ct);

        IReadOnlyList<DemoLogin> logins = [];
        var accountTime = TimeSpan.Zero;
        if (accounts && summary.Accounts.Count > 0)
        {
            var started = watch.Elapsed;
            logins = await DemoAccounts.CreateAsync(
                scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>(),
                summary.Accounts, options.Seed, TimeProvider.System);
            accountTime = watch.Elapsed - started;
        }
        // Careers slice: regional desks, candidates, vacancies and their log-ins (demo scale only).
        if (accounts && options.IsDemo) logins = [.. logins, .. await CareersDemo.SeedDemoAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), options.Seed, TimeProvider.System, ct)];

        // Attendance slice: holidays, six weeks of roll calls, pending reports, a care signal, leave, the officer's log-in.
        if (options.IsDemo) logins = [.. logins, .. await AttendanceDemo.SeedAsync(scope.ServiceProvider, options.Seed, accounts, ct)];
        Print(summary, logins, migrated, accountTime, watch.Elapsed);
        return 0;
    }

    private static void Print(DemoSummary s, IReadOnlyList<DemoLogin> logins, TimeSpan migrated, TimeSpan accountTime, TimeSpan total)
    {
        var c = CultureInfo.GetCultureInfo("nl-NL");
        if (logins.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Demo-log-ins (wachtwoord voor iedereen: " + DemoAccounts.Password + ")");
            var rows = logins.Select(l => new[] { l.Role, l.Email, l.AuthenticatorKey ?? "-", $"{l.DisplayName}: {l.Description}" }).ToList();
            string[] header = ["rol", "e-mail", "authenticatorsleutel (TOTP)", "wie"];
            var widths = Enumerable.Range(0, header.Length).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
            string Line(string[] r) => string.Join("  ", r.Select((x, i) => i == r.Length - 1 ? x : x.PadRight(widths[i]))).TrimEnd();
            Console.WriteLine(Line(header));
            Console.WriteLine(Line(widths.Select(w => new string('-', w)).ToArray()));
            foreach (var r in rows) Console.WriteLine(Line(r));
            Console.WriteLine();
            Console.WriteLine("Medewerkers en beheer loggen in met een tweede factor: voeg de sleutel toe in een authenticator-app");
            Console.WriteLine("(handmatig invoeren, tijdgebaseerd, 6 cijfers, 30 s). De sleutels zijn vast per seed: alleen voor demo's.");
        }
        Console.WriteLine();
        Console.WriteLine(string.Format(c, "Besturen {0:N0} · scholen {1:N0} · groepen {2:N0} · medewerkers {3:N0} · leerlingen {4:N0} · ouders/verzorgers {5:N0}",
            s.Boards, s.Schools, s.Groups, s.Staff, s.Learners, s.Guardians));
        Console.WriteLine(string.Format(c, "Inschrijvingen {0:N0} · groepslidmaatschappen {1:N0} · leerling-ouderrelaties {2:N0}",
            s.Enrolments, s.GroupMemberships, s.LearnerGuardians));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "Tijd: migreren {0:F1} s · genereren {1:F1} s · wegschrijven {2:F1} s · accounts {3:F1} s · totaal {4:F1} s",
            migrated.TotalSeconds, s.Generation.TotalSeconds, s.Insert.TotalSeconds, accountTime.TotalSeconds, total.TotalSeconds));
    }
}
