using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.Notices;

/// <summary>
/// Where a learner goes to school on a day: the school of the active enrolment (main first) and the group there that
/// school year; with, read in the same query, the first day of a sick report still open (none has been "beter gemeld").
/// </summary>
public sealed record LearnerPlacement(Guid SchoolId, string SchoolName, Guid? GroupId, DateOnly? OpenSickSince = null)
{
    /// <summary>Null when the learner has no active enrolment on the day (at <paramref name="atSchool"/> when given).</summary>
    public static async Task<LearnerPlacement?> OnAsync(LeerkluisDb db, Guid learnerId, DateOnly day, Guid? atSchool, CancellationToken ct)
    {
        var enrolments = db.Enrolments.AsNoTracking()
            .Where(e => e.LearnerId == learnerId && e.StartDate <= day && (e.EndDate == null || e.EndDate >= day));
        if (atSchool is { } s) enrolments = enrolments.Where(e => e.SchoolId == s);
        var year = SchoolYear.Containing(day).StartYear;
        // School and group in one query: on a Monday morning every parent's report asks this.
        var found = await enrolments.OrderBy(e => e.Kind == EnrolmentKind.Main ? 0 : 1)
            .Join(db.Schools, e => e.SchoolId, sc => sc.Id, (e, sc) => new
            {
                sc.Id,
                sc.Name,
                GroupId = db.Set<GroupMembership>().Where(m => m.LearnerId == learnerId)
                    .Join(db.Set<Group>().Where(g => g.SchoolId == sc.Id && g.SchoolYearStart == year), m => m.GroupId, g => g.Id, (m, g) => (Guid?)g.Id)
                    .FirstOrDefault(),
                // Only a sick report stays open (no end day) until the learner is reported better.
                OpenSickSince = db.Set<AbsenceNotice>().Where(n => n.LearnerId == learnerId && n.To == null && n.WithdrawnUtc == null)
                    .Select(n => (DateOnly?)n.From).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null) return null;
        return new LearnerPlacement(found.Id, found.Name, found.GroupId, found.OpenSickSince);
    }
}

/// <summary>The learner's name as pages head it: like the search lists, the registry's index rather than a Personalia read (ADR 0003).</summary>
public static class LearnerNames
{
    public static async Task<string> OfAsync(LeerkluisDb db, Guid learnerId, CancellationToken ct)
    {
        var n = await db.Learners.AsNoTracking().Where(l => l.Id == learnerId)
            .Select(l => new { l.CallName, l.FirstNames, l.Prefix, l.LastName }).FirstOrDefaultAsync(ct);
        return n is null ? "" : PersonName.Format(n.CallName ?? n.FirstNames, n.Prefix, n.LastName);
    }
}
