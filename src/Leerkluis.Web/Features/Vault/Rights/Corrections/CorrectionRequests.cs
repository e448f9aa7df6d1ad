using Leerkluis.Web.Features.Accounts;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Mail;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.Rights.Corrections;

public sealed record ProposedChange(string? Field, string? ProposedValue);
public sealed record SubmitCorrectionCommand(IReadOnlyList<ProposedChange>? Changes, string? Note);
public sealed record RejectCorrectionCommand(string? Reason);

public sealed record CorrectionChangeView(string Field, string Label, string? CurrentValue, string? ProposedValue, string CurrentText, string ProposedText);
public sealed record CorrectionRequestView(Guid Id, Guid LearnerId, string LearnerName, string RequestedBy, DateTime RequestedUtc, string? Note,
    string Status, DateTime? HandledUtc, string? Reason, IReadOnlyList<CorrectionChangeView> Changes);
public sealed record CorrectionQueueRow(Guid Id, Guid LearnerId, string LearnerName, DateTime RequestedUtc, string Status, string Fields, DateTime? HandledUtc);

/// <summary>
/// Correction requests (rectification): the family proposes, the school decides. One open request per learner
/// per field (and, for contact data, per guardian) is enough: a second one for the same field would only race
/// the first, so it is refused with a message pointing to the open one; other fields may be asked meanwhile.
/// </summary>
public sealed class CorrectionRequests(
    LeerkluisDb db, RightsAccess rights, DossierGuard guard, UpdatePersonalia updatePersonalia,
    UserManager<AppUser> users, IMailer mailer, AccountLinks links, TimeProvider clock, ILogger<CorrectionRequests> log)
{
    private DbSet<CorrectionRequest> Requests => db.Set<CorrectionRequest>();

    public async Task<Guid> SubmitAsync(Guid learnerId, SubmitCorrectionCommand c, CancellationToken ct = default)
    {
        var holder = await rights.RequireAsync(learnerId, Right.Correction, AuditEvent.Rights_CorrectionRequest, ct);
        var today = Amsterdam.Today(clock);
        var learner = await db.Learners.AsNoTracking().FirstAsync(l => l.Id == learnerId, ct);
        var guardian = holder.GuardianId is { } gid ? await db.Guardians.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gid, ct) : null;

        var v = new Validation().Max("note", c.Note, "Toelichting", CorrectionFields.NoteMax);
        var changes = new List<CorrectionChange>();
        var proposed = c.Changes ?? [];
        if (proposed.Count == 0) v.Add("changes", "Geef minstens één gegeven op dat u wilt laten corrigeren.");
        var open = await Requests.AsNoTracking().Where(r => r.LearnerId == learnerId && r.Status == CorrectionStatus.Open)
            .Join(db.Set<CorrectionChange>().Where(ch => ch.LearnerId == learnerId), r => r.Id, ch => ch.RequestId, (r, ch) => new { ch.Field, r.RequestedByGuardianId })
            .ToListAsync(ct);
        for (var i = 0; i < proposed.Count; i++)
        {
            var key = $"changes[{i}]";
            if (CorrectionFields.Parse(proposed[i].Field) is not { } field)
            {
                v.Add($"{key}.field", $"Onbekend gegeven '{proposed[i].Field}'. Te corrigeren zijn: {string.Join(", ", Enum.GetNames<CorrectionField>().Select(Camel))}.");
                continue;
            }
            var label = CorrectionFields.Label(field);
            if (CorrectionFields.IsGuardianContact(field) && guardian is null)
            {
                v.Add($"{key}.field", $"{label}: alleen een ouder/verzorger kan de eigen contactgegevens laten corrigeren.");
                continue;
            }
            if (changes.Any(x => x.Field == field)) { v.Add($"{key}.field", $"{label} staat twee keer in het verzoek."); continue; }
            var (value, error) = CorrectionFields.Normalize(field, proposed[i].ProposedValue, today);
            if (error is not null) { v.Add($"{key}.proposedValue", error); continue; }
            var current = CurrentValue(field, learner, guardian);
            if (string.Equals(current, value, StringComparison.Ordinal)) { v.Add($"{key}.proposedValue", $"{label}: dit is al de huidige waarde."); continue; }
            if (open.Any(o => o.Field == field && (!CorrectionFields.IsGuardianContact(field) || o.RequestedByGuardianId == holder.GuardianId)))
            {
                v.Add($"{key}.field", $"{label}: hiervoor loopt al een verzoek. Wacht op de beslissing van de school.");
                continue;
            }
            changes.Add(new CorrectionChange { LearnerId = learnerId, Id = Guid.CreateVersion7(), Field = field, CurrentValue = current, ProposedValue = value });
        }
        v.ThrowIfInvalid();

        var schoolId = await db.Enrolments.AsNoTracking()
            .Where(e => e.LearnerId == learnerId && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today))
            .OrderBy(e => e.Kind).Select(e => (Guid?)e.SchoolId).FirstOrDefaultAsync(ct)
            ?? throw ValidationFailedException.For("changes", "Er is geen school die deze gegevens beheert: de leerling staat nu nergens ingeschreven.");

        var request = new CorrectionRequest
        {
            LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = schoolId, RequestedByUserId = holder.UserId,
            RequestedByGuardianId = holder.Relation == Relation.Guardian ? holder.GuardianId : null,
            RequestedUtc = clock.GetUtcNow().UtcDateTime, Note = string.IsNullOrWhiteSpace(c.Note) ? null : c.Note.Trim(), Status = CorrectionStatus.Open,
        };
        foreach (var ch in changes) ch.RequestId = request.Id;
        request.Changes = changes;
        Requests.Add(request);
        foreach (var section in changes.Select(ch => CorrectionFields.SectionOf(ch.Field)).Distinct())
            await guard.RecordAsync(learnerId, section, Operation.Write, holder.Decision, AuditEvent.Rights_CorrectionRequest, ct);
        await db.SaveChangesAsync(ct);
        return request.Id;
    }

    /// <summary>The family's own requests with their outcome (newest first).</summary>
    public async Task<IReadOnlyList<CorrectionRequestView>> ForLearnerAsync(Guid learnerId, CancellationToken ct = default)
    {
        await rights.RequireAsync(learnerId, Right.Correction, AuditEvent.Rights_CorrectionRequests, ct);
        await guard.ReadAsync(learnerId, Section.Personalia, AuditEvent.Rights_CorrectionRequests, ct);
        var list = await Requests.AsNoTracking().Include(r => r.Changes).Where(r => r.LearnerId == learnerId)
            .OrderByDescending(r => r.RequestedUtc).ToListAsync(ct);
        return list.Select(r => View(r, "", "", current: null)).ToList();
    }

    /// <summary>The school admin's queue: requests for learners of their school, open or handled.</summary>
    public async Task<IReadOnlyList<CorrectionQueueRow>> QueueAsync(bool handled, CancellationToken ct = default)
    {
        var actor = guard.Actor;
        if (actor.Role != Roles.SchoolAdmin || actor.SchoolId is not { } schoolId) throw new NotFoundException();
        var q = Requests.AsNoTracking().Where(r => r.SchoolId == schoolId);
        q = handled ? q.Where(r => r.Status != CorrectionStatus.Open) : q.Where(r => r.Status == CorrectionStatus.Open);
        // A list of names and dates, like the learner search: the dossier read is audited when a request is opened.
        var rows = await q.OrderByDescending(r => r.RequestedUtc).Take(500)
            .Join(db.Learners, r => r.LearnerId, l => l.Id, (r, l) => new { r, l.FirstNames, l.CallName, l.Prefix, l.LastName })
            .ToListAsync(ct);
        var ids = rows.Select(x => x.r.Id).ToList();
        var fields = await db.Set<CorrectionChange>().AsNoTracking().Where(ch => ids.Contains(ch.RequestId)).Select(ch => new { ch.RequestId, ch.Field }).ToListAsync(ct);
        return rows.Select(x => new CorrectionQueueRow(x.r.Id, x.r.LearnerId, PersonName.Format(x.CallName ?? x.FirstNames, x.Prefix, x.LastName),
            x.r.RequestedUtc, x.r.Status.ToString(),
            string.Join(", ", fields.Where(f => f.RequestId == x.r.Id).Select(f => CorrectionFields.Label(f.Field))), x.r.HandledUtc)).ToList();
    }

    /// <summary>One request for the school, with the values as they are now next to the proposed ones.</summary>
    public async Task<CorrectionRequestView> GetForSchoolAsync(Guid learnerId, Guid requestId, CancellationToken ct = default)
    {
        var r = await LoadForSchoolAsync(learnerId, requestId, Operation.Read, AuditEvent.Rights_CorrectionRequest, ct);
        await db.SaveChangesAsync(ct);
        var learner = await db.Learners.AsNoTracking().FirstAsync(l => l.Id == learnerId, ct);
        var guardian = r.RequestedByGuardianId is { } gid ? await db.Guardians.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gid, ct) : null;
        var requester = guardian?.FullName ?? (r.RequestedByGuardianId is null ? "de leerling zelf" : "ouder/verzorger");
        return View(r, learner.DisplayName, requester, ch => CurrentValue(ch.Field, learner, guardian));
    }

    public async Task ApproveAsync(Guid learnerId, Guid requestId, CancellationToken ct = default)
    {
        var r = await LoadForSchoolAsync(learnerId, requestId, Operation.Write, AuditEvent.Rights_CorrectionApproved, ct);
        EnsureOpen(r);
        var learner = await db.Learners.AsNoTracking().FirstAsync(l => l.Id == learnerId, ct);
        string? P(CorrectionField f, string? now) => r.Changes.FirstOrDefault(ch => ch.Field == f) is { } ch ? ch.ProposedValue : now;

        var contact = r.Changes.Where(ch => CorrectionFields.IsGuardianContact(ch.Field)).ToList();
        if (contact.Count > 0)
        {
            await guard.RequireAsync(learnerId, Section.Family, Operation.Write, AuditEvent.Rights_CorrectionApproved, ct);
            var g = await db.Guardians.FirstAsync(x => x.Id == r.RequestedByGuardianId, ct);
            if (P(CorrectionField.GuardianEmail, null) is { } email && email != g.Email
                && await db.Guardians.AnyAsync(x => x.Email == email && x.Id != g.Id, ct))
                throw ValidationFailedException.For("guardianEmail", "Dit e-mailadres hoort al bij een andere ouder/verzorger; het verzoek kan zo niet worden goedgekeurd.");
            g.Email = P(CorrectionField.GuardianEmail, g.Email);
            g.Phone = P(CorrectionField.GuardianPhone, g.Phone);
            g.Address.Street = P(CorrectionField.GuardianStreet, g.Address.Street);
            g.Address.HouseNumber = P(CorrectionField.GuardianHouseNumber, g.Address.HouseNumber);
            g.Address.PostalCode = P(CorrectionField.GuardianPostalCode, g.Address.PostalCode);
            g.Address.City = P(CorrectionField.GuardianCity, g.Address.City);
        }
        MarkHandled(r, CorrectionStatus.Approved, null);

        if (r.Changes.Any(ch => !CorrectionFields.IsGuardianContact(ch.Field)))
        {
            // The registry's own use case applies personalia (its rules, its audit entry); its transaction commits
            // the request's new status and any contact changes with it.
            var birth = P(CorrectionField.BirthDate, null) is { } b ? DateOnly.ParseExact(b, "yyyy-MM-dd") : learner.BirthDate;
            var a = learner.Address;
            await updatePersonalia.HandleAsync(learnerId, new UpdatePersonaliaCommand(
                P(CorrectionField.FirstNames, learner.FirstNames), P(CorrectionField.CallName, learner.CallName), P(CorrectionField.Prefix, learner.Prefix),
                P(CorrectionField.LastName, learner.LastName), birth, learner.Gender, learner.PersonalNumber,
                new AddressInput(P(CorrectionField.Street, a.Street), P(CorrectionField.HouseNumber, a.HouseNumber), P(CorrectionField.PostalCode, a.PostalCode),
                    P(CorrectionField.City, a.City), a.MunicipalityCode)), ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }
        await NotifyAsync(r, ct);
    }

    public async Task RejectAsync(Guid learnerId, Guid requestId, RejectCorrectionCommand c, CancellationToken ct = default)
    {
        var r = await LoadForSchoolAsync(learnerId, requestId, Operation.Write, AuditEvent.Rights_CorrectionRejected, ct);
        new Validation().Require("reason", c.Reason, "Reden van afwijzing", CorrectionFields.ReasonMax).ThrowIfInvalid();
        EnsureOpen(r);
        MarkHandled(r, CorrectionStatus.Rejected, c.Reason!.Trim());
        await db.SaveChangesAsync(ct);
        await NotifyAsync(r, ct);
    }

    /// <summary>Decides and audits for every section the request touches; only the learner's school gets here.</summary>
    private async Task<CorrectionRequest> LoadForSchoolAsync(Guid learnerId, Guid requestId, Operation op, AuditEvent action, CancellationToken ct)
    {
        var r = await Requests.Include(x => x.Changes).FirstOrDefaultAsync(x => x.LearnerId == learnerId && x.Id == requestId, ct);
        var actor = guard.Actor;
        if (actor.Role != Roles.SchoolAdmin) throw new NotFoundException();
        await guard.RequireAsync(learnerId, Section.Personalia, op, action, ct);
        if (r is null || r.SchoolId != actor.SchoolId) throw new NotFoundException();
        return r;
    }

    private static void EnsureOpen(CorrectionRequest r)
    {
        if (r.Status != CorrectionStatus.Open) throw ValidationFailedException.For("status", "Dit verzoek is al afgehandeld.");
    }

    private void MarkHandled(CorrectionRequest r, CorrectionStatus status, string? reason)
    {
        r.Status = status;
        r.Reason = reason;
        r.HandledByUserId = guard.Actor.UserId;
        r.HandledUtc = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>The requester hears the outcome by e-mail; a failing mail server does not undo the decision.</summary>
    private async Task NotifyAsync(CorrectionRequest r, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(r.RequestedByUserId.ToString());
        if (user?.Email is not { Length: > 0 } to) return;
        var link = links.Build($"/Ouder/Kind/{r.LearnerId}/Correctie", new Dictionary<string, string?>());
        var outcome = r.Status == CorrectionStatus.Approved
            ? "De school heeft uw correctieverzoek goedgekeurd. De gegevens zijn aangepast."
            : $"De school heeft uw correctieverzoek afgewezen.\n\nReden: {r.Reason}";
        var text = $"Beste ouder/verzorger,\n\n{outcome}\n\nU ziet het verzoek en de beslissing in Leerkluis: {link}\n\nMet vriendelijke groet,\nLeerkluis";
        try
        {
            await mailer.SendAsync(to, "Uw correctieverzoek is afgehandeld", text, null, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.OutcomeMailNotSent(ex, r.Id);
        }
    }

    private static string? CurrentValue(CorrectionField f, Learner l, Guardian? g) => f switch
    {
        CorrectionField.FirstNames => l.FirstNames,
        CorrectionField.CallName => l.CallName,
        CorrectionField.Prefix => l.Prefix,
        CorrectionField.LastName => l.LastName,
        CorrectionField.BirthDate => l.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        CorrectionField.Street => l.Address.Street,
        CorrectionField.HouseNumber => l.Address.HouseNumber,
        CorrectionField.PostalCode => l.Address.PostalCode,
        CorrectionField.City => l.Address.City,
        CorrectionField.GuardianEmail => g?.Email,
        CorrectionField.GuardianPhone => g?.Phone,
        CorrectionField.GuardianStreet => g?.Address.Street,
        CorrectionField.GuardianHouseNumber => g?.Address.HouseNumber,
        CorrectionField.GuardianPostalCode => g?.Address.PostalCode,
        CorrectionField.GuardianCity => g?.Address.City,
        _ => null,
    };

    private static CorrectionRequestView View(CorrectionRequest r, string learnerName, string requester, Func<CorrectionChange, string?>? current) =>
        new(r.Id, r.LearnerId, learnerName, requester, r.RequestedUtc, r.Note, r.Status.ToString(), r.HandledUtc, r.Reason,
            r.Changes.OrderBy(ch => ch.Field).Select(ch =>
            {
                var now = current is null ? ch.CurrentValue : current(ch);
                return new CorrectionChangeView(Camel(ch.Field.ToString()), CorrectionFields.Label(ch.Field), now, ch.ProposedValue,
                    CorrectionFields.Display(ch.Field, now), CorrectionFields.Display(ch.Field, ch.ProposedValue));
            }).ToList());

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class CorrectionRequestsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome mail for correction request {RequestId} could not be sent")]
    public static partial void OutcomeMailNotSent(this ILogger log, Exception exception, Guid requestId);
}
