using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Features.Careers.Intake;
using Leerkluis.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Careers;

/// <summary>The application with the intake's rate limit set by the test (the limit is per client address; all test requests share one).</summary>
public abstract class IntakeApp(int permitsPerMinute) : LeerkluisApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Careers:IntakePermitsPerMinute", permitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
public sealed class IntakeSqliteApp() : IntakeApp(1000)
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
public sealed class IntakePostgresApp() : IntakeApp(1000)
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        TestDatabase.PostgresServer is null ? TestDatabase.Sqlite() : await TestDatabase.PostgresAsync();
}
public sealed class RateLimitedApp() : IntakeApp(2)
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class IntakeSqliteTests(IntakeSqliteApp app) : IntakeTests<IntakeSqliteApp>(app);
public sealed class IntakePostgresTests(IntakePostgresApp app) : IntakeTests<IntakePostgresApp>(app)
{
    protected override void SkipIfAbsent() => PostgresApp.SkipWhenAbsent();
}

public abstract class IntakeTests<TApp> : IClassFixture<TApp> where TApp : LeerkluisApp
{
    protected TApp App { get; }
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IntakeTests(TApp app)
    {
        App = app;
        SkipIfAbsent();
    }

    protected virtual void SkipIfAbsent() { }

    /// <summary>A valid submission; the phone number follows the e-mail address, so tests do not match each other's people.</summary>
    private static object Valid(string email, bool consent = true, string? website = null, string? firstName = "Iris", string? phone = null) => new
    {
        firstName, lastName = "Intake", email, phone = phone ?? "06 " + (10_000_000 + (uint)email.Sum(c => c * 7919) % 89_999_999), subjects = new[] { "wiskunde" }, sectors = new[] { "vo" },
        message = "Ik wil graag wiskundedocent worden.", consent, website,
    };

