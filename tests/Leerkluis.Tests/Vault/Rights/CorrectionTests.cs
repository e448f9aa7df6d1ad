using System.Net;
using System.Net.Http.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Features.Vault.Rights.Corrections;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Vault.Rights;

public sealed class CorrectionSqliteTests(SqliteApp app) : CorrectionTests<SqliteApp>(app);
public sealed class CorrectionPostgresTests(PostgresApp app) : CorrectionTests<PostgresApp>(app);

public abstract class CorrectionTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private sealed record Created(Guid Id);

    private static async Task<Guid> SubmitAsync(HttpClient client, Guid learnerId, string? note, params (string Field, string? Value)[] changes)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/learners/{learnerId}/corrections",
            new SubmitCorrectionCommand(changes.Select(c => new ProposedChange(c.Field, c.Value)).ToList(), note), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Created>(Ct))!.Id;
    }

    [Fact]
    public async Task Approve_GuardianProposesAddressAndOwnPhone_SchoolAppliesAndGuardianSeesOutcome()
    {
        var parent = await App.LoginAsync(W.ParentA);
        var id = await SubmitAsync(parent, W.LearnerA.Id, "We zijn verhuisd.", ("street", "Proefweg"), ("houseNumber", "12a"), ("guardianPhone", "06 12345678"));

        var admin = await App.LoginAsync(W.AdminA);
        var queue = await admin.GetFromJsonAsync<List<CorrectionQueueRow>>("/api/v1/corrections?status=open", Ct);
        var row = Assert.Single(queue!, r => r.Id == id);
        Assert.Equal("Sanne de Testvries", row.LearnerName);
        Assert.Contains("Straat", row.Fields);
        var detail = await admin.GetFromJsonAsync<CorrectionRequestView>($"/api/v1/learners/{W.LearnerA.Id}/corrections/{id}", Ct);
        var street = Assert.Single(detail!.Changes, c => c.Field == "street");
        Assert.Equal(("Teststraat", "Proefweg"), (street.CurrentText, street.ProposedText));
        Assert.Equal("We zijn verhuisd.", detail.Note);
        Assert.Equal("Eva de Testvries", detail.RequestedBy);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/learners/{W.LearnerA.Id}/corrections/{id}/approve", null, Ct)).StatusCode);

        var card = await admin.GetFromJsonAsync<LearnerCard>($"/api/v1/learners/{W.LearnerA.Id}", Ct);
        Assert.Equal(("Proefweg", "12a"), (card!.Address.Street, card.Address.HouseNumber));
        Assert.Equal("111222333", card.PersonalNumber); // untouched by the correction
        Assert.Equal("06 12345678", Assert.Single(card.Guardians!, g => g.Name == "Eva de Testvries").Phone);

        var mine = await parent.GetFromJsonAsync<List<CorrectionRequestView>>($"/api/v1/learners/{W.LearnerA.Id}/corrections", Ct);
        Assert.Equal("Approved", Assert.Single(mine!, r => r.Id == id).Status);
        Assert.Contains(RightsWorld.Outbox(App), m => m.To.ToString().Contains("ouder.a@test.invalid") && m.TextBody?.Contains("goedgekeurd") == true);
        Assert.DoesNotContain(await admin.GetFromJsonAsync<List<CorrectionQueueRow>>("/api/v1/corrections", Ct) ?? [], r => r.Id == id);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var actions = await db.AuditEntries.Where(a => a.LearnerId == W.LearnerA.Id && a.Operation == Operation.Write && a.Allowed).Select(a => a.Action).ToListAsync(Ct);
        Assert.Contains("correction-request", actions);
        Assert.Contains("approve-correction", actions);
        Assert.Contains("update-personalia", actions);
    }

    [Fact]
    public async Task Reject_WithoutReason_Returns400AndWritesNothing_WithReasonGuardianSeesIt()
    {
        var parent = await App.LoginAsync(W.ParentA);
        var id = await SubmitAsync(parent, W.LearnerA.Id, null, ("lastName", "Testvries"));
        var admin = await App.LoginAsync(W.AdminA);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var auditBefore = await db.AuditEntries.CountAsync(a => a.LearnerId == W.LearnerA.Id, Ct);
        var response = await admin.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/corrections/{id}/reject", new RejectCorrectionCommand("  "), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.Equal("Reden van afwijzing is verplicht.", Assert.Single(problem!.Errors["reason"]));
        Assert.Equal(auditBefore, await db.AuditEntries.CountAsync(a => a.LearnerId == W.LearnerA.Id, Ct));
        Assert.Equal(CorrectionStatus.Open, (await db.Set<CorrectionRequest>().AsNoTracking().SingleAsync(r => r.Id == id, Ct)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/corrections/{id}/reject",
            new RejectCorrectionCommand("Volgens de BRP is de achternaam 'de Testvries'."), Ct)).StatusCode);
        var mine = await parent.GetFromJsonAsync<List<CorrectionRequestView>>($"/api/v1/learners/{W.LearnerA.Id}/corrections", Ct);
        var handled = Assert.Single(mine!, r => r.Id == id);
        Assert.Equal(("Rejected", "Volgens de BRP is de achternaam 'de Testvries'."), (handled.Status, handled.Reason));
        Assert.Equal("de Testvries", (await db.Learners.AsNoTracking().SingleAsync(l => l.Id == W.LearnerA.Id, Ct)).LastName);
        var again = await admin.PostAsync($"/api/v1/learners/{W.LearnerA.Id}/corrections/{id}/approve", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("al afgehandeld", await again.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Submit_BadInput_Returns400WithMessagePerLine()
    {
        var parent = await App.LoginAsync(W.ParentA);
        var future = DateTime.UtcNow.AddYears(1).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var response = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/corrections", new SubmitCorrectionCommand(
            [new("schoenmaat", "34"), new("birthDate", future), new("postalCode", "12345"), new("firstNames", "Sanne"), new("personalNumber", "123456782")],
            new string('x', 1001)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors;
        Assert.Contains("Onbekend gegeven 'schoenmaat'", errors["changes[0].field"][0]);
        Assert.Equal("De geboortedatum ligt in de toekomst.", errors["changes[1].proposedValue"][0]);
        Assert.Contains("1234 AB", errors["changes[2].proposedValue"][0]);
        Assert.Equal("Voornamen: dit is al de huidige waarde.", errors["changes[3].proposedValue"][0]);
        Assert.Contains("Onbekend gegeven 'personalNumber'", errors["changes[4].field"][0]);
        Assert.Equal("Toelichting mag hoogstens 1000 tekens lang zijn.", errors["note"][0]);

        var empty = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/corrections", new SubmitCorrectionCommand([], null), Ct);
        Assert.Contains("minstens één gegeven", await empty.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Submit_SecondOpenRequestForSameField_Returns400NamingTheField()
    {
        var parent = await App.LoginAsync(W.ParentA);
        await SubmitAsync(parent, W.LearnerA.Id, null, ("city", "Amersfoort"));
        var response = await parent.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/corrections",
            new SubmitCorrectionCommand([new("city", "Zeist")], null), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors;
        Assert.Equal("Plaats: hiervoor loopt al een verzoek. Wacht op de beslissing van de school.", errors["changes[0].field"][0]);
    }

    [Fact]
    public async Task Submit_WithoutAuthority_Returns404()
    {
        foreach (var user in new[] { W.ParentB, W.TeacherA, W.AdminA })
        {
            var client = await App.LoginAsync(user);
            var response = await client.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/corrections",
                new SubmitCorrectionCommand([new("callName", "San")], null), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/corrections", Ct)).StatusCode);
        }
        // The adult learner corrects their own data, not their (former) guardian's contact data.
        var adult = await App.LoginAsync(W.AdultLearner);
        var own = await adult.PostAsJsonAsync($"/api/v1/learners/{W.Adult.Id}/corrections", new SubmitCorrectionCommand([new("guardianPhone", "06 12345678")], null), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("alleen een ouder/verzorger", await own.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Queue_OtherSchoolsAdmin_SeesNothingAndCannotOpen()
    {
        var parent = await App.LoginAsync(W.ParentA);
        var id = await SubmitAsync(parent, W.LearnerA.Id, null, ("callName", "San"));
        var adminB = await App.LoginAsync(W.AdminB);
        Assert.DoesNotContain(await adminB.GetFromJsonAsync<List<CorrectionQueueRow>>("/api/v1/corrections", Ct) ?? [], r => r.Id == id);
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/corrections/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.PostAsync($"/api/v1/learners/{W.LearnerA.Id}/corrections/{id}/approve", null, Ct)).StatusCode);
        var teacher = await App.LoginAsync(W.TeacherA);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync("/api/v1/corrections", Ct)).StatusCode);
    }
}
