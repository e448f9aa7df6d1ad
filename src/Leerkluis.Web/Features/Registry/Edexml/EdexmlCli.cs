using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry.Edexml;

/// <summary>
/// <c>leerkluis import-edexml FILE --school BRIN[LL] [--skip-invalid]</c>: the same import as the web page, acting as
/// the system, with the web host's configuration (appsettings, environment, and any --Section:Key=value).
/// Exit codes: 0 written, 1 refused (nothing written), 2 wrong use.
/// </summary>
public static class EdexmlCli
{
    public const string Usage = "Gebruik: import-edexml BESTAND --school BRIN[VESTIGING] [--skip-invalid]";

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        var @out = output ?? Console.Out;
        if (args.Length > 0 && args[0] == "import-edexml") args = args[1..];
        string? path = null, schoolCode = null;
        var skipInvalid = false;
        var configArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--school" when i + 1 < args.Length: schoolCode = args[++i].Trim().ToUpperInvariant(); break;
                case "--skip-invalid": skipInvalid = true; break;
                case var a when a.StartsWith("--", StringComparison.Ordinal): configArgs.Add(a); break;
                case var a when path is null: path = a; break;
                default:
                    await @out.WriteLineAsync($"Onbekend argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }
        if (path is null || schoolCode is null || !(schoolCode.Length is 4 or 6))
        {
            await @out.WriteLineAsync(Usage);
            return 2;
        }
        if (!File.Exists(path))
        {
            await @out.WriteLineAsync($"Bestand '{path}' bestaat niet.");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configArgs.ToArray() });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddLeerkluisDb(DatabaseSetup.Read(builder.Configuration));
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddDossierGuard();
        builder.Services.AddRegistry();
        builder.Services.AddEdexml();
        using var host = builder.Build();
        await DatabaseSetup.MigrateAsync(host.Services);

        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System());
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var brin = schoolCode[..4];
        var schools = await db.Schools.AsNoTracking().Where(s => s.Brin == brin).ToListAsync();
        var school = schoolCode.Length == 6 ? schools.FirstOrDefault(s => s.LocationCode == schoolCode[4..])
            : schools.Count == 1 ? schools[0] : null;
        if (school is null)
        {
            await @out.WriteLineAsync(schools.Count > 1
                ? $"Brin {brin} heeft meerdere vestigingen ({string.Join(", ", schools.Select(s => s.Code))}); geef BRIN plus vestiging op."
                : $"School {schoolCode} is niet bekend in Leerkluis.");
            return 2;
        }

        var importer = scope.ServiceProvider.GetRequiredService<EdexmlImporter>();
        await using var stream = File.OpenRead(path);
        var result = await importer.ImportAsync(stream, school.Id, skipInvalid);
        await @out.WriteLineAsync($"{school.Name} ({school.Code}): {result.Summary}");
        await @out.WriteLineAsync($"created={result.Created} updated={result.Updated} unchanged={result.Unchanged} skipped={result.Skipped}");
        foreach (var p in result.Problems) await @out.WriteLineAsync("  " + p);
        if (result.Refused && !skipInvalid && result.Problems.Count > 0)
            await @out.WriteLineAsync("Gebruik --skip-invalid om de goede records wel in te lezen en de foute over te slaan.");
        return result.Written ? 0 : 1;
    }
}
