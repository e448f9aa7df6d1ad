using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Registry;

public sealed class RegistryApiSqliteTests(SqliteApp app) : RegistryApiTests<SqliteApp>(app);
public sealed class RegistryApiPostgresTests(PostgresApp app) : RegistryApiTests<PostgresApp>(app);

public abstract class RegistryApiTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_AsSchoolAdmin_ListsOwnSchoolOnlyWithNumbers()
    {
        var client = await App.LoginAsync(W.AdminA);
        var page = await client.GetFromJsonAsync<LearnerPage>("/api/v1/learners?pageSize=200", Ct);
        Assert.NotNull(page);
        var ids = page.Rows.Select(r => r.Id).ToList();
        Assert.Contains(W.LearnerA.Id, ids);
        Assert.Contains(W.LearnerA7.Id, ids);
        Assert.DoesNotContain(W.LearnerB.Id, ids);
        Assert.Equal("111222333", page.Rows.Single(r => r.Id == W.LearnerA.Id).PersonalNumber);
        Assert.True(page.Rows.Single(r => r.Id == W.LearnerA7.Id).IdentityIncomplete);
    }

    [Fact]
    public async Task Search_AsTeacher_ListsOwnGroupWithoutNumbers()
    {
        var client = await App.LoginAsync(W.TeacherA);
        var page = await client.GetFromJsonAsync<LearnerPage>("/api/v1/learners", Ct);
        Assert.NotNull(page);
        var row = Assert.Single(page.Rows, r => r.Id == W.LearnerA.Id);
        Assert.Null(row.PersonalNumber);
        Assert.DoesNotContain(page.Rows, r => r.Id == W.LearnerA7.Id);
    }

    [Fact]
    public async Task Search_ByNameAndGroupName_FindsLearner()
    {
        var client = await App.LoginAsync(W.AdminA);
        var byName = await client.GetFromJsonAsync<LearnerPage>("/api/v1/learners?q=testvries", Ct);
        Assert.Contains(byName!.Rows, r => r.Id == W.LearnerA.Id);
        var byGroup = await client.GetFromJsonAsync<LearnerPage>("/api/v1/learners?q=7", Ct);
        Assert.Contains(byGroup!.Rows, r => r.Id == W.LearnerA7.Id);
        Assert.DoesNotContain(byGroup.Rows, r => r.Id == W.LearnerA.Id);
        var incomplete = await client.GetFromJsonAsync<LearnerPage>("/api/v1/learners?identityIncomplete=true", Ct);
        Assert.All(incomplete!.Rows, r => Assert.True(r.IdentityIncomplete));
    }

    [Fact]
    public async Task Card_TeacherOfOtherGroup_Returns404()
    {
        var client = await App.LoginAsync(W.TeacherA);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/learners/{W.LearnerA7.Id}", Ct)).StatusCode);
        var card = await client.GetFromJsonAsync<LearnerCard>($"/api/v1/learners/{W.LearnerA.Id}", Ct);
        Assert.Equal("Sanne", card!.FirstNames);
        Assert.Null(card.PersonalNumber); // teachers never see the PGN
    }

    [Fact]
    public async Task Card_OtherSchoolsAdminGuessingId_Returns404AndAuditsAttempt()
    {
        var client = await App.LoginAsync(W.AdminB);
        var response = await client.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Sanne", await response.Content.ReadAsStringAsync(Ct));
        var unknown = await client.GetAsync($"/api/v1/learners/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LearnerId == W.LearnerA.Id && !a.Allowed && a.ActorUserId == W.AdminB.UserId, Ct));
    }

    [Fact]
    public async Task Card_SchoolAdminRead_IsAuditedWithBasis()
    {
        var client = await App.LoginAsync(W.AdminA);
        var card = await client.GetFromJsonAsync<LearnerCard>($"/api/v1/learners/{W.LearnerA.Id}", Ct);
        Assert.Equal("111222333", card!.PersonalNumber);
        Assert.Contains(card.Guardians!, g => g.Name == "Eva de Testvries");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var entries = await db.AuditEntries.Where(a => a.LearnerId == W.LearnerA.Id && a.ActorUserId == W.AdminA.UserId && a.Allowed).ToListAsync(Ct);
        Assert.Contains(entries, e => e.Section == Section.Personalia && e.Operation == Operation.Read && e.Basis == Basis.Enrolment);
        Assert.Contains(entries, e => e.Section == Section.PersonalNumber);
    }

    [Fact]
    public async Task Card_PlatformAdmin_Returns404()
    {
        var client = await App.LoginAsync(W.PlatformAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Guardian_SeesOwnChildrenOnly()
    {
        var client = await App.LoginAsync(W.ParentA);
        var children = await client.GetFromJsonAsync<List<ChildSummary>>("/api/v1/guardians/me/children", Ct);
        var child = Assert.Single(children!);
        Assert.Equal(W.LearnerA.Id, child.Id);
        Assert.Equal("Basisschool De Testboom", child.SchoolName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/learners/{W.LearnerB.Id}", Ct)).StatusCode);
        // A guardian may not use staff endpoints at all.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/learners", Ct)).StatusCode);
    }

    [Fact]
    public async Task AdultLearner_ReadsOwnCard_GuardianNoLonger()
    {
        var self = await App.LoginAsync(W.AdultLearner);
        var card = await self.GetFromJsonAsync<LearnerCard>($"/api/v1/learners/{W.Adult.Id}", Ct);
        Assert.Equal("Mila", card!.FirstNames);
        Assert.Equal(HttpStatusCode.NotFound, (await self.GetAsync($"/api/v1/learners/{W.LearnerB.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Api_Anonymous_Returns401()
    {
        var client = App.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/learners", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
    }

    [Fact]
    public async Task Register_ValidNumber_CreatesLearnerOnce()
    {
        var client = await App.LoginAsync(W.AdminA);
        var command = NewLearner("Lotte", "Nieuwkomer", "232323239", new DateOnly(2018, 3, 4));
        var created = await client.PostAsJsonAsync("/api/v1/learners", command, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var again = await client.PostAsJsonAsync("/api/v1/learners", command with { FirstNames = "Andere" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("al een leerling met dit nummer", problem.GetProperty("errors").GetProperty("personalNumber")[0].GetString());

        // The other school cannot register the same child either.
        var other = await App.LoginAsync(W.AdminB);
        var atB = await other.PostAsJsonAsync("/api/v1/learners", command with { SchoolId = W.SchoolB.Id }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, atB.StatusCode);
    }

    [Fact]
    public async Task Register_InvalidBsnAndMissingFields_FieldMessagesAndNothingWritten()
    {
        var client = await App.LoginAsync(W.AdminA);
        var response = await client.PostAsJsonAsync("/api/v1/learners",
            NewLearner("", "Fout", "111252333", new DateOnly(2018, 1, 1)) with { StartDate = null, Address = new AddressInput(null, null, "12345", null, null) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("elfproef", errors.GetProperty("personalNumber")[0].GetString());
        Assert.True(errors.TryGetProperty("firstNames", out _));
        Assert.True(errors.TryGetProperty("startDate", out _));
        Assert.True(errors.TryGetProperty("address.postalCode", out _));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        Assert.False(await db.Learners.AnyAsync(l => l.LastName == "Fout", Ct));
    }

    [Fact]
    public async Task Register_LikelyDuplicateWithoutNumber_AsksForConfirmation()
    {
        var client = await App.LoginAsync(W.AdminA);
        var first = NewLearner("Bram", "Dubbelsma", null, new DateOnly(2017, 5, 6)) with { PersonalNumberLastFour = "1234" };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/learners", first, Ct)).StatusCode);

        var second = await client.PostAsJsonAsync("/api/v1/learners", first, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var errors = (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("Bram Dubbelsma", errors.GetProperty("duplicate")[0].GetString());

        // Other last four digits: a different child, no question asked.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/learners", first with { PersonalNumberLastFour = "9999" }, Ct)).StatusCode);
        // Confirmed by the admin: created.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/learners", first with { ConfirmNotDuplicate = true }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Enrol_WhileActiveElsewhere_RefusedUntilDeregistered()
    {
        var adminA = await App.LoginAsync(W.AdminA);
        var adminB = await App.LoginAsync(W.AdminB);
        var created = await adminA.PostAsJsonAsync("/api/v1/learners", NewLearner("Fenna", "Verhuizer", "345345344", new DateOnly(2014, 2, 2)) with { GroupId = W.GroupA8.Id, StartDate = TestWorld.Today.AddMonths(-1) }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var refused = await adminB.PostAsJsonAsync("/api/v1/enrolments", new { schoolId = W.SchoolB.Id, personalNumber = "345345344", startDate = TestWorld.Today }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("andere school", await refused.Content.ReadAsStringAsync(Ct));

        var card = await adminA.GetFromJsonAsync<LearnerCard>($"/api/v1/learners/{id}", Ct);
        var enrolment = Assert.Single(card!.Enrolments!);
        var badEnd = await adminA.PostAsJsonAsync($"/api/v1/learners/{id}/enrolments/{enrolment.Id}/end", new { endDate = TestWorld.Today.AddYears(-5), reason = "Verhuisd" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badEnd.StatusCode);
        var end = await adminA.PostAsJsonAsync($"/api/v1/learners/{id}/enrolments/{enrolment.Id}/end", new { endDate = TestWorld.Today.AddDays(-1), reason = "Verhuisd" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);

        // The ended enrolment closes school A's access on the next request; school B can enrol.
        Assert.Equal(HttpStatusCode.NotFound, (await adminA.GetAsync($"/api/v1/learners/{id}", Ct)).StatusCode);
        var enrolled = await adminB.PostAsJsonAsync("/api/v1/enrolments", new { schoolId = W.SchoolB.Id, personalNumber = "345345344", startDate = TestWorld.Today, groupId = W.GroupB1.Id }, Ct);
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var atB = await adminB.GetFromJsonAsync<LearnerCard>($"/api/v1/learners/{id}", Ct);
        Assert.Equal(2, atB!.Enrolments!.Count);
        Assert.Single(atB.Enrolments, e => e.Active && e.SchoolId == W.SchoolB.Id);
    }

    [Fact]
    public async Task Register_ForOtherSchool_Returns404()
    {
        var client = await App.LoginAsync(W.AdminA);
        var response = await client.PostAsJsonAsync("/api/v1/learners", NewLearner("X", "Y", null, new DateOnly(2017, 1, 1)) with { SchoolId = W.SchoolB.Id }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_WrongContentType_ClearProblem()
    {
        var client = await App.LoginAsync(W.AdminA);
        var response = await client.PostAsync("/api/v1/learners", new StringContent("voornaam=Piet", System.Text.Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var broken = await client.PostAsync("/api/v1/learners", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.DoesNotContain("   at ", await broken.Content.ReadAsStringAsync(Ct)); // no stack trace
    }

    [Fact]
    public async Task Groups_CreateAndList_CombinedGroupValidated()
    {
        var client = await App.LoginAsync(W.AdminA);
        var ok = await client.PostAsJsonAsync($"/api/v1/schools/{W.SchoolA.Id}/groups", new { name = "5/6", yearGroups = new[] { 5, 6 } }, Ct);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var bad = await client.PostAsJsonAsync($"/api/v1/schools/{W.SchoolA.Id}/groups", new { name = "9", yearGroups = new[] { 9 } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var groups = await client.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{W.SchoolA.Id}/groups", Ct);
        Assert.Contains(groups.EnumerateArray(), g => g.GetProperty("name").GetString() == "5/6");
        var other = await client.GetAsync($"/api/v1/schools/{W.SchoolB.Id}/groups", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task UpdatePersonalia_CompletesIdentity_NumberStaysUnique()
    {
        var admin = await App.LoginAsync(W.AdminA);
        var created = await admin.PostAsJsonAsync("/api/v1/learners", NewLearner("Kiki", "Onvolledig", null, new DateOnly(2016, 6, 6)) with { PersonalNumberLastFour = "5566" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var update = new UpdatePersonaliaCommand("Kiki", null, null, "Onvolledig", new DateOnly(2016, 6, 6), Gender.Female, null,
            new AddressInput("Schoolstraat", "2", "3512 BC", "Utrecht", "0344"));

        // The known last four digits must fit; a number already claimed by another learner is refused.
        var wrongFour = await admin.PutAsJsonAsync($"/api/v1/learners/{id}/personalia", update with { PersonalNumber = "111222333" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongFour.StatusCode);
        Assert.Contains("5566", await wrongFour.Content.ReadAsStringAsync(Ct));

        var ok = await admin.PutAsJsonAsync($"/api/v1/learners/{id}/personalia", update with { PersonalNumber = "200085566" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var card = await admin.GetFromJsonAsync<LearnerCard>($"/api/v1/learners/{id}", Ct);
        Assert.Equal("200085566", card!.PersonalNumber);
        Assert.False(card.IdentityIncomplete);
        Assert.Equal(Gender.Female, card.Gender);

        var taken = await admin.PutAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/personalia",
            update with { FirstNames = "Sanne", LastName = "de Testvries", BirthDate = TestWorld.Today.AddYears(-11), PersonalNumber = "200085566" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("andere leerling", await taken.Content.ReadAsStringAsync(Ct));

        var teacher = await App.LoginAsync(W.TeacherA);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.PutAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/personalia", update, Ct)).StatusCode);
    }

    private RegisterLearnerCommand NewLearner(string first, string last, string? number, DateOnly born) =>
        new(W.SchoolA.Id, first, null, null, last, born, Gender.Unknown, number, null,
            new AddressInput("Schoolstraat", "2", "3512 BC", "Utrecht", "0344"), TestWorld.Today, null);
}
