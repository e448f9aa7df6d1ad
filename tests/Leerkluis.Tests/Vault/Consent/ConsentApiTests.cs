using System.Net;
using System.Net.Http.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Features.Vault.Consent;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebConsent = Leerkluis.Web.Features.Vault.Consent.Consent;

namespace Leerkluis.Tests.Vault.Consent;

public sealed class ConsentApiSqliteTests(SqliteApp app) : ConsentApiTests<SqliteApp>(app);
public sealed class ConsentApiPostgresTests(PostgresApp app) : ConsentApiTests<PostgresApp>(app);

/// <summary>Consent over HTTP: a guardian grants, the partner reads exactly that, revocation and expiry end it, the age rules, bad input.</summary>
public abstract class ConsentApiTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string Until(int days) => TestWorld.Today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Grant_ByGuardian_PartnerReadsExactlyGrantedSectionsUntilRevoked()
    {
        var cw = await ConsentWorld.EnsureAsync(App);
        var parent = await App.LoginAsync(W.ParentA);
        var partner = await App.LoginAsync(cw.Partner);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).StatusCode);

        var granted = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/consents",
            new { organisationId = cw.Swv.Id, sections = new[] { "Personalia", "Family" }, validUntil = Until(60), purpose = "Onderzoek naar extra ondersteuning" }, Ct);
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var consentId = (await granted.Content.ReadFromJsonAsync<ConsentApi.CreatedId>(Ct))!.Id;

        var received = await partner.GetFromJsonAsync<List<ReceivedConsent>>("/api/v1/consents/received", Ct);
        var row = Assert.Single(received!, r => r.ConsentId == consentId);
        Assert.Equal(W.LearnerA.Id, row.LearnerId);
        Assert.Equal("Sanne de Testvries", row.LearnerName);
        Assert.Equal(["Personalia", "Family"], row.Sections);

        var cardResponse = await partner.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct);
        var json = await cardResponse.Content.ReadAsStringAsync(Ct);
        var card = await cardResponse.Content.ReadFromJsonAsync<LearnerCard>(Ct);
        Assert.Equal("Sanne", card!.FirstNames);
        Assert.NotNull(card.Guardians);                // Family granted
        Assert.Null(card.Enrolments);                  // not granted (and never for a grantee)
        Assert.Null(card.Groups);
        Assert.Null(card.PersonalNumber);              // the PGN never goes to a samenwerkingsverband
        Assert.Null(card.PersonalNumberLastFour);
        Assert.DoesNotContain("111222333", json);
        Assert.False(card.CanEdit);

        // Another samenwerkingsverband sees nothing.
        var elsewhere = await App.LoginAsync(cw.PartnerElsewhere);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).StatusCode);
        Assert.Empty((await elsewhere.GetFromJsonAsync<List<ReceivedConsent>>("/api/v1/consents/received", Ct))!);

        var list = await parent.GetFromJsonAsync<ConsentList>($"/api/v1/learners/{W.LearnerA.Id}/consents", Ct);
        Assert.Contains(list!.Active, c => c.Id == consentId && c.GranteeName == cw.Swv.Name);
        Assert.True(list.CanManage);

        Assert.Equal(HttpStatusCode.NoContent, (await parent.PostAsync($"/api/v1/learners/{W.LearnerA.Id}/consents/{consentId}/revoke", null, Ct)).StatusCode);
        // The very next request of the partner is denied, and the list moves the consent to the past.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).StatusCode);
        Assert.DoesNotContain((await partner.GetFromJsonAsync<List<ReceivedConsent>>("/api/v1/consents/received", Ct))!, r => r.ConsentId == consentId);
        list = await parent.GetFromJsonAsync<ConsentList>($"/api/v1/learners/{W.LearnerA.Id}/consents", Ct);
        Assert.Contains(list!.Past, c => c.Id == consentId && c.RevokedUtc is not null);

        // Grant and revocation are audited in the learner's chain, with the partner's reads on the Consent basis.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var entries = await db.AuditEntries.Where(a => a.LearnerId == W.LearnerA.Id).ToListAsync(Ct);
        Assert.Contains(entries, e => e.Action == "consent-grant" && e.Section == Section.Consent && e.Operation == Operation.Write && e.Allowed);
        Assert.Contains(entries, e => e.Action == "consent-revoke" && e.Allowed);
        Assert.Contains(entries, e => e.ActorUserId == cw.Partner.UserId && e.Basis == Basis.Consent && e.Section == Section.Family);
        Assert.DoesNotContain(entries, e => e.ActorUserId == cw.Partner.UserId && e.Section == Section.PersonalNumber && e.Allowed);
    }

    [Fact]
    public async Task Consent_ValidUntilYesterday_PartnerGets404()
    {
        var cw = await ConsentWorld.EnsureAsync(App);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
            db.Set<WebConsent>().Add(new WebConsent
            {
                LearnerId = W.LearnerB.Id, Id = Guid.CreateVersion7(), OrganisationId = cw.Swv.Id, Sections = [Section.Personalia], Purpose = "Verlopen",
                GrantedByUserId = W.ParentB.UserId, GrantedUtc = DateTime.UtcNow.AddDays(-30), ValidUntil = TestWorld.Today.AddDays(-1),
            });
            await db.SaveChangesAsync(Ct);
        }
        var partner = await App.LoginAsync(cw.Partner);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/learners/{W.LearnerB.Id}", Ct)).StatusCode);
        Assert.DoesNotContain((await partner.GetFromJsonAsync<List<ReceivedConsent>>("/api/v1/consents/received", Ct))!, r => r.LearnerId == W.LearnerB.Id);
        var parent = await App.LoginAsync(W.ParentB);
        var list = await parent.GetFromJsonAsync<ConsentList>($"/api/v1/learners/{W.LearnerB.Id}/consents", Ct);
        Assert.Contains(list!.Past, c => c.Purpose == "Verlopen" && !c.Active);
    }

    [Fact]
    public async Task Grant_LearnerOf16_LearnerMayGuardianMayNot()
    {
        var cw = await ConsentWorld.EnsureAsync(App);
        var body = new { organisationId = cw.Swv.Id, sections = new[] { "Absence" }, validUntil = Until(30), purpose = "Verzuimbegeleiding" };
        var parent = await App.LoginAsync(W.ParentA);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.PostAsJsonAsync($"/api/v1/learners/{cw.Teen.Id}/consents", body, Ct)).StatusCode);
        var teen = await App.LoginAsync(cw.TeenLearner);
        Assert.Equal(HttpStatusCode.Created, (await teen.PostAsJsonAsync($"/api/v1/learners/{cw.Teen.Id}/consents", body, Ct)).StatusCode);
        // The guardian still sees the consent (their basis holds until 18) but may not revoke it.
        var list = await parent.GetFromJsonAsync<ConsentList>($"/api/v1/learners/{cw.Teen.Id}/consents", Ct);
        var consent = Assert.Single(list!.Active);
        Assert.False(list.CanManage);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.PostAsync($"/api/v1/learners/{cw.Teen.Id}/consents/{consent.Id}/revoke", null, Ct)).StatusCode);
        // A learner under 16 cannot grant for themself: the child's own log-in is not enough (LearnerA is 11; the teen tries LearnerA).
        Assert.Equal(HttpStatusCode.NotFound, (await teen.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/consents", body, Ct)).StatusCode);
    }

    [Fact]
    public async Task Grant_BadInput_400WithFieldMessagesAndNothingWritten()
    {
        var cw = await ConsentWorld.EnsureAsync(App);
        var parent = await App.LoginAsync(W.ParentA);
        var before = await CountAsync(W.LearnerA.Id);

        var past = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/consents",
            new { organisationId = cw.Swv.Id, sections = new[] { "Medical" }, validUntil = Until(-1), purpose = "Test" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var problem = await past.Content.ReadFromJsonAsync<Problem>(Ct);
        Assert.Equal("Geldig tot mag niet in het verleden liggen.", Assert.Single(problem!.Errors["validUntil"]));

        var none = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/consents",
            new { organisationId = cw.Swv.Id, sections = Array.Empty<string>(), validUntil = Until(10), purpose = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        problem = await none.Content.ReadFromJsonAsync<Problem>(Ct);
        Assert.Equal("Kies ten minste één onderdeel van het dossier.", Assert.Single(problem!.Errors["sections"]));
        Assert.Contains("purpose", problem.Errors.Keys);

        var pgn = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/consents",
            new { organisationId = cw.Swv.Id, sections = new[] { "PersonalNumber" }, validUntil = Until(10), purpose = "Test" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, pgn.StatusCode);
        Assert.Contains("BSN of onderwijsnummer", await pgn.Content.ReadAsStringAsync(Ct));

        var tooLong = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/consents",
            new { organisationId = cw.Inspectorate.Id, sections = new[] { "Medical" }, validUntil = Until(365 * 3), purpose = "Test" }, Ct);
        problem = await tooLong.Content.ReadFromJsonAsync<Problem>(Ct);
        Assert.Equal("Geldig tot mag hoogstens 2 jaar vooruit liggen.", Assert.Single(problem!.Errors["validUntil"]));
        Assert.Contains("organisationId", problem.Errors.Keys); // the inspectorate cannot hold a consent

        Assert.Equal(before, await CountAsync(W.LearnerA.Id));
    }

    [Fact]
    public async Task Consents_GuessedIdsAcrossFamiliesAndSchools_404AndNothingLeaks()
    {
        var cw = await ConsentWorld.EnsureAsync(App);
        var parentA = await App.LoginAsync(W.ParentA);
        var created = await parentA.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/consents",
            new { organisationId = cw.Swv.Id, sections = new[] { "Medical" }, validUntil = Until(10), purpose = "Geheim doel" }, Ct);
        var consentId = (await created.Content.ReadFromJsonAsync<ConsentApi.CreatedId>(Ct))!.Id;
        var body = new { organisationId = cw.Swv.Id, sections = new[] { "Medical" }, validUntil = Until(10), purpose = "x" };

        var parentB = await App.LoginAsync(W.ParentB);
        var adminB = await App.LoginAsync(W.AdminB);
        var adminA = await App.LoginAsync(W.AdminA);
        foreach (var client in new[] { parentB, adminB, adminA })
        {
            var list = await client.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/consents", Ct);
            Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
            Assert.DoesNotContain("Geheim", await list.Content.ReadAsStringAsync(Ct));
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/consents", body, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/learners/{W.LearnerA.Id}/consents/{consentId}/revoke", null, Ct)).StatusCode);
        }
        // ParentB's own child with LearnerA's consent id: the consent is not found under another learner.
        Assert.Equal(HttpStatusCode.NotFound, (await parentB.PostAsync($"/api/v1/learners/{W.LearnerB.Id}/consents/{consentId}/revoke", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await parentB.GetAsync($"/api/v1/learners/{Guid.NewGuid()}/consents", Ct)).StatusCode);
        // The partner cannot manage consents, only read what was granted; the received list is not for families.
        var partner = await App.LoginAsync(cw.Partner);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/consents", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await parentA.GetAsync("/api/v1/consents/received", Ct)).StatusCode);

        var still = await parentA.GetFromJsonAsync<ConsentList>($"/api/v1/learners/{W.LearnerA.Id}/consents", Ct);
        Assert.Contains(still!.Active, c => c.Id == consentId);
    }

    [Fact]
    public async Task Pages_LearnerOf16AndGuardian_ShowWhoManagesConsent()
    {
        var cw = await ConsentWorld.EnsureAsync(App);
        var teen = await App.LoginAsync(cw.TeenLearner);
        var home = await teen.GetStringAsync("/Leerling", Ct);
        Assert.Contains("Jesse", home);
        Assert.Contains("/Leerling/Toestemming", home);
        var own = await teen.GetStringAsync("/Leerling/Toestemming", Ct);
        Assert.Contains("id=\"toestemming-form\"", own);
        Assert.Contains(cw.Swv.Name, own);
        Assert.DoesNotContain(cw.Inspectorate.Name, own); // the inspectorate never holds a consent

        var parent = await App.LoginAsync(W.ParentA);
        var teenPage = await parent.GetStringAsync($"/Ouder/Kind/{cw.Teen.Id}/Toestemming", Ct);
        Assert.DoesNotContain("id=\"toestemming-form\"", teenPage);
        Assert.Contains("Vanaf 16 jaar beslist de leerling zelf over toestemming.", teenPage);
        Assert.Contains("id=\"toestemming-form\"", await parent.GetStringAsync($"/Ouder/Kind/{W.LearnerA.Id}/Toestemming", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/Ouder/Kind/{W.LearnerB.Id}/Toestemming", Ct)).StatusCode);
        var partner = await App.LoginAsync(cw.Partner);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Partner/Leerling/{W.LearnerB.Id}", Ct)).StatusCode);
    }

    private sealed record Problem(Dictionary<string, string[]> Errors);

    private async Task<int> CountAsync(Guid learnerId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().Set<WebConsent>().CountAsync(c => c.LearnerId == learnerId, Ct);
    }
}
