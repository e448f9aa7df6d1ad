using Leerkluis.Web.Features.Careers.Intake;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers.Candidates;

public sealed record CreateCandidateCommand(Guid RegionId, CandidateProfile Profile, bool Consent, string? ConsentPurpose);
public sealed record AddContactCommand(ContactKind Kind, string? Summary);
public sealed record AddTaskCommand(string? Title, DateOnly? DueDate);
public sealed record ShareCommand(Guid RegionId);
public sealed record MergeCommand(Guid DuplicateId);

/// <summary>Advisors' changes to candidates: create, profile, next phase, contacts, tasks, sharing, handover, merge.</summary>
public sealed class CandidateCommands(LeerkluisDb db, CareerScope scope, TimeProvider clock)
{
    public const string DefaultConsentPurpose = "Begeleiding naar een baan in het onderwijs door het regioloket";

    public async Task<Candidate> CreateAsync(CreateCandidateCommand c, CancellationToken ct)
    {
        var regions = await scope.AdvisorRegionsAsync(ct);
        if (!regions.Contains(c.RegionId)) throw ValidationFailedException.For("regionId", "Kies een regio van uw loket.");
        await CandidateWrite.ValidateAsync(db, c.Profile, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var candidate = new Candidate
        {
            Id = Guid.CreateVersion7(), RegionId = c.RegionId, FirstName = "", LastName = "", CreatedUtc = now, PhaseSinceUtc = now,
            OwnerUserId = scope.Actor.UserId, OwnerName = await scope.ActorNameAsync(ct),
            ConsentUtc = c.Consent ? now : null, ConsentPurpose = c.Consent ? (string.IsNullOrWhiteSpace(c.ConsentPurpose) ? DefaultConsentPurpose : c.ConsentPurpose.Trim()) : null,
        };
        CandidateWrite.Apply(candidate, c.Profile);
        db.Add(candidate);
        db.Add(new PhaseChange { Id = Guid.CreateVersion7(), CandidateId = candidate.Id, To = Phase.Interest, AtUtc = now, AuthorUserId = scope.Actor.UserId, AuthorName = candidate.OwnerName });
        await db.SaveChangesAsync(ct);
        return candidate;
    }

    public async Task UpdateProfileAsync(Guid id, CandidateProfile p, CancellationToken ct)
    {
        var candidate = await scope.CandidateAsync(id, work: true, ct);
        await CandidateWrite.ValidateAsync(db, p, ct);
        CandidateWrite.Apply(candidate, p);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves the candidate one phase on; the change is kept with time and author.</summary>
    public async Task<Phase> AdvanceAsync(Guid id, CancellationToken ct)
    {
        var candidate = await scope.CandidateAsync(id, work: true, ct);
        if (candidate.Phase == Phase.Start) throw ValidationFailedException.For("phase", "De kandidaat is al in de laatste fase (start).");
        var now = clock.GetUtcNow().UtcDateTime;
        var from = candidate.Phase;
        candidate.Phase = from + 1;
        candidate.PhaseSinceUtc = now;
        db.Add(new PhaseChange { Id = Guid.CreateVersion7(), CandidateId = id, From = from, To = candidate.Phase, AtUtc = now, AuthorUserId = scope.Actor.UserId, AuthorName = await scope.ActorNameAsync(ct) });
        await db.SaveChangesAsync(ct);
        return candidate.Phase;
    }

    public async Task<ContactMoment> AddContactAsync(Guid id, AddContactCommand c, CancellationToken ct)
    {
        await scope.CandidateAsync(id, work: true, ct);
        new Validation().Require("summary", c.Summary, "De samenvatting", 4000).ThrowIfInvalid();
        if (!Enum.IsDefined(c.Kind)) throw ValidationFailedException.For("kind", "Kies het soort contact.");
        var moment = new ContactMoment
        {
            Id = Guid.CreateVersion7(), CandidateId = id, Kind = c.Kind, AtUtc = clock.GetUtcNow().UtcDateTime,
            AuthorUserId = scope.Actor.UserId, AuthorName = await scope.ActorNameAsync(ct), Summary = c.Summary!.Trim(),
        };
        db.Add(moment);
        await db.SaveChangesAsync(ct);
        return moment;
    }

    public async Task<CandidateTask> AddTaskAsync(Guid id, AddTaskCommand c, CancellationToken ct)
    {
        await scope.CandidateAsync(id, work: true, ct);
        new Validation().Require("title", c.Title, "De taak", 300).ThrowIfInvalid();
        var task = new CandidateTask
        {
            Id = Guid.CreateVersion7(), CandidateId = id, Title = c.Title!.Trim(), DueDate = c.DueDate,
            OwnerUserId = scope.Actor.UserId, OwnerName = await scope.ActorNameAsync(ct),
        };
        db.Add(task);
        await db.SaveChangesAsync(ct);
        return task;
    }

    public async Task CompleteTaskAsync(Guid id, Guid taskId, CancellationToken ct)
    {
        await scope.CandidateAsync(id, work: true, ct);
        var task = await db.Set<CandidateTask>().FirstOrDefaultAsync(t => t.Id == taskId && t.CandidateId == id, ct) ?? throw new Platform.Audit.NotFoundException();
        task.DoneUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Makes the candidate visible to another region's desk (cross-border interest).</summary>
    public async Task ShareAsync(Guid id, Guid regionId, CancellationToken ct)
    {
        var candidate = await scope.CandidateAsync(id, work: true, ct);
        if (!await db.Set<Region>().AnyAsync(r => r.Id == regionId, ct)) throw ValidationFailedException.For("regionId", "Deze regio bestaat niet.");
        if (regionId == candidate.RegionId || await db.Set<CandidateShare>().AnyAsync(s => s.CandidateId == id && s.RegionId == regionId, ct)) return;
        db.Add(new CandidateShare { Id = Guid.CreateVersion7(), CandidateId = id, RegionId = regionId, SharedUtc = clock.GetUtcNow().UtcDateTime });
        await NoteAsync(id, $"Gedeeld met regio {await RegionNameAsync(regionId, ct)}.", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Hands the candidate over to another region; the history stays with the candidate, the old region keeps no access.</summary>
    public async Task HandoverAsync(Guid id, Guid regionId, CancellationToken ct)
    {
        var candidate = await scope.CandidateAsync(id, work: true, ct);
        if (!await db.Set<Region>().AnyAsync(r => r.Id == regionId, ct)) throw ValidationFailedException.For("regionId", "Deze regio bestaat niet.");
        if (regionId == candidate.RegionId) return;
        var from = await RegionNameAsync(candidate.RegionId, ct);
        candidate.RegionId = regionId;
        candidate.OwnerUserId = null;
        candidate.OwnerName = null;
        await db.Set<CandidateShare>().Where(s => s.CandidateId == id && s.RegionId == regionId).ExecuteDeleteAsync(ct);
        await NoteAsync(id, $"Overgedragen van regio {from} aan regio {await RegionNameAsync(regionId, ct)}.", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Merges a duplicate into this candidate: every phase change, contact moment, task, share and intake moves over,
    /// empty fields are filled and lists united, and a note records what the duplicate held. Then the duplicate goes.
    /// </summary>
    public async Task MergeAsync(Guid survivorId, Guid duplicateId, CancellationToken ct)
    {
        if (survivorId == duplicateId) throw ValidationFailedException.For("duplicateId", "Een kandidaat kan niet met zichzelf worden samengevoegd.");
        var survivor = await scope.CandidateAsync(survivorId, work: true, ct);
        var duplicate = await scope.CandidateAsync(duplicateId, work: true, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        await db.Set<PhaseChange>().Where(x => x.CandidateId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CandidateId, survivorId), ct);
        await db.Set<ContactMoment>().Where(x => x.CandidateId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CandidateId, survivorId), ct);
        await db.Set<CandidateTask>().Where(x => x.CandidateId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CandidateId, survivorId), ct);
        await db.Set<IntakeSubmission>().Where(x => x.CandidateId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CandidateId, survivorId), ct);
        var survivorShares = await db.Set<CandidateShare>().Where(x => x.CandidateId == survivorId).Select(x => x.RegionId).ToListAsync(ct);
        var movedShares = await db.Set<CandidateShare>().Where(x => x.CandidateId == duplicateId).Select(x => x.RegionId).ToListAsync(ct);
        // The duplicate's own region keeps seeing the person it already guided.
        foreach (var region in movedShares.Append(duplicate.RegionId).Distinct().Where(r => r != survivor.RegionId && !survivorShares.Contains(r)))
            db.Add(new CandidateShare { Id = Guid.CreateVersion7(), CandidateId = survivorId, RegionId = region, SharedUtc = clock.GetUtcNow().UtcDateTime });

        CandidateWrite.FillFrom(survivor, duplicate);
        if (duplicate.Phase > survivor.Phase) { survivor.Phase = duplicate.Phase; survivor.PhaseSinceUtc = duplicate.PhaseSinceUtc; }
        await NoteAsync(survivorId, $"Samengevoegd met dubbele registratie: {duplicate.FullName}, {duplicate.Email ?? "geen e-mail"}, {duplicate.Phone ?? "geen telefoon"}, aangemaakt {Platform.Time.Amsterdam.DateTime(duplicate.CreatedUtc)}.", ct);
        db.Remove(duplicate);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>An advisor takes over what a website submission added to an existing person.</summary>
    public async Task ApplyIntakeAsync(Guid id, Guid submissionId, CancellationToken ct)
    {
        var candidate = await scope.CandidateAsync(id, work: true, ct);
        var submission = await db.Set<IntakeSubmission>().FirstOrDefaultAsync(s => s.Id == submissionId && s.CandidateId == id, ct) ?? throw new Platform.Audit.NotFoundException();
        if (submission.Status != IntakeStatus.PendingReview) return;
        IntakeSubmissions.Apply(candidate, submission);
        await NoteAsync(id, $"Aanmelding via de website van {Platform.Time.Amsterdam.DateTime(submission.ReceivedUtc)} verwerkt.", ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task NoteAsync(Guid candidateId, string text, CancellationToken ct) =>
        db.Add(new ContactMoment
        {
            Id = Guid.CreateVersion7(), CandidateId = candidateId, Kind = ContactKind.Note, AtUtc = clock.GetUtcNow().UtcDateTime,
            AuthorUserId = scope.Actor.UserId, AuthorName = await scope.ActorNameAsync(ct), Summary = text,
        });

    private Task<string> RegionNameAsync(Guid id, CancellationToken ct) =>
        db.Set<Region>().Where(r => r.Id == id).Select(r => r.Name).FirstAsync(ct);
}
