using System.Runtime.CompilerServices;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Catalog;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Careers;

/// <summary>
/// Partners of region A on top of CareersWorld: a school board with an HR officer and a wiskunde vacancy, a second board
/// with its own HR officer (the wrong board), and a teacher-training institute with a coordinator and a bèta programme.
/// </summary>
public sealed class PartnerWorld
{
    private static readonly ConditionalWeakTable<LeerkluisApp, Task<PartnerWorld>> Worlds = new();

    public required TestUser Hr { get; init; }
    public required TestUser OtherHr { get; init; }
    public required TestUser Coordinator { get; init; }
    public required Guid Vacancy { get; init; }
    public required Guid OtherVacancy { get; init; }
    public required Guid Programme { get; init; }

    public static Task<PartnerWorld> ForAsync(LeerkluisApp app) => Worlds.GetValue(app, CreateAsync);

    private static async Task<PartnerWorld> CreateAsync(LeerkluisApp app)
    {
        var cw = await CareersWorld.ForAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var board = new Organisation { Id = Guid.NewGuid(), Name = "Stichting Testbestuur", Kind = OrganisationKind.Other };
        var otherBoard = new Organisation { Id = Guid.NewGuid(), Name = "Stichting Andere Scholen", Kind = OrganisationKind.Other };
        var institute = new Organisation { Id = Guid.NewGuid(), Name = "Hogeschool Test", Kind = OrganisationKind.TrainingInstitute };
        db.AddRange(board, otherBoard, institute);
        var boardPartner = new PartnerOrganisation { Id = Guid.CreateVersion7(), RegionId = cw.RegionA.Id, Name = "Stichting Testbestuur", Kind = PartnerKind.Board, OrganisationId = board.Id };
        var otherPartner = new PartnerOrganisation { Id = Guid.CreateVersion7(), RegionId = cw.RegionA.Id, Name = "Stichting Andere Scholen", Kind = PartnerKind.Board, OrganisationId = otherBoard.Id };
        var institutePartner = new PartnerOrganisation { Id = Guid.CreateVersion7(), RegionId = cw.RegionA.Id, Name = "Hogeschool Test", Kind = PartnerKind.TrainingProgramme, OrganisationId = institute.Id };
        db.AddRange(boardPartner, otherPartner, institutePartner);
        var start = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1));
        var vacancy = new Vacancy { Id = Guid.CreateVersion7(), RegionId = cw.RegionA.Id, PartnerOrganisationId = boardPartner.Id, Title = "Docent wiskunde Testcollege",
            Subject = "wiskunde", Sector = Sector.Vo, Hours = 16, StartDate = start, MinimumLevel = EducationLevel.Hbo };
        var otherVacancy = new Vacancy { Id = Guid.CreateVersion7(), RegionId = cw.RegionA.Id, PartnerOrganisationId = otherPartner.Id, Title = "Docent wiskunde Ander College",
            Subject = "wiskunde", Sector = Sector.Vo, Hours = 16, StartDate = start, MinimumLevel = EducationLevel.Hbo };
        var programme = new TrainingProgramme { Id = Guid.CreateVersion7(), RegionId = cw.RegionA.Id, PartnerOrganisationId = institutePartner.Id, Name = "Lerarenopleiding wiskunde deeltijd",
            Subjects = ["wiskunde"], Sector = Sector.Vo, EntryLevel = EducationLevel.Hbo, StartDate = start, PartTime = true };
        db.AddRange(vacancy, otherVacancy, programme);
        await db.SaveChangesAsync();

        Task<TestUser> U(string email, string role, Guid org) => TestWorld.CreateUserAsync(users, email, role, true, u => u.OrganisationId = org, email.Split('@')[0]);
        return new PartnerWorld
        {
            Hr = await U("hr.testbestuur@test.invalid", Roles.HrOfficer, board.Id),
            OtherHr = await U("hr.ander@test.invalid", Roles.HrOfficer, otherBoard.Id),
            Coordinator = await U("coordinator@test.invalid", Roles.TrainingCoordinator, institute.Id),
            Vacancy = vacancy.Id, OtherVacancy = otherVacancy.Id, Programme = programme.Id,
        };
    }
}