    private async Task<int> CandidatesWithEmailAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var key = CandidateDuplicates.EmailKey(email);
        return await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().Set<Candidate>().CountAsync(c => c.EmailKey == key, Ct);
    }

    private async Task<int> SubmissionsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().Set<IntakeSubmission>().CountAsync(Ct);
    }

    [Fact]
    public async Task Submit_NewPerson_LandsInPipelineWithConfirmationMail()
    {
        var cw = await CareersWorld.ForAsync(App);
        var response = await App.Anonymous().PostAsJsonAsync($"/api/v1/intake/{cw.RegionA.IntakeKey}", Valid("nieuw@test.invalid"), Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("Bedankt voor je aanmelding", await response.Content.ReadAsStringAsync(Ct));

        var advisor = await App.LoginAsync(cw.AdvisorA);
        var page = await advisor.GetFromJsonAsync<CandidatePage>("/api/v1/careers/candidates?q=nieuw@test.invalid&phase=Interest", Ct);
        var row = Assert.Single(page!.Rows);
        Assert.Equal(("Iris", true), (row.FirstName, row.HasConsent));
        var mail = Directory.GetFiles(App.OutboxFolder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains("nieuw@test.invalid")).ToList();
        Assert.Single(mail);
    }

    [Fact]
    public async Task Submit_ExistingPerson_MergedForReviewNotDuplicated()
    {
        var cw = await CareersWorld.ForAsync(App);
        var client = App.Anonymous();
        await client.PostAsJsonAsync($"/api/v1/intake/{cw.RegionA.IntakeKey}", Valid("bekend@test.invalid", phone: "06 55554444"), Ct);
        // Same person via region B's website, with a different e-mail but the same phone number.
        var again = await client.PostAsJsonAsync($"/api/v1/intake/{cw.RegionB.IntakeKey}", Valid("ander-adres@test.invalid", phone: "+31 6 5555 4444"), Ct);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(0, await CandidatesWithEmailAsync("ander-adres@test.invalid"));
        Assert.Equal(1, await CandidatesWithEmailAsync("bekend@test.invalid"));

        var advisorB = await App.LoginAsync(cw.AdvisorB);
        var page = await advisorB.GetFromJsonAsync<CandidatePage>("/api/v1/careers/candidates?q=bekend@test.invalid", Ct);
        var id = Assert.Single(page!.Rows).Id;
        var card = await advisorB.GetFromJsonAsync<JsonElement>($"/api/v1/careers/candidates/{id}", Ct);
        var intake = card.GetProperty("intakes").EnumerateArray().Single(i => i.GetProperty("email").GetString() == "ander-adres@test.invalid");
        Assert.Equal(nameof(IntakeStatus.PendingReview), intake.GetProperty("status").GetString());
        Assert.Contains("zelfde telefoonnummer", intake.GetProperty("matchReasons").GetString());

        var apply = await advisorB.PostAsync($"/api/v1/careers/candidates/{id}/intakes/{intake.GetProperty("id").GetGuid()}/apply", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, apply.StatusCode);
    }

    [Fact]
    public async Task Submit_WithoutConsent_400WithFieldAndNothingStored()
    {
        var cw = await CareersWorld.ForAsync(App);
        var before = await SubmissionsAsync();
        var response = await App.Anonymous().PostAsJsonAsync($"/api/v1/intake/{cw.RegionA.IntakeKey}", Valid("geen-toestemming@test.invalid", consent: false), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.StartsWith("Geef toestemming", problem.GetProperty("errors").GetProperty("consent")[0].GetString());
        Assert.Equal((before, 0), (await SubmissionsAsync(), await CandidatesWithEmailAsync("geen-toestemming@test.invalid")));
    }

    [Fact]
    public async Task Submit_BadInput_ClearProblemAndNothingStored()
    {
        var cw = await CareersWorld.ForAsync(App);
        var client = App.Anonymous();
        var before = await SubmissionsAsync();
        var url = $"/api/v1/intake/{cw.RegionA.IntakeKey}";

        var unknown = await client.PostAsJsonAsync("/api/v1/intake/bestaat-niet", Valid("x@test.invalid"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Onbekende regiosleutel.", await unknown.Content.ReadAsStringAsync(Ct));

        var malformed = await client.PostAsync(url, new StringContent("{\"firstName\": ", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("Het formulier kon niet gelezen worden.", await malformed.Content.ReadAsStringAsync(Ct));

        var oversized = await client.PostAsJsonAsync(url, new { firstName = "Iris", lastName = "Groot", email = "groot@test.invalid", consent = true, message = new string('x', 20_000) }, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Contains("Het formulier is te groot.", await oversized.Content.ReadAsStringAsync(Ct));

        var longName = await client.PostAsJsonAsync(url, new { firstName = new string('a', 150), lastName = "Lang", email = "lang@test.invalid", consent = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        Assert.Contains("De voornaam mag hoogstens 100 tekens lang zijn.", await longName.Content.ReadAsStringAsync(Ct));

        var badEmail = await client.PostAsJsonAsync(url, Valid("geen-adres"), Ct);
        Assert.Contains("Vul een geldig e-mailadres in", await badEmail.Content.ReadAsStringAsync(Ct));

        var honeypot = await client.PostAsJsonAsync(url, Valid("robot@test.invalid", website: "http://spam.example"), Ct);
        Assert.Equal(HttpStatusCode.Accepted, honeypot.StatusCode);

        Assert.Equal(before, await SubmissionsAsync());
        Assert.Equal(0, await CandidatesWithEmailAsync("robot@test.invalid"));
    }

    [Fact]
    public async Task Cors_AllowedOriginOnlyForItsRegion()
    {
        var cw = await CareersWorld.ForAsync(App);
        var client = App.Anonymous();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"/api/v1/intake/{cw.RegionA.IntakeKey}");
        preflight.Headers.Add("Origin", CareersWorld.WebsiteOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var ok = await client.SendAsync(preflight, Ct);
        Assert.Equal(CareersWorld.WebsiteOrigin, ok.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var foreign = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/intake/{cw.RegionB.IntakeKey}") { Content = JsonContent.Create(Valid("cors@test.invalid")) };
        foreign.Headers.Add("Origin", CareersWorld.WebsiteOrigin);
        var refused = await client.SendAsync(foreign, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(0, await CandidatesWithEmailAsync("cors@test.invalid"));
    }

    [Fact]
    public async Task FormScript_IsServedWithoutLogin()
    {
        var script = await App.Anonymous().GetStringAsync("/api/v1/intake/form.js", Ct);
        Assert.Contains("/api/v1/intake/", script);
        Assert.Contains("name: 'website'", script.Replace("name: name", ""), StringComparison.Ordinal);
    }
}

public sealed class IntakeRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Submit_OverTheLimit_429AndNothingStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var cw = await CareersWorld.ForAsync(app);
        var client = app.Anonymous();
        var url = $"/api/v1/intake/{cw.RegionA.IntakeKey}";
        for (var i = 0; i < 2; i++) await client.PostAsJsonAsync(url, new { firstName = "", consent = false }, ct);
        var limited = await client.PostAsJsonAsync(url, new { firstName = "Te", lastName = "Veel", email = "teveel@test.invalid", consent = true }, ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().Set<Candidate>().AnyAsync(c => c.Email == "teveel@test.invalid", ct));
    }
}
