using System.Text.Json;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Attendance.Notices;
using Leerkluis.Web.Features.Attendance.Rules;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.Leave;

public sealed record EvidenceUpload(string? FileName, byte[] Content);
public sealed record SubmitLeaveCommand(string? Kind, DateOnly? From, DateOnly? To, string? Reason, EvidenceUpload? Evidence);
public sealed record DecideLeaveCommand(bool? Grant, string? Reason);

public sealed record LeaveView(Guid Id, Guid LearnerId, string LearnerName, string Kind, DateOnly From, DateOnly To, int SchoolDays,
    string Reason, string Decider, string Status, DateTime RequestedUtc, string? EvidenceFileName, DateTime? DecidedUtc,
    string? DecisionReason, Guid? NoticeId, bool CanDecide, bool CanWithdraw);
public sealed record LeaveQueueRow(Guid Id, Guid LearnerId, string LearnerName, string Kind, DateOnly From, DateOnly To, int SchoolDays,
    string Status, DateTime RequestedUtc);
public sealed record EvidenceDownload(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Leave requests (verlof, Leerplichtwet art. 13a and 14) as one workflow: the guardian asks with evidence, the rules
/// (<see cref="LeaveRules"/>) name the errors and who decides, the head (school admin) or, for important circumstances
/// over 10 school days, the attendance officer of the learner's home municipality decides with a reason, and a grant
/// becomes an absence notice with the school's leave code so the roll call shows "verlof". The guardian withdraws while
/// undecided. Every read and write goes through <see cref="DossierGuard"/> (Section.Absence).
/// </summary>
public sealed class LeaveRequests(LeerkluisDb db, DossierGuard guard, SchoolSchedule schedule, TimeProvider clock)
{
    public const int ReasonMax = 1000;

    private DbSet<LeaveRequest> Requests => db.Set<LeaveRequest>();

    public async Task<Guid> SubmitAsync(Guid learnerId, SubmitLeaveCommand c, CancellationToken ct = default)
    {
        var decision = await guard.RequireAsync(learnerId, Section.Absence, Operation.Write, AuditEvent.Attendance_LeaveRequest, ct);
        if (decision.Relation is not (Relation.Guardian or Relation.SchoolAdmin)) throw new NotFoundException();
        var today = Amsterdam.Today(clock);
        var v = new Validation().Require("reason", c.Reason, "Reden", ReasonMax);
        var kind = ParseKind(c.Kind);
        if (kind is null) v.Add("kind", "Kies het soort verlof: vakantieverlof of verlof wegens gewichtige omstandigheden.");
        if (c.From is null) v.Add("from", "Kies de eerste dag van het verlof.");
        else if (c.From < today) v.Add("from", "Verlof vraagt u vooraf aan; deze dag is al voorbij.");
        if (c.To is null) v.Add("to", "Kies de laatste dag van het verlof.");
        (string? Type, string? Name, string? Error) evidence = default;
        if (c.Evidence is { } upload)
        {
            evidence = EvidenceFile.Check(upload.FileName, upload.Content);
            if (evidence.Error is { } e) v.Add("evidence", e);
        }
        LearnerPlacement? placement = null;
        if (c.From is { } day)
        {
            placement = await LearnerPlacement.OnAsync(db, learnerId, day, decision.Relation == Relation.Guardian ? null : guard.Actor.SchoolId, ct);
            if (placement is null) v.Add("from", $"Op {Amsterdam.Date(day)} staat uw kind niet ingeschreven op een school.");
        }
        v.ThrowIfInvalid();

        var (from, to) = (c.From!.Value, c.To!.Value);
        var calendar = await schedule.CalendarAsync(placement!.SchoolId, ct);
        var year = SchoolYear.Containing(from);
        var holidayThisYear = kind == LeaveKind.Holiday && await Requests.AsNoTracking().AnyAsync(r => r.LearnerId == learnerId
            && r.Kind == LeaveKind.Holiday && (r.Status == LeaveStatus.Submitted || r.Status == LeaveStatus.Granted)
            && r.From >= year.FirstDay && r.From <= year.LastDay, ct);
        var check = LeaveRules.Check(kind!.Value, from, to, calendar, calendar.FirstSchoolDayFrom(year.FirstDay), holidayThisYear);
        foreach (var (field, message) in check.Errors) v.Add(Camel(field), message);
        v.ThrowIfInvalid();

        var request = new LeaveRequest
        {
            LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = placement.SchoolId, Kind = kind.Value, From = from, To = to,
            SchoolDays = check.SchoolDays, Reason = c.Reason!.Trim(), Decider = check.Decider, Status = LeaveStatus.Submitted,
            RequestedByUserId = guard.Actor.UserId ?? Guid.Empty, RequestedUtc = clock.GetUtcNow().UtcDateTime,
            EvidenceFileName = evidence.Name, EvidenceContentType = evidence.Type, Evidence = evidence.Type is null ? null : c.Evidence!.Content,
        };
        db.Add(request);
        await db.SaveChangesAsync(ct);
        return request.Id;
    }

    public async Task WithdrawAsync(Guid learnerId, Guid id, CancellationToken ct = default)
    {
        var decision = await guard.RequireAsync(learnerId, Section.Absence, Operation.Write, AuditEvent.Attendance_LeaveWithdrawn, ct);
        if (decision.Relation != Relation.Guardian) throw new NotFoundException();
        var r = await Requests.FirstOrDefaultAsync(x => x.LearnerId == learnerId && x.Id == id, ct) ?? throw new NotFoundException();
        if (r.Status != LeaveStatus.Submitted) throw ValidationFailedException.For("status", "Over deze aanvraag is al beslist; intrekken kan niet meer.");
        r.Status = LeaveStatus.Withdrawn;
        await db.SaveChangesAsync(ct);
    }

    public async Task<LeaveView> DecideAsync(Guid learnerId, Guid id, DecideLeaveCommand c, CancellationToken ct = default)
    {
        var decision = await guard.RequireAsync(learnerId, Section.Absence, Operation.Write, AuditEvent.Attendance_LeaveDecision, ct);
        var r = await Requests.FirstOrDefaultAsync(x => x.LearnerId == learnerId && x.Id == id, ct) ?? throw new NotFoundException();
        if (!MayDecide(decision, r)) throw new NotFoundException();
        var v = new Validation().Max("reason", c.Reason, "Toelichting", ReasonMax);
        if (r.Status != LeaveStatus.Submitted) v.Add("grant", "Over deze aanvraag is al beslist.");
        if (c.Grant is null) v.Add("grant", "Kies toekennen of afwijzen.");
        else if (c.Grant == false && string.IsNullOrWhiteSpace(c.Reason)) v.Add("reason", "Geef de reden van de afwijzing; de ouders zien die.");
        v.ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        if (c.Grant == true)
        {
            await schedule.SettingsAsync(r.SchoolId, ct); // the school's codes exist from here on
            var code = await db.Set<AbsenceCode>().AsNoTracking().Where(x => x.SchoolId == r.SchoolId && x.Active && x.Category == AbsenceCategory.Leave)
                .OrderBy(x => x.Code == AttendanceDefaults.LeaveCode ? 0 : 1).FirstOrDefaultAsync(ct)
                ?? throw ValidationFailedException.For("grant", "De school heeft geen actieve verlofcode; voeg die eerst toe.");
            var notice = new AbsenceNotice
            {
                LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = r.SchoolId, CodeId = code.Id, Source = NoticeSource.Leave,
                From = r.From, To = r.To, LeaveRequestId = r.Id, ReportedByUserId = guard.Actor.UserId, ReportedUtc = now,
                Reason = r.Kind == LeaveKind.Holiday ? "Vakantieverlof (art. 13a)" : "Verlof gewichtige omstandigheden (art. 14)",
            };
            db.Add(notice);
            r.NoticeId = notice.Id;
        }
        r.Status = c.Grant == true ? LeaveStatus.Granted : LeaveStatus.Refused;
        r.DecidedByUserId = guard.Actor.UserId;
        r.DecidedUtc = now;
        r.DecisionReason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
        await db.SaveChangesAsync(ct);
        return await ViewAsync(r, decision, ct);
    }

    public async Task<IReadOnlyList<LeaveView>> ForLearnerAsync(Guid learnerId, CancellationToken ct = default)
    {
        var decision = await guard.ReadAsync(learnerId, Section.Absence, AuditEvent.Attendance_LeaveRequests, ct);
        var rows = await Requests.AsNoTracking().Where(r => r.LearnerId == learnerId).OrderByDescending(r => r.RequestedUtc).Take(100).ToListAsync(ct);
        var name = await LearnerNames.OfAsync(db, learnerId, ct);
        return rows.Select(r => View(r, name, decision)).ToList();
    }

    public async Task<LeaveView> GetAsync(Guid learnerId, Guid id, CancellationToken ct = default)
    {
        var decision = await guard.ReadAsync(learnerId, Section.Absence, AuditEvent.Attendance_LeaveRequest, ct);
        var r = await Requests.AsNoTracking().FirstOrDefaultAsync(x => x.LearnerId == learnerId && x.Id == id, ct) ?? throw new NotFoundException();
        return await ViewAsync(r, decision, ct);
    }

    public async Task<EvidenceDownload> EvidenceAsync(Guid learnerId, Guid id, CancellationToken ct = default)
    {
        await guard.ReadAsync(learnerId, Section.Absence, AuditEvent.Attendance_LeaveEvidence, ct);
        var e = await Requests.AsNoTracking().Where(x => x.LearnerId == learnerId && x.Id == id && x.Evidence != null)
            .Select(x => new { x.Evidence, x.EvidenceContentType, x.EvidenceFileName }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        return new EvidenceDownload(e.Evidence!, e.EvidenceContentType ?? "application/octet-stream", e.EvidenceFileName ?? "bewijsstuk");
    }

    /// <summary>
    /// The decider's queue: the school admin sees the school's requests the head decides; the attendance officer the
    /// art. 14 requests over 10 days of learners living in the municipality. A list of names and dates, like the learner
    /// search; opening a request is the audited dossier read.
    /// </summary>
    public async Task<IReadOnlyList<LeaveQueueRow>> QueueAsync(bool decided, CancellationToken ct = default)
    {
        var actor = guard.Actor;
        var q = Requests.AsNoTracking();
        if (actor.Role == Roles.SchoolAdmin && actor.SchoolId is { } schoolId)
            q = q.Where(r => r.SchoolId == schoolId && r.Decider == LeaveDecider.Head);
        else if (actor.Role == Roles.AttendanceOfficer && actor.MunicipalityCode is { } municipality)
            q = q.Where(r => r.Decider == LeaveDecider.AttendanceOfficer
                && db.Set<Learner>().Any(l => l.Id == r.LearnerId && l.Address.MunicipalityCode == municipality));
        else throw new NotFoundException();
        q = decided ? q.Where(r => r.Status != LeaveStatus.Submitted) : q.Where(r => r.Status == LeaveStatus.Submitted);
        var rows = await (decided ? q.OrderByDescending(r => r.DecidedUtc) : q.OrderBy(r => r.From)).Take(500)
            .Join(db.Learners, r => r.LearnerId, l => l.Id, (r, l) => new { r.Id, r.LearnerId, r.Kind, r.From, r.To, r.SchoolDays, r.Status, r.RequestedUtc, l.CallName, l.FirstNames, l.Prefix, l.LastName })
            .ToListAsync(ct);
        return rows.Select(x => new LeaveQueueRow(x.Id, x.LearnerId, Registry.PersonName.Format(x.CallName ?? x.FirstNames, x.Prefix, x.LastName),
            Camel(x.Kind.ToString()), x.From, x.To, x.SchoolDays, Camel(x.Status.ToString()), x.RequestedUtc)).ToList();
    }

    public static LeaveKind? ParseKind(string? text) =>
        Enum.TryParse<LeaveKind>(text?.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(text, out _) ? k : null;

    /// <summary>Art. 14 over 10 days: the officer of the home municipality; otherwise the head, as the school's admin.</summary>
    private bool MayDecide(Decision decision, LeaveRequest r) => r.Decider switch
    {
        LeaveDecider.Head => decision.Relation == Relation.SchoolAdmin && guard.Actor.SchoolId == r.SchoolId,
        LeaveDecider.AttendanceOfficer => decision.Relation == Relation.AttendanceOfficer,
        _ => false,
    };

    private async Task<LeaveView> ViewAsync(LeaveRequest r, Decision decision, CancellationToken ct) =>
        View(r, await LearnerNames.OfAsync(db, r.LearnerId, ct), decision);

    private LeaveView View(LeaveRequest r, string name, Decision decision) => new(r.Id, r.LearnerId, name, Camel(r.Kind.ToString()), r.From, r.To,
        r.SchoolDays, r.Reason, Camel(r.Decider.ToString()), Camel(r.Status.ToString()), r.RequestedUtc, r.EvidenceFileName, r.DecidedUtc,
        r.DecisionReason, r.NoticeId, r.Status == LeaveStatus.Submitted && MayDecide(decision, r),
        r.Status == LeaveStatus.Submitted && decision.Relation == Relation.Guardian);

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
