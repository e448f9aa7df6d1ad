using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Features.Careers.Documents;
using Leerkluis.Web.Features.Careers.Intake;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers.Portal;

public sealed record PortalContact(string Name, string Role, string? Email);
public sealed record PortalView(Guid Id, string Name, string RegionName, Phase Phase, DateTime PhaseSinceUtc, string NextStep,
    IReadOnlyList<PortalContact> Contacts, IReadOnlyList<HistoryEntry> Route, CandidateProfile Profile, bool HasConsent, DateTime? ConsentUtc, string? ConsentPurpose);

/// <summary>What the candidate's own log-in may do: see their route, edit their profile, and the AVG rights (export, erase, withdraw consent).</summary>
public sealed class CandidatePortal(LeerkluisDb db, CareerScope scope, TimeProvider clock, UserManager<AppUser> users)
{
    public async Task<PortalView> ViewAsync(CancellationToken ct)
    {
        var c = await scope.MeAsync(ct);
        var region = await db.Set<Region>().Where(r => r.Id == c.RegionId).Select(r => r.Name).FirstAsync(ct);
        var contacts = new List<PortalContact>();
        if (c.OwnerUserId is { } owner)
        {
            var email = await db.Users.Where(u => u.Id == owner).Select(u => u.Email).FirstOrDefaultAsync(ct);
            contacts.Add(new PortalContact(c.OwnerName ?? "Adviseur", "Je adviseur", email));
        }
        var phases = await db.Set<PhaseChange>().Where(p => p.CandidateId == c.Id).ToListAsync(ct);
        // Internal notes of the desk stay internal; calls, meetings, e-mails and activities are the candidate's too.
        var moments = await db.Set<ContactMoment>().Where(m => m.CandidateId == c.Id && m.Kind != ContactKind.Note).ToListAsync(ct);
        var route = phases.Select(p => new HistoryEntry(p.AtUtc, p.AuthorName, CareerCodes.PhaseLabel(p.To), null))
            .Concat(moments.Select(m => new HistoryEntry(m.AtUtc, m.AuthorName, m.Summary, m.Kind)))
            .OrderByDescending(h => h.AtUtc).ToList();
        return new PortalView(c.Id, c.FullName, region, c.Phase, c.PhaseSinceUtc, CareerCodes.NextStep(c.Phase), contacts, route, CandidateProfile.Of(c),
            c.HasConsent, c.ConsentUtc, c.ConsentPurpose);
    }

    /// <summary>The candidate edits their profile; bottleneck tags are the desk's and stay as they were.</summary>
    public async Task UpdateAsync(CandidateProfile p, CancellationToken ct)
    {
        var c = await scope.MeAsync(ct);
        p = p with { Bottlenecks = c.Bottlenecks };
        await CandidateWrite.ValidateAsync(db, p, ct);
        CandidateWrite.Apply(c, p);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Everything held about the candidate (AVG inzage and overdraagbaarheid), as one JSON document.</summary>
    public async Task<object> ExportAsync(CancellationToken ct)
    {
        var c = await scope.MeAsync(ct);
        return new
        {
            exportedUtc = clock.GetUtcNow().UtcDateTime,
            region = await db.Set<Region>().Where(r => r.Id == c.RegionId).Select(r => r.Name).FirstAsync(ct),
            profile = CandidateProfile.Of(c),
            phase = c.Phase, phaseSinceUtc = c.PhaseSinceUtc, createdUtc = c.CreatedUtc,
            consent = new { c.ConsentUtc, c.ConsentPurpose, c.ConsentWithdrawnUtc },
            owner = c.OwnerName,
            phaseChanges = await db.Set<PhaseChange>().Where(p => p.CandidateId == c.Id).OrderBy(p => p.AtUtc).Select(p => new { p.AtUtc, p.From, p.To, p.AuthorName }).ToListAsync(ct),
            contactMoments = await db.Set<ContactMoment>().Where(m => m.CandidateId == c.Id).OrderBy(m => m.AtUtc).Select(m => new { m.AtUtc, m.Kind, m.AuthorName, m.Summary }).ToListAsync(ct),
            tasks = await db.Set<CandidateTask>().Where(t => t.CandidateId == c.Id).Select(t => new { t.Title, t.OwnerName, t.DueDate, t.DoneUtc }).ToListAsync(ct),
            documents = await db.Set<CandidateDocument>().Where(d => d.CandidateId == c.Id).Select(d => new { d.FileName, d.Kind, d.Size, d.UploadedUtc }).ToListAsync(ct),
            intakeSubmissions = await db.Set<IntakeSubmission>().Where(s => s.CandidateId == c.Id).Select(s => new { s.ReceivedUtc, s.FirstName, s.LastName, s.Email, s.Phone, s.BirthDate, s.Subjects, s.Sectors, s.Message }).ToListAsync(ct),
        };
    }

    public async Task WithdrawConsentAsync(CancellationToken ct)
    {
        var c = await scope.MeAsync(ct);
        if (!c.HasConsent) return;
        c.ConsentWithdrawnUtc = clock.GetUtcNow().UtcDateTime;
        db.Add(new ContactMoment
        {
            Id = Guid.CreateVersion7(), CandidateId = c.Id, Kind = ContactKind.Note, AtUtc = c.ConsentWithdrawnUtc.Value,
            AuthorUserId = c.UserId, AuthorName = c.FullName, Summary = "Toestemming ingetrokken door de kandidaat.",
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>AVG verwijdering: the candidate, all history (cascade) and the log-in go.</summary>
    public async Task EraseAsync(string confirmation, CancellationToken ct)
    {
        if (!string.Equals(confirmation?.Trim(), "VERWIJDER", StringComparison.OrdinalIgnoreCase))
            throw ValidationFailedException.For("confirmation", "Typ VERWIJDER om te bevestigen dat al je gegevens worden verwijderd.");
        var c = await scope.MeAsync(ct);
        var userId = c.UserId;
        db.Remove(c);
        await db.SaveChangesAsync(ct);
        if (userId is { } id && await users.FindByIdAsync(id.ToString()) is { } user) await users.DeleteAsync(user);
    }
}
