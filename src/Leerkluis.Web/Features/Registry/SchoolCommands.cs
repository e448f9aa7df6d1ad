using System.Text.RegularExpressions;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry;

public sealed record CreateBoardCommand(string? Name, string? BoardNumber);
public sealed record CreateSchoolCommand(Guid BoardId, string? Brin, string? LocationCode, string? Name, SchoolSector Sector, string? MunicipalityCode, string? City);
public sealed record CreateGroupCommand(string? Name, int? SchoolYearStart, List<int>? YearGroups);
public sealed record AddStaffCommand(string? FirstName, string? Prefix, string? LastName, string? Email, StaffRole Role, List<Guid>? GroupIds);

public sealed record SchoolView(Guid Id, Guid BoardId, string Brin, string LocationCode, string Name, SchoolSector Sector, string? MunicipalityCode, string? City);
public sealed record GroupSummary(Guid Id, string Name, int SchoolYearStart, IReadOnlyList<int> YearGroups, int LearnerCount, IReadOnlyList<string> Teachers);
public sealed record StaffView(Guid Id, string Name, string? Email, StaffRole Role, IReadOnlyList<string> Groups, bool HasAccount);

/// <summary>Registry of boards, schools, groups and staff (shared tables, not dossier data).</summary>
public sealed partial class SchoolCommands(LeerkluisDb db, CurrentActor current, TimeProvider clock)
{
    [GeneratedRegex("^[0-9]{2}[A-Z]{2}$")] private static partial Regex BrinPattern();
    [GeneratedRegex("^[0-9]{2}$")] private static partial Regex LocationPattern();

    public static bool IsValidBrin(string? brin) => brin is not null && BrinPattern().IsMatch(brin);
    public static bool IsValidLocationCode(string? code) => code is not null && LocationPattern().IsMatch(code);

    public async Task<Board> CreateBoardAsync(CreateBoardCommand c, CancellationToken ct = default)
    {
        RequirePlatformAdmin();
        var v = new Validation().Require("name", c.Name, "Naam");
        if (c.BoardNumber is { Length: > 0 } n && (n.Length != 5 || !n.All(char.IsAsciiDigit))) v.Add("boardNumber", "Het bevoegd-gezagnummer bestaat uit 5 cijfers.");
        v.ThrowIfInvalid();
        var board = new Board { Id = Guid.CreateVersion7(), Name = c.Name!.Trim(), BoardNumber = c.BoardNumber };
        db.Boards.Add(board);
        await db.SaveChangesAsync(ct);
        return board;
    }

    public async Task<School> CreateSchoolAsync(CreateSchoolCommand c, CancellationToken ct = default)
    {
        RequirePlatformAdmin();
        var brin = c.Brin?.Trim().ToUpperInvariant();
        var v = new Validation().Require("name", c.Name, "Naam");
        if (!IsValidBrin(brin)) v.Add("brin", "Een BRIN-nummer is 2 cijfers en 2 hoofdletters, bijvoorbeeld 99ZZ.");
        if (!IsValidLocationCode(c.LocationCode)) v.Add("locationCode", "Een vestigingsnummer bestaat uit 2 cijfers, bijvoorbeeld 00.");
        if (!await db.Boards.AnyAsync(b => b.Id == c.BoardId, ct)) v.Add("boardId", "Dit bestuur bestaat niet.");
        v.ThrowIfInvalid();
        if (await db.Schools.AnyAsync(s => s.Brin == brin && s.LocationCode == c.LocationCode, ct))
            throw ValidationFailedException.For("brin", "Deze school (BRIN en vestiging) bestaat al.");
        var school = new School
        {
            Id = Guid.CreateVersion7(), BoardId = c.BoardId, Brin = brin!, LocationCode = c.LocationCode!, Name = c.Name!.Trim(),
            Sector = c.Sector, MunicipalityCode = c.MunicipalityCode, City = c.City,
        };
        db.Schools.Add(school);
        await db.SaveChangesAsync(ct);
        return school;
    }

