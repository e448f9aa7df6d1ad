using System.Net;
using System.Net.Http.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Vault.Medical;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Vault.Medical;

public sealed class MedicalApiSqliteTests(SqliteApp app) : MedicalApiTests<SqliteApp>(app);
public sealed class MedicalApiPostgresTests(PostgresApp app) : MedicalApiTests<PostgresApp>(app);

/// <summary>The Medical section over HTTP: who reads what, and that nothing of it is readable in the database.</summary>
public abstract class MedicalApiTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Distinctive texts, so that a find in the database can only be this data.
    private const string Allergy = "Pindakaas-allergie-Q7X9";
    private const string AllergyNote = "EpiPen-in-rugzak-K2M4";
    private const string Medicine = "Methylfenidaat-Z8W1";
    private const string Condition = "Diabetes-type-1-V3N6";
    private const string Contact = "Oma-Grootveld-T5R2";
    private const string Phone = "06 98127634";
    private const string Gp = "Dokter-Zebrafink-H4J7";

    private static MedicalData Sample() => new(
        [new MedicalItem(Allergy, AllergyNote, true)],
        [new MedicalItem(Medicine, "om 12:00", false)],
        [new MedicalItem(Condition, null, false)],
        [new EmergencyContact(Contact, "oma", Phone, true)],
        new GeneralPractitioner(Gp, "030 1234567", false));

    private static string Url(Guid learner) => $"/api/v1/learners/{learner}/medical";

    private async Task<Guid> LearnerWithMedicalDataAsync()
    {
        var learner = await VaultTestSupport.ArrangeLearnerAsync(App);
        var parent = await App.LoginAsync(W.ParentA);
        Assert.Equal(HttpStatusCode.NoContent, (await parent.PutAsJsonAsync(Url(learner), Sample(), Ct)).StatusCode);
        return learner;
    }

    [Fact]
    public async Task Put_AsGuardian_StoredEncryptedAndCareCoordinatorReadsAll()
    {
        var learner = await LearnerWithMedicalDataAsync();

        var secrets = new[] { Allergy, AllergyNote, Medicine, Condition, Contact, Phone, Gp };
        Assert.Empty(await VaultTestSupport.FindInDatabaseAsync(App, secrets));
        // The search itself works: the learner's name, which is not special data, is found in plain text.
        var control = await VaultTestSupport.FindInDatabaseAsync(App, W.LearnerA.LastName);
        Assert.Contains("Learners.LastName", control);
        Assert.Contains(control, f => f.StartsWith("file:", StringComparison.Ordinal));

        var care = await App.LoginAsync(W.CareA);
        var view = await care.GetFromJsonAsync<MedicalView>(Url(learner), Ct);
        Assert.NotNull(view);
        Assert.False(view.NeedToKnowOnly);
        Assert.False(view.CanEdit);
        Assert.Equal(Allergy, view.Data.Allergies!.Single().Name);
        Assert.Equal(AllergyNote, view.Data.Allergies!.Single().Notes);
        Assert.Equal(Medicine, view.Data.Medications!.Single().Name);
        Assert.Equal(Condition, view.Data.Conditions!.Single().Name);
        Assert.Equal(Phone, view.Data.EmergencyContacts!.Single().Phone);
        Assert.Equal(Gp, view.Data.GeneralPractitioner!.Name);
    }

    [Fact]
    public async Task Get_AsTeacherOfTheGroup_OnlyNeedToKnowItems()
    {
        var learner = await LearnerWithMedicalDataAsync();
        var teacher = await App.LoginAsync(W.TeacherA);
        var json = await teacher.GetStringAsync(Url(learner), Ct);
        Assert.Contains(Allergy, json);
        Assert.Contains(Contact, json);
        Assert.DoesNotContain(Medicine, json);
        Assert.DoesNotContain(Condition, json);
        Assert.DoesNotContain(Gp, json);
        var view = await teacher.GetFromJsonAsync<MedicalView>(Url(learner), Ct);
        Assert.True(view!.NeedToKnowOnly);
    }

    [Fact]
    public async Task Get_AsGuardian_ReadsAllAndMayEdit()
    {
        var learner = await LearnerWithMedicalDataAsync();
        var view = await (await App.LoginAsync(W.ParentA)).GetFromJsonAsync<MedicalView>(Url(learner), Ct);
        Assert.True(view!.CanEdit);
        Assert.Equal(Medicine, view.Data.Medications!.Single().Name);
        Assert.NotNull(view.UpdatedUtc);
    }

    [Fact]
    public async Task Access_SchoolAdminOtherParentTeacherWrites_NotFound()
    {
        var learner = await LearnerWithMedicalDataAsync();
        var admin = await App.LoginAsync(W.AdminA);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url(learner), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync(Url(learner), Sample(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(W.ParentB)).GetAsync(Url(learner), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(W.AdminB)).GetAsync(Url(learner), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync(W.PlatformAdmin)).GetAsync(Url(learner), Ct)).StatusCode);
        var teacher = await App.LoginAsync(W.TeacherA);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.PutAsJsonAsync(Url(learner), MedicalData.Empty, Ct)).StatusCode);
        // The teacher's failed write changed nothing.
        Assert.Contains(Allergy, await teacher.GetStringAsync(Url(learner), Ct));
    }

    [Fact]
    public async Task ReadsAndWrites_AreAuditedIncludingDenials()
    {
        var learner = await LearnerWithMedicalDataAsync();
        await (await App.LoginAsync(W.CareA)).GetAsync(Url(learner), Ct);
        await (await App.LoginAsync(W.AdminA)).GetAsync(Url(learner), Ct);

        await using var scope = App.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().AuditEntries.AsNoTracking()
            .Where(a => a.LearnerId == learner && a.Section == Section.Medical).OrderBy(a => a.Sequence).ToListAsync(Ct);
        Assert.Collection(entries,
            e => Assert.Equal((W.ParentA.UserId, Operation.Write, true, Basis.Guardian, "medical-update"), (e.ActorUserId!.Value, e.Operation, e.Allowed, e.Basis, e.Action)),
            e => Assert.Equal((W.CareA.UserId, Operation.Read, true, Basis.Enrolment), (e.ActorUserId!.Value, e.Operation, e.Allowed, e.Basis)),
            e => Assert.Equal((W.AdminA.UserId, Operation.Read, false), (e.ActorUserId!.Value, e.Operation, e.Allowed)));
    }

    [Fact]
    public async Task Put_IncompleteLines_BadRequestNamingEachLineAndNothingStored()
    {
        var learner = await VaultTestSupport.ArrangeLearnerAsync(App);
        var parent = await App.LoginAsync(W.ParentA);
        var bad = new MedicalData([new MedicalItem(null, "zwelling", true)], null, null, [new EmergencyContact("Opa", null, null, true)], null);
        var response = await parent.PutAsJsonAsync(Url(learner), bad, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.Equal(["Allergie 1: vul in wat het is."], problem!.Errors["allergies[0].name"]);
        Assert.Equal(["Contact bij nood 1: telefoonnummer is verplicht."], problem.Errors["emergencyContacts[0].phone"]);

        var view = await parent.GetFromJsonAsync<MedicalView>(Url(learner), Ct);
        Assert.True(view!.Data.IsEmpty);
        Assert.Null(view.UpdatedUtc);
    }

    [Fact]
    public async Task Put_Twice_ReplacesTheSection()
    {
        var learner = await LearnerWithMedicalDataAsync();
        var parent = await App.LoginAsync(W.ParentA);
        var changed = Sample() with { Allergies = [], Medications = [new MedicalItem("Paracetamol", null, true)] };
        Assert.Equal(HttpStatusCode.NoContent, (await parent.PutAsJsonAsync(Url(learner), changed, Ct)).StatusCode);
        var json = await (await App.LoginAsync(W.TeacherA)).GetStringAsync(Url(learner), Ct);
        Assert.Contains("Paracetamol", json);
        Assert.DoesNotContain(Allergy, json);
    }
}
