using Leerkluis.Web.Features.Registry.Enrolments;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leerkluis.Web.Features.Registry;

/// <summary>/api/v1 for boards, schools, groups, staff, learners, guardians and enrolments.</summary>
public static class RegistryApi
{
    public sealed record CreatedId(Guid Id);
    public sealed record EndEnrolmentRequest(DateOnly? EndDate, string? Reason);
    public sealed record SetGroupRequest(Guid GroupId);

    public static RouteGroupBuilder MapRegistryApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("").WithTags("Registry");

        admin.MapPost("/boards", async (CreateBoardCommand c, SchoolCommands s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/boards", new CreatedId((await s.CreateBoardAsync(c, ct)).Id)))
            .RequireAuthorization(Policies.PlatformAdmin);
        admin.MapPost("/schools", async (CreateSchoolCommand c, SchoolCommands s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/schools", new CreatedId((await s.CreateSchoolAsync(c, ct)).Id)))
            .RequireAuthorization(Policies.PlatformAdmin);
        admin.MapGet("/schools", async (SchoolCommands s, CancellationToken ct) => TypedResults.Ok(await s.SchoolsAsync(ct)))
            .RequireAuthorization(Policies.Authenticated);

        admin.MapGet("/schools/{schoolId:guid}/groups", async (Guid schoolId, int? schoolYear, SchoolCommands s, CancellationToken ct) =>
            TypedResults.Ok(await s.GroupsAsync(schoolId, schoolYear, ct))).RequireAuthorization(Policies.Staff);
        admin.MapPost("/schools/{schoolId:guid}/groups", async (Guid schoolId, CreateGroupCommand c, SchoolCommands s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/schools/{schoolId}/groups", new CreatedId((await s.CreateGroupAsync(schoolId, c, ct)).Id)))
            .RequireAuthorization(Policies.SchoolAdmin);
        admin.MapGet("/schools/{schoolId:guid}/staff", async (Guid schoolId, SchoolCommands s, CancellationToken ct) =>
            TypedResults.Ok(await s.StaffAsync(schoolId, ct))).RequireAuthorization(Policies.Staff);
        admin.MapPost("/schools/{schoolId:guid}/staff", async (Guid schoolId, AddStaffCommand c, SchoolCommands s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/schools/{schoolId}/staff", new CreatedId((await s.AddStaffAsync(schoolId, c, ct)).Id)))
            .RequireAuthorization(Policies.SchoolAdmin);

        var learners = api.MapGroup("/learners").WithTags("Learners");
        learners.MapGet("", async ([AsParameters] LearnerSearch q, LearnerQueries s, CancellationToken ct) => TypedResults.Ok(await s.SearchAsync(q, ct)))
            .RequireAuthorization(Policies.Staff);
        learners.MapPost("", async (RegisterLearnerCommand c, RegisterLearner s, CancellationToken ct) =>
        {
            var learner = await s.HandleAsync(c, ct);
            return TypedResults.Created($"/api/v1/learners/{learner.Id}", new CreatedId(learner.Id));
        }).RequireAuthorization(Policies.SchoolAdmin);
        learners.MapGet("/{learnerId:guid}", async (Guid learnerId, LearnerQueries s, CancellationToken ct) => TypedResults.Ok(await s.CardAsync(learnerId, ct)))
            .RequireAuthorization(Policies.Dossier);
        learners.MapPut("/{learnerId:guid}/personalia", async (Guid learnerId, UpdatePersonaliaCommand c, UpdatePersonalia s, CancellationToken ct) =>
        {
            await s.HandleAsync(learnerId, c, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.SchoolAdmin);
        learners.MapPost("/{learnerId:guid}/guardians", async (Guid learnerId, AddGuardianCommand c, GuardianCommands s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/learners/{learnerId}", new CreatedId((await s.AddAsync(learnerId, c, ct)).Id)))
            .RequireAuthorization(Policies.SchoolAdmin);
        learners.MapPost("/{learnerId:guid}/enrolments/{enrolmentId:guid}/end", async (Guid learnerId, Guid enrolmentId, EndEnrolmentRequest r, EnrolmentCommands s, CancellationToken ct) =>
        {
            await s.DeregisterAsync(new DeregisterCommand(learnerId, enrolmentId, r.EndDate, r.Reason), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.SchoolAdmin);
        learners.MapPut("/{learnerId:guid}/group", async (Guid learnerId, SetGroupRequest r, EnrolmentCommands s, CancellationToken ct) =>
        {
            await s.SetGroupAsync(learnerId, r.GroupId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.SchoolAdmin);

        api.MapPost("/enrolments", async (EnrolExistingCommand c, EnrolmentCommands s, CancellationToken ct) =>
        {
            var e = await s.EnrolExistingAsync(c, ct);
            return TypedResults.Created($"/api/v1/learners/{e.LearnerId}", new CreatedId(e.LearnerId));
        }).WithTags("Learners").RequireAuthorization(Policies.SchoolAdmin);

        api.MapGet("/guardians/me/children", async (LearnerQueries s, CancellationToken ct) => TypedResults.Ok(await s.MyChildrenAsync(ct)))
            .WithTags("Guardians").RequireAuthorization(Policies.Guardian);
        return api;
    }
}