    public async Task<Group> CreateGroupAsync(Guid schoolId, CreateGroupCommand c, CancellationToken ct = default)
    {
        RequireAdminOf(schoolId);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct) ?? throw new NotFoundException();
        var v = new Validation().Require("name", c.Name, "Naam", 60);
        var years = c.YearGroups ?? [];
        var max = school.Sector == SchoolSector.Primary ? 8 : 6;
        if (years.Count == 0) v.Add("yearGroups", "Kies ten minste één jaargroep.");
        else if (years.Any(y => y < 1 || y > max)) v.Add("yearGroups", school.Sector == SchoolSector.Primary ? "Jaargroepen in het po lopen van 1 tot en met 8." : "Leerjaren in het vo lopen van 1 tot en met 6.");
        v.ThrowIfInvalid();
        var year = c.SchoolYearStart ?? SchoolYear.Containing(Amsterdam.Today(clock)).StartYear;
        var name = c.Name!.Trim();
        if (await db.Groups.AnyAsync(g => g.SchoolId == schoolId && g.SchoolYearStart == year && g.Name == name, ct))
            throw ValidationFailedException.For("name", "Er is dit schooljaar al een groep met deze naam.");
        var group = new Group { Id = Guid.CreateVersion7(), SchoolId = schoolId, SchoolYearStart = year, Name = name, YearGroups = years.Distinct().Order().ToList() };
        db.Groups.Add(group);
        await db.SaveChangesAsync(ct);
        return group;
    }

    public async Task<Staff> AddStaffAsync(Guid schoolId, AddStaffCommand c, CancellationToken ct = default)
    {
        RequireAdminOf(schoolId);
        var v = new Validation().Require("lastName", c.LastName, "Achternaam").Require("email", c.Email, "E-mailadres", 256);
        if (c.Email is { Length: > 0 } e && !e.Contains('@')) v.Add("email", "Dit is geen geldig e-mailadres.");
        var groupIds = c.GroupIds ?? [];
        if (groupIds.Count > 0 && await db.Groups.CountAsync(g => groupIds.Contains(g.Id) && g.SchoolId == schoolId, ct) != groupIds.Distinct().Count())
            v.Add("groupIds", "Een of meer groepen bestaan niet op deze school.");
        v.ThrowIfInvalid();
        var staff = new Staff { Id = Guid.CreateVersion7(), SchoolId = schoolId, FirstName = c.FirstName, Prefix = c.Prefix, LastName = c.LastName!.Trim(), Email = c.Email!.Trim(), Role = c.Role };
        db.Staff.Add(staff);
        foreach (var g in groupIds.Distinct()) db.StaffGroups.Add(new StaffGroup { StaffId = staff.Id, GroupId = g });
        await db.SaveChangesAsync(ct);
        return staff;
    }

    public async Task<IReadOnlyList<SchoolView>> SchoolsAsync(CancellationToken ct = default)
    {
        var actor = current.Value;
        var q = db.Schools.AsNoTracking();
        if (actor.Role != Roles.PlatformAdmin) q = q.Where(s => s.Id == actor.SchoolId);
        return await q.OrderBy(s => s.Name)
            .Select(s => new SchoolView(s.Id, s.BoardId, s.Brin, s.LocationCode, s.Name, s.Sector, s.MunicipalityCode, s.City)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<GroupSummary>> GroupsAsync(Guid schoolId, int? schoolYearStart = null, CancellationToken ct = default)
    {
        RequireStaffOf(schoolId);
        var year = schoolYearStart ?? SchoolYear.Containing(Amsterdam.Today(clock)).StartYear;
        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolId == schoolId && g.SchoolYearStart == year)
            .Select(g => new { g.Id, g.Name, g.SchoolYearStart, g.YearGroups, Count = db.Set<GroupMembership>().Count(m => m.GroupId == g.Id) })
            .ToListAsync(ct);
        var ids = groups.Select(g => g.Id).ToList();
        var teachers = await db.StaffGroups.AsNoTracking().Where(sg => ids.Contains(sg.GroupId))
            .Join(db.Staff, sg => sg.StaffId, s => s.Id, (sg, s) => new { sg.GroupId, s.FirstName, s.Prefix, s.LastName })
            .ToListAsync(ct);
        return groups.OrderBy(g => g.YearGroups.FirstOrDefault()).ThenBy(g => g.Name, StringComparer.Create(new System.Globalization.CultureInfo("nl-NL"), System.Globalization.CompareOptions.NumericOrdering))
            .Select(g => new GroupSummary(g.Id, g.Name, g.SchoolYearStart, g.YearGroups, g.Count,
                teachers.Where(t => t.GroupId == g.Id).Select(t => PersonName.Format(t.FirstName, t.Prefix, t.LastName)).Order().ToList()))
            .ToList();
    }

    public async Task<IReadOnlyList<StaffView>> StaffAsync(Guid schoolId, CancellationToken ct = default)
    {
        RequireStaffOf(schoolId);
        var year = SchoolYear.Containing(Amsterdam.Today(clock)).StartYear;
        var staff = await db.Staff.AsNoTracking().Where(s => s.SchoolId == schoolId).ToListAsync(ct);
        var ids = staff.Select(s => s.Id).ToList();
        var groups = await db.StaffGroups.AsNoTracking().Where(sg => ids.Contains(sg.StaffId))
            .Join(db.Groups.Where(g => g.SchoolYearStart == year), sg => sg.GroupId, g => g.Id, (sg, g) => new { sg.StaffId, g.Name }).ToListAsync(ct);
        var withAccount = await db.Users.AsNoTracking().Where(u => u.StaffId != null && ids.Contains(u.StaffId.Value)).Select(u => u.StaffId!.Value).ToListAsync(ct);
        return staff.OrderBy(s => s.LastName).Select(s => new StaffView(s.Id, s.FullName, s.Email, s.Role,
            groups.Where(g => g.StaffId == s.Id).Select(g => g.Name).Order().ToList(), withAccount.Contains(s.Id))).ToList();
    }

    private void RequirePlatformAdmin()
    {
        if (current.Value.Role != Roles.PlatformAdmin && !current.Value.IsSystem) throw new NotFoundException();
    }

    /// <summary>The school's own admin, or the operator's tools (seeding); anyone else gets "not found".</summary>
    private void RequireAdminOf(Guid schoolId)
    {
        var a = current.Value;
        if (a.IsSystem) return;
        if (a.Role != Roles.SchoolAdmin || a.SchoolId != schoolId) throw new NotFoundException();
    }

    private void RequireStaffOf(Guid schoolId)
    {
        var a = current.Value;
        if (a.IsSystem || a.Role == Roles.PlatformAdmin) return;
        if (!a.IsStaff || a.SchoolId != schoolId) throw new NotFoundException();
    }
}
