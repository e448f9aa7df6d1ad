using Leerkluis.Web;
using Leerkluis.Web.Features;
using Leerkluis.Web.Platform;
using Leerkluis.Web.Platform.Data;

// Command-line tools (import-edexml, audit-verify, ...) run without starting the web host.
if (await Cli.TryRunAsync(args)) return Environment.ExitCode;
if (args.Length > 0 && args[0] == "serve") args = args[1..];

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.Services.AddFeatures(builder.Configuration);

var app = builder.Build();
if (app.Configuration.GetValue("Database:MigrateAtStart", true)) await DatabaseSetup.MigrateAsync(app.Services);
app.UsePlatform();
app.MapFeatures();
await app.RunAsync();
return 0;

/// <summary>Entry point type, public so integration tests can host the application.</summary>
public partial class Program;
