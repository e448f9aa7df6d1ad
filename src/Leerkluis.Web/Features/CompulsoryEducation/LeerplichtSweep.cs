using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.CompulsoryEducation;

/// <summary>
/// The nightly leerplicht sweep (DESIGN §3.2): opens a case for every learner under compulsory education or the
/// qualification duty without an active enrolment, for the attendance officer of the learner's home municipality,
/// and closes open cases whose child is enrolled again ("resolved by enrolment", history kept).
/// Idempotent: a child never has two cases that are not closed (a filtered unique index guarantees it even
/// if two nodes raced past the daily claim of <see cref="DailyJobRunner"/>).
/// </summary>
public sealed class LeerplichtSweep(LeerkluisDb db, DossierGuard guard, TimeProvider clock) : IDailyJob
{
    public const string JobName = "leerplicht-sweep";
    public const string SystemAuthor = "Leerkluis";
    public string Name => JobName;

    public async Task<string> RunAsync(DateOnly day, CancellationToken ct)
    {
        var opened = await OpenCasesAsync(day, ct);
        var closed = await CloseEnrolledAsync(day, ct);
        await db.SaveChangesAsync(ct);
        return $"{opened} cases opened, {closed} closed by enrolment";
    }

    private async Task<int> OpenCasesAsync(DateOnly day, CancellationToken ct)
    {
        var born = CompulsoryEducationRule.BirthDatesUnderDuty(day);
        var cases = db.Set<UnenrolledChildCase>();
        var qualifications = db.Set<QualificationObtained>();
        // One set-based query (birth date range from the rule, index on BirthDate; enrolments by their LearnerId key).
        var found = await db.Learners.AsNoTracking()
            .Where(l => l.BirthDate >= born.Earliest && l.BirthDate <= born.Latest && l.Address.MunicipalityCode != null)
            .Where(l => !db.Set<Enrolment>().Any(e => e.LearnerId == l.Id && e.StartDate <= day && (e.EndDate == null || e.EndDate >= day)))
            .Where(l => l.BirthDate >= born.CompulsoryEarliest || !qualifications.Any(q => q.LearnerId == l.Id && q.Date <= day))
            .Where(l => !cases.Any(c => c.SubjectId == l.Id && c.Status != CaseStatus.Closed))
            // A child first reported by a resident list keeps that case until it is closed.
            .Where(l => l.PersonalNumber == null || !cases.Any(c => c.LearnerId == null && c.PersonalNumber == l.PersonalNumber && c.Status != CaseStatus.Closed))
            .Select(l => new
            {
                l.Id, l.PersonalNumber, l.FirstNames, l.CallName, l.Prefix, l.LastName, BirthDate = l.BirthDate!.Value,
                l.Address.MunicipalityCode, l.Address.Street, l.Address.HouseNumber, l.Address.PostalCode, l.Address.City,
            })
            .ToListAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var l in found)
        {
            var c = new UnenrolledChildCase
            {
                SubjectId = l.Id, Id = Guid.CreateVersion7(), LearnerId = l.Id, MunicipalityCode = l.MunicipalityCode!,
                Reason = CaseReason.NotEnrolled, OpenedOn = day, UpdatedUtc = now, PersonalNumber = l.PersonalNumber,
                ChildName = PersonName.Format(l.CallName ?? l.FirstNames, l.Prefix, l.LastName), BirthDate = l.BirthDate,
                Address = $"{l.Street} {l.HouseNumber}, {l.City}".Trim(' ', ','), PostalCode = l.PostalCode,
            };
            db.Add(c);
            db.Add(new CaseEvent
            {
                SubjectId = c.SubjectId, Id = Guid.CreateVersion7(), CaseId = c.Id, AtUtc = now, Kind = CaseEventKind.Opened,
                Status = CaseStatus.Open, Text = "Geen actieve inschrijving gevonden.", AuthorName = SystemAuthor,
            });
            await guard.RecordRuleAsync(SystemActor.LeerplichtSweep, l.Id, Section.Enrolment, Operation.Write, AuditEvent.Leerplicht_CaseOpened, ct);
        }
        return found.Count;
    }

    private async Task<int> CloseEnrolledAsync(DateOnly day, CancellationToken ct)
    {
        var active = db.Enrolments.Where(e => e.StartDate <= day && (e.EndDate == null || e.EndDate >= day));
        var enrolled = await db.Set<UnenrolledChildCase>()
            .Where(c => c.Status != CaseStatus.Closed)
            .Where(c => c.LearnerId != null
                ? active.Any(e => e.LearnerId == c.LearnerId)
                : c.PersonalNumber != null && db.Set<PersonalNumberClaim>().Any(p => p.PersonalNumber == c.PersonalNumber && active.Any(e => e.LearnerId == p.LearnerId)))
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var c in enrolled)
        {
            c.Status = CaseStatus.Closed;
            c.ClosingReason = ClosingReason.Enrolled;
            c.ClosedOn = day;
            c.UpdatedUtc = now;
            db.Add(new CaseEvent
            {
                SubjectId = c.SubjectId, Id = Guid.CreateVersion7(), CaseId = c.Id, AtUtc = now, Kind = CaseEventKind.Closed,
                Status = CaseStatus.Closed, ClosingReason = ClosingReason.Enrolled, Text = "Automatisch gesloten: het kind is weer ingeschreven op een school.",
                AuthorName = SystemAuthor,
            });
            if (c.LearnerId is { } learnerId)
                await guard.RecordRuleAsync(SystemActor.LeerplichtSweep, learnerId, Section.Enrolment, Operation.Write, AuditEvent.Leerplicht_CaseClosed, ct);
        }
        return enrolled.Count;
    }
}
