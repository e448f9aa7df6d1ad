using System.Globalization;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.CompulsoryEducation;

/// <summary>Count per year group; YearGroup is "7/8" for a combined group and null for learners without a group that year.</summary>
public sealed record CountDateRow(string? YearGroup, int Learners);
public sealed record CountDateReport(Guid SchoolId, string SchoolName, string SchoolCode, string SchoolYear, DateOnly CountDate, int Total,
    IReadOnlyList<CountDateRow> ByYearGroup);

/// <summary>
/// The DUO count (teldatum, 1 October): a school's main enrolments active on that day, always from the registry
/// (DESIGN §3.1). An aggregate of the admin's own school: no per-learner audit.
/// </summary>
public sealed class CountDateQuery(LeerkluisDb db, CurrentActor current)
{
    public async Task<CountDateReport> CountAsync(Guid schoolId, SchoolYear year, CancellationToken ct = default)
    {
        var actor = current.Value;
        if (actor.Role != Roles.SchoolAdmin || actor.SchoolId != schoolId) throw new NotFoundException();
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct) ?? throw new NotFoundException();
        var date = CountDate.Of(year);
        var counted = db.Enrolments.Where(e => e.SchoolId == schoolId && e.Kind == EnrolmentKind.Main
            && e.StartDate <= date && (e.EndDate == null || e.EndDate >= date)).Select(e => e.LearnerId).Distinct();
        var total = await counted.CountAsync(ct);

        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolId == schoolId && g.SchoolYearStart == year.StartYear)
            .Select(g => new { g.Id, g.YearGroups }).ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();
        // A learner in two groups of the year is counted once, in the first group found.
        var memberships = await db.GroupMemberships.AsNoTracking()
            .Where(m => counted.Contains(m.LearnerId) && groupIds.Contains(m.GroupId))
            .Select(m => new { m.LearnerId, m.GroupId }).ToListAsync(ct);
        var label = groups.ToDictionary(g => g.Id, g => string.Join('/', g.YearGroups.Order()));
        var rows = memberships.GroupBy(m => m.LearnerId).Select(g => label[g.First().GroupId])
            .GroupBy(l => l).Select(g => new CountDateRow(g.Key, g.Count()))
            .OrderBy(r => r.YearGroup!.Length).ThenBy(r => r.YearGroup, StringComparer.Ordinal).ToList();
        var withoutGroup = total - rows.Sum(r => r.Learners);
        if (withoutGroup > 0) rows.Add(new CountDateRow(null, withoutGroup));
        return new CountDateReport(school.Id, school.Name, school.Code, year.ToString(), date, total, rows);
    }

    public static byte[] ToCsv(CountDateReport report) =>
        CsvExport.Write(["brin", "school", "schooljaar", "teldatum", "jaargroep", "leerlingen"],
            report.ByYearGroup.Append(new CountDateRow("totaal", report.Total)).Select(r => new[]
            {
                report.SchoolCode, report.SchoolName, report.SchoolYear, Amsterdam.Date(report.CountDate), r.YearGroup ?? "zonder groep",
                r.Learners.ToString(CultureInfo.InvariantCulture),
            }));
}
