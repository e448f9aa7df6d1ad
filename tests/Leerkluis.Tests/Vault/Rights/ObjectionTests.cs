using System.Net;
using System.Net.Http.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Vault.Rights.Objections;
using Microsoft.AspNetCore.Mvc;

namespace Leerkluis.Tests.Vault.Rights;

public sealed class ObjectionSqliteTests(SqliteApp app) : ObjectionTests<SqliteApp>(app);
public sealed class ObjectionPostgresTests(PostgresApp app) : ObjectionTests<PostgresApp>(app);

public abstract class ObjectionTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Classmates_FamilyObjectsToClassList_IsLeftOutUntilWithdrawn()
    {
        var kim = await RightsWorld.AddClassmateAsync(App, "Kim", "Klasgenoot");
        var parentA = await App.LoginAsync(W.ParentA);
        var before = await parentA.GetFromJsonAsync<List<Classmate>>($"/api/v1/learners/{W.LearnerA.Id}/classmates", Ct);
        Assert.Equal(["Kim Klasgenoot"], before!.Select(c => c.Name));

        var kimsParent = await App.LoginAsync(kim.Parent);
        Assert.Equal(HttpStatusCode.NoContent, (await kimsParent.PostAsJsonAsync($"/api/v1/learners/{kim.Learner.Id}/objections", new ObjectionCommand("ClassList"), Ct)).StatusCode);
        var states = await kimsParent.GetFromJsonAsync<List<PurposeState>>($"/api/v1/learners/{kim.Learner.Id}/objections", Ct);
        Assert.True(Assert.Single(states!, s => s.Purpose == "ClassList").Objected);
        Assert.False(Assert.Single(states!, s => s.Purpose == "WebsitePhotos").Objected);
        Assert.Empty((await parentA.GetFromJsonAsync<List<Classmate>>($"/api/v1/learners/{W.LearnerA.Id}/classmates", Ct))!);

        var admin = await App.LoginAsync(W.AdminA);
        var group = await admin.GetFromJsonAsync<GroupObjections>($"/api/v1/groups/{W.GroupA8.Id}/objections", Ct);
        Assert.Equal(["ClassList"], Assert.Single(group!.Learners, l => l.Name == "Kim Klasgenoot").Purposes);
        Assert.Empty(Assert.Single(group.Learners, l => l.Name == "Sanne de Testvries").Purposes);

        Assert.Equal(HttpStatusCode.NoContent, (await kimsParent.DeleteAsync($"/api/v1/learners/{kim.Learner.Id}/objections/ClassList", Ct)).StatusCode);
        Assert.Equal(["Kim Klasgenoot"], (await parentA.GetFromJsonAsync<List<Classmate>>($"/api/v1/learners/{W.LearnerA.Id}/classmates", Ct))!.Select(c => c.Name));
    }

    [Fact]
    public async Task Object_UnknownPurpose_Returns400NamingTheChoices()
    {
        var parentA = await App.LoginAsync(W.ParentA);
        var response = await parentA.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/objections", new ObjectionCommand("Reclame"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors;
        Assert.Contains("Onbekend doel 'Reclame'", errors["purpose"][0]);
        Assert.Contains("Verjaardagskalender", errors["purpose"][0]);
    }

    [Fact]
    public async Task ObjectAndClassmates_WithoutRelation_Return404()
    {
        var parentB = await App.LoginAsync(W.ParentB);
        Assert.Equal(HttpStatusCode.NotFound, (await parentB.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/objections", new ObjectionCommand("ClassList"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await parentB.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/classmates", Ct)).StatusCode);
        var teacher = await App.LoginAsync(W.TeacherA);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.PostAsJsonAsync($"/api/v1/learners/{W.LearnerA.Id}/objections", new ObjectionCommand("ClassList"), Ct)).StatusCode);
        var adminB = await App.LoginAsync(W.AdminB);
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync($"/api/v1/groups/{W.GroupA8.Id}/objections", Ct)).StatusCode);
    }
}
