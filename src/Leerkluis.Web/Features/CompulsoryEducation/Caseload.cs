using System.Globalization;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.CompulsoryEducation;

public sealed record CaseFilter(CaseStatus? Status = null, int? MinAge = null, int? MaxAge = null, DateOnly? Since = null);

public sealed record CaseRow(Guid SubjectId, Guid Id, string ChildName, DateOnly BirthDate, int Age, string? PersonalNumber, CaseReason Reason,
    CaseStatus Status, DateOnly OpenedOn, ClosingReason? ClosingReason, bool InRegistry);

public sealed record CaseEventView(DateTime AtUtc, CaseEventKind Kind, CaseStatus? Status, ClosingReason? ClosingReason, string? Text, string AuthorName);

public sealed record CaseDetail(Guid SubjectId, Guid Id, string ChildName, DateOnly BirthDate, int Age, DutyStatus Duty, string? PersonalNumber,
    string? Address, string? PostalCode, string MunicipalityCode, CaseReason Reason, CaseStatus Status, DateOnly OpenedOn, DateOnly? ClosedOn,
    ClosingReason? ClosingReason, bool InRegistry, IReadOnlyList<CaseEventView> Events);

public sealed record AddNoteCommand(string? Text);
public sealed record ChangeStatusCommand(CaseStatus? Status, ClosingReason? ClosingReason, string? Note);

/// <summary>
/// The attendance officer's caseload: only cases of the officer's own municipality, found by query
/// (Actor.MunicipalityCode); anything else is "not found". Reading or changing a case of a registered learner is
/// audited in that learner's chain with basis LegalDuty (Section.Enrolment). A child known only from the
/// municipality's own resident list has no dossier in the vault: its case is the municipality's own record.
/// </summary>
public sealed class Caseload(LeerkluisDb db, DossierGuard guard, CurrentActor current, TimeProvider clock)
{
    /// <summary>The officer's municipality, or 404 for anyone else.</summary>
    public string Municipality()
    {
        var actor = current.Value;
        if (actor.Role != Roles.AttendanceOfficer || string.IsNullOrEmpty(actor.MunicipalityCode)) throw new NotFoundException();
        return actor.MunicipalityCode;
    }

    /// <summary>The list is the caseload's index (like a search result): not audited per learner (ADR 0003).</summary>
    public async Task<IReadOnlyList<CaseRow>> ListAsync(CaseFilter filter, CancellationToken ct = default)
    {
        var municipality = Municipality();
        var today = Amsterdam.Today(clock);
        var q = db.Set<UnenrolledChildCase>().AsNoTracking().Where(c => c.MunicipalityCode == municipality);
        if (filter.Status is { } status) q = q.Where(c => c.Status == status);
        if (filter.Since is { } since) q = q.Where(c => c.OpenedOn >= since);
        // Age a ≥ min ⇔ born on or before today − min years; age ≤ max ⇔ born after today − (max + 1) years.
        if (filter.MinAge is { } min) { var bornBy = today.AddYears(-min); q = q.Where(c => c.BirthDate <= bornBy); }
        if (filter.MaxAge is { } max) { var bornAfter = today.AddYears(-(max + 1)); q = q.Where(c => c.BirthDate > bornAfter); }
        var rows = await q.OrderBy(c => c.Status == CaseStatus.Closed).ThenByDescending(c => c.OpenedOn).ThenBy(c => c.ChildName)
            .Take(5000).ToListAsync(ct);
        return rows.Select(c => new CaseRow(c.SubjectId, c.Id, c.ChildName, c.BirthDate, Age.On(c.BirthDate, today), c.PersonalNumber, c.Reason,
            c.Status, c.OpenedOn, c.ClosingReason, c.LearnerId is not null)).ToList();
    }

