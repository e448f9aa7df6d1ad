using System.Net;
using System.Net.Http.Json;
using Leerkluis.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Leerkluis.Tests.Infrastructure;

/// <summary>
/// The whole application over HTTP on a real database. Derived fixtures pick the provider, so one test class
/// runs against SQLite and PostgreSQL alike (see <see cref="SqliteApp"/>, <see cref="PostgresApp"/>).
/// </summary>
public abstract class LeerkluisApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _db;
    public TestDatabase Database => _db ?? throw new InvalidOperationException("not started");
    public string OutboxFolder { get; } = Path.Combine(Path.GetTempPath(), "leerkluis-tests", "outbox-" + Guid.NewGuid().ToString("N"));
    public TestWorld World { get; private set; } = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>In-memory test server by default; the browser fixture serves on a real port instead.</summary>
    protected virtual void Start() => _ = Server;

    public async ValueTask InitializeAsync()
    {
        _db = await CreateDatabaseAsync();
        // Starting the server applies migrations.
        Start();
        World = await TestWorld.CreateAsync(Services);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Mail:OutboxFolder", OutboxFolder);
        builder.UseSetting("Security:LoginPermitsPerMinute", "10000");
        // Daily jobs run when a test says so (DailyJobRunner.RunOnceAsync), not at whatever time the suite runs.
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client logged in through the real log-in endpoint, with the authenticator code for staff.</summary>
    public async Task<HttpClient> LoginAsync(TestUser user)
    {
        var client = Anonymous();
        var code = user.AuthenticatorKey is { } key ? new Totp(Base32Encoding.ToBytes(key)).ComputeTotp() : null;
        var response = await client.PostAsJsonAsync("/api/v1/account/login", new LoginRequest(user.Email, TestWorld.Password, code));
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"login of {user.Email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();
}

public sealed class SqliteApp : LeerkluisApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

/// <summary>PostgreSQL fixture; tests using it are skipped (with the reason) when no server is configured.</summary>
public sealed class PostgresApp : LeerkluisApp
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        TestDatabase.PostgresServer is null ? TestDatabase.Sqlite() : await TestDatabase.PostgresAsync();

    public static void SkipWhenAbsent() =>
        Assert.SkipWhen(TestDatabase.PostgresServer is null, $"{TestDatabase.PgVariable} is not set: no PostgreSQL server for this run (./leerkluis test starts one)");
}
