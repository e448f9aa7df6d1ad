using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;

namespace Leerkluis.Web.Features.Registry.Edexml;

/// <summary>
/// Applies a plan. Groups and teachers are written here (the file is their source); learners, their personal numbers,
/// enrolments and group places go through Registry's commands in their batch form, so the rule that a child is never
/// registered twice lives in one place. Adds to the caller's unit of work: the importer saves and commits once.
/// </summary>
public sealed class EdexmlWriter(LeerkluisDb db, RegistryBatch registry)
{
    /// <summary>Small enough for frequent progress, large enough that Registry's checks cost a query per hundred learners.</summary>
    private const int LearnersPerBatch = 100;
    private const string StartReason = "Edexml-import";
    private const string EndReason = "Uitstroom volgens Edexml";

    /// <summary>Counts the records to write, so progress has a total before the first is written.</summary>
    internal static int CountWrites(EdexmlWork work) =>
        work.Groups.Count(g => g.Record.Action is EdexmlAction.Create or EdexmlAction.Update)
        + work.Staff.Count(s => s.Record.Action is EdexmlAction.Create or EdexmlAction.Update)
        + work.Learners.Count(IsLearnerWrite);

    /// <param name="written">Called with the number of records just written.</param>
    /// <exception cref="RegistryBatchRefusedException">A Registry rule refused a learner (someone registered them in the meantime).</exception>
    internal async Task WriteAsync(EdexmlWork work, Actor actor, Action<int> written, CancellationToken ct)
    {
        foreach (var g in work.Groups) if (WriteGroup(g, work)) written(1);
        foreach (var s in work.Staff) if (WriteStaff(s, work.School.Id)) written(1);

        foreach (var chunk in work.Learners.Where(IsLearnerWrite).Chunk(LearnersPerBatch))
        {
            var creates = chunk.Where(l => l.Record.Action == EdexmlAction.Create)
                .Select(l => new LearnerRegistration(l.LearnerId, l.Desired!, l.DesiredEnrolment!, l.AddMemberships)).ToList();
            var updates = chunk.Where(l => l.Record.Action == EdexmlAction.Update)
                .Select(l => new LearnerUpdate(l.Existing!, l.PersonaliaChanged ? l.Desired : null, l.ExistingEnrolment,
                    l.EnrolmentChanged ? l.DesiredEnrolment : null, l.RemoveMemberships, l.AddMemberships)).ToList();
            if (creates.Count > 0) await registry.RegisterAsync(work.School.Id, creates, AuditEvent.Edexml_ImportCreated, StartReason, EndReason, ct);
            if (updates.Count > 0) await registry.UpdateAsync(work.School.Id, updates, AuditEvent.Edexml_ImportUpdated, StartReason, EndReason, ct);
            written(chunk.Length);
        }
    }

    private static bool IsLearnerWrite(LearnerWork l) =>
        l.Record.Action is (EdexmlAction.Create or EdexmlAction.Update) && l.Desired is not null && l.DesiredEnrolment is not null
        && (l.Record.Action == EdexmlAction.Create || l.Existing is not null);

    private bool WriteGroup(GroupWork g, EdexmlWork work)
    {
        var rec = g.Record;
        if (rec.Action == EdexmlAction.Create)
        {
            db.Groups.Add(new Group
            {
                Id = g.Id, SchoolId = work.School.Id, SchoolYearStart = work.SchoolYearStart, Name = g.File.Name,
                YearGroups = g.YearGroups, ExternalKey = rec.Key,
            });
            return true;
        }
        if (rec.Action != EdexmlAction.Update || g.Existing is not { } e) return false;
        e.Name = g.File.Name;
        e.ExternalKey = rec.Key;
        e.YearGroups = g.YearGroups;
        return true;
    }

    private bool WriteStaff(StaffWork s, Guid schoolId)
    {
        var rec = s.Record;
        if (rec.Action is not (EdexmlAction.Create or EdexmlAction.Update)) return false;
        if (rec.Action == EdexmlAction.Create)
        {
            db.Staff.Add(new Staff
            {
                Id = s.Id, SchoolId = schoolId, ExternalKey = rec.Key, FirstName = s.Desired.FirstName, Prefix = s.Desired.Prefix,
                LastName = s.Desired.LastName, Email = s.Desired.Email, Role = EdexmlCodes.StaffRole(s.File.Roles),
            });
        }
        else if (s.Existing is { } e)
        {
            e.FirstName = s.Desired.FirstName; e.Prefix = s.Desired.Prefix; e.LastName = s.Desired.LastName; e.Email = s.Desired.Email;
        }
        db.StaffGroups.RemoveRange(s.RemoveLinks);
        foreach (var groupId in s.AddLinks) db.StaffGroups.Add(new StaffGroup { StaffId = s.Id, GroupId = groupId });
        return true;
    }
}