    public async Task<CaseDetail> GetAsync(Guid subjectId, Guid id, CancellationToken ct = default)
    {
        var c = await FindAsync(subjectId, id, Operation.Read, AuditEvent.Leerplicht_Case, ct);
        await db.SaveChangesAsync(ct);
        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.SubjectId == subjectId && e.CaseId == id)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new CaseEventView(e.AtUtc, e.Kind, e.Status, e.ClosingReason, e.Text, e.AuthorName)).ToListAsync(ct);
        var today = Amsterdam.Today(clock);
        var qualified = c.LearnerId is { } lid && await db.Set<QualificationObtained>().AnyAsync(q => q.LearnerId == lid && q.Date <= today, ct);
        return new CaseDetail(c.SubjectId, c.Id, c.ChildName, c.BirthDate, Age.On(c.BirthDate, today),
            CompulsoryEducationRule.Status(c.BirthDate, today, qualified), c.PersonalNumber, c.Address, c.PostalCode, c.MunicipalityCode, c.Reason,
            c.Status, c.OpenedOn, c.ClosedOn, c.ClosingReason, c.LearnerId is not null, events);
    }

    public async Task AddNoteAsync(Guid subjectId, Guid id, AddNoteCommand command, CancellationToken ct = default)
    {
        new Validation().Require("text", command.Text, "De notitie", 4000).ThrowIfInvalid();
        var c = await FindAsync(subjectId, id, Operation.Write, AuditEvent.Leerplicht_Note, ct);
        c.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        db.Add(await EventAsync(c, CaseEventKind.Note, null, null, command.Text!.Trim(), ct));
        await db.SaveChangesAsync(ct);
    }

    public async Task ChangeStatusAsync(Guid subjectId, Guid id, ChangeStatusCommand command, CancellationToken ct = default)
    {
        var v = new Validation().Max("note", command.Note, "De toelichting", 4000);
        if (command.Status is null) v.Add("status", "Kies de nieuwe status.");
        if (command.Status == CaseStatus.Closed && command.ClosingReason is null) v.Add("closingReason", "Kies de reden van sluiten.");
        if (command.Status == CaseStatus.Closed && command.ClosingReason == ClosingReason.Other && string.IsNullOrWhiteSpace(command.Note))
            v.Add("note", "Licht de reden 'anders' toe.");
        v.ThrowIfInvalid();
        var c = await FindAsync(subjectId, id, Operation.Write, AuditEvent.Leerplicht_Status, ct);
        // A closed case stays closed: if the child needs attention again, the sweep or a list opens a new case (history kept).
        if (c.Status == CaseStatus.Closed) throw ValidationFailedException.For("status", "Deze zaak is gesloten en kan niet meer worden gewijzigd.");
        if (c.Status == command.Status) throw ValidationFailedException.For("status", "De zaak heeft deze status al.");
        var now = clock.GetUtcNow().UtcDateTime;
        c.Status = command.Status!.Value;
        c.UpdatedUtc = now;
        if (c.Status == CaseStatus.Closed)
        {
            c.ClosingReason = command.ClosingReason;
            c.ClosedOn = Amsterdam.Today(clock);
        }
        var kind = c.Status == CaseStatus.Closed ? CaseEventKind.Closed : CaseEventKind.StatusChanged;
        db.Add(await EventAsync(c, kind, c.Status, c.ClosingReason, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(), ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The filtered list as CSV (semicolon-separated, UTF-8 with BOM, so that Excel opens it as is).</summary>
    public async Task<byte[]> ExportCsvAsync(CaseFilter filter, CancellationToken ct = default)
    {
        var rows = await ListAsync(filter, ct);
        return CsvExport.Write(["bsn", "naam", "geboortedatum", "leeftijd", "reden", "status", "geopend", "reden_sluiten", "in_register"],
            rows.Select(r => new[]
            {
                r.PersonalNumber ?? "", r.ChildName, Amsterdam.Date(r.BirthDate), r.Age.ToString(CultureInfo.InvariantCulture), r.Reason.ToString(),
                r.Status.ToString(), Amsterdam.Date(r.OpenedOn), r.ClosingReason?.ToString() ?? "", r.InRegistry ? "ja" : "nee",
            }));
    }

    private async Task<UnenrolledChildCase> FindAsync(Guid subjectId, Guid id, Operation operation, AuditEvent action, CancellationToken ct)
    {
        var actor = current.Value;
        var c = await db.Set<UnenrolledChildCase>().FirstOrDefaultAsync(x => x.SubjectId == subjectId && x.Id == id, ct);
        if (c is null) throw new NotFoundException();
        var mine = actor.Role == Roles.AttendanceOfficer && !string.IsNullOrEmpty(actor.MunicipalityCode) && c.MunicipalityCode == actor.MunicipalityCode;
        // A case of a registered learner is decided and recorded by the guard, a failed attempt too (404);
        // a child known only from the resident list has no dossier to record in.
        if (c.LearnerId is { } learnerId) await guard.RequireInMunicipalityAsync(c.MunicipalityCode, learnerId, Section.Enrolment, operation, action, ct);
        else if (!mine) throw new NotFoundException();
        return c;
    }

    private async Task<CaseEvent> EventAsync(UnenrolledChildCase c, CaseEventKind kind, CaseStatus? status, ClosingReason? reason, string? text, CancellationToken ct)
    {
        var actor = current.Value;
        var author = actor.UserId is { } uid
            ? await db.Users.Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "?"
            : LeerplichtSweep.SystemAuthor;
        return new CaseEvent
        {
            SubjectId = c.SubjectId, Id = Guid.CreateVersion7(), CaseId = c.Id, AtUtc = clock.GetUtcNow().UtcDateTime, Kind = kind,
            Status = status, ClosingReason = reason, Text = text, AuthorUserId = actor.UserId, AuthorName = author,
        };
    }
}
