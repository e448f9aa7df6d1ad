using Leerkluis.Web.Features.Careers.Catalog;
using Leerkluis.Web.Features.Careers.Matching;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers.Introductions;

public sealed record ProposeCommand(MatchKind Kind, Guid TargetId);
public sealed record IntroductionStatusCommand(IntroductionStatus Status);

public sealed record IntroductionStep(IntroductionStatus To, DateTime AtUtc, string AuthorName);
public sealed record IntroductionView(Guid Id, Guid CandidateId, string CandidateName, string? CandidateEmail, MatchKind Kind, Guid TargetId, string TargetTitle,
    IntroductionStatus Status, int Score, DateTime CreatedUtc, IReadOnlyList<IntroductionStep> History);

/// <summary>A candidate who consented and fits a vacancy or programme: no contact data until introduced.</summary>
public sealed record SuggestedCandidate(Guid CandidateId, string Name, Phase Phase, IReadOnlyList<string> Subjects, DateOnly? AvailableFrom, int? HoursPerWeek, int Score);

public sealed record PartnerVacancyView(Guid Id, string Title, string Subject, Sector Sector, int Hours, DateOnly StartDate, string RegionName, string? Organisation,
    IReadOnlyList<IntroductionView> Introductions, IReadOnlyList<SuggestedCandidate> Matches);

public sealed record PartnerProgrammeView(Guid Id, string Name, IReadOnlyList<string> Subjects, Sector Sector, DateOnly StartDate, string RegionName, string? Organisation,
    IReadOnlyList<IntroductionView> Introductions, IReadOnlyList<SuggestedCandidate> Interested);

/// <summary>
/// Introductions (voorstellen) from the advisor's matching view, and the screens of HR officers (vacancies of their board) and
/// training coordinators (their programmes). Partners see only candidates with live consent; anything not theirs is 404.
/// </summary>
public sealed class CandidateIntroductions(LeerkluisDb db, CareerScope scope, TimeProvider clock)
{
    public const int MinimumMatchScore = 60;
    private const int SuggestionsPerTarget = 10;

    public async Task<Introduction> ProposeAsync(Guid candidateId, ProposeCommand c, CancellationToken ct)
    {
        var candidate = await scope.CandidateAsync(candidateId, work: true, ct);
        if (!candidate.HasConsent)
            throw ValidationFailedException.For("candidateId", "Deze kandidaat heeft geen toestemming gegeven om gegevens te delen; voorstellen kan niet.");
        var target = await TargetAsync(c.Kind, c.TargetId, ct) ?? throw ValidationFailedException.For("targetId", "Deze vacature of opleiding bestaat niet.");
        if (await db.Set<Introduction>().AnyAsync(i => i.CandidateId == candidateId && i.Kind == c.Kind && i.TargetId == c.TargetId, ct))
            throw ValidationFailedException.For("targetId", "De kandidaat is hier al voorgesteld.");
        var now = clock.GetUtcNow().UtcDateTime;
        var author = await scope.ActorNameAsync(ct);
        var intro = new Introduction
        {
            Id = Guid.CreateVersion7(), CandidateId = candidateId, Kind = c.Kind, TargetId = c.TargetId, CreatedUtc = now,
            Score = MatchScorer.Score(MatchCandidate.Of(candidate), target.Match).Total,
        };
        db.Add(intro);
        db.Add(new IntroductionChange { Id = Guid.CreateVersion7(), IntroductionId = intro.Id, To = IntroductionStatus.Proposed, AtUtc = now, AuthorName = author });
        db.Add(new ContactMoment { Id = Guid.CreateVersion7(), CandidateId = candidateId, Kind = ContactKind.Note, AtUtc = now, AuthorUserId = scope.Actor.UserId,
            AuthorName = author, Summary = $"Voorgesteld voor {target.Title}." });
        await db.SaveChangesAsync(ct);
        return intro;
    }

    /// <summary>The advisor (of the candidate), the HR officer of the vacancy's board or the programme's coordinator moves the status on.</summary>
    public async Task SetStatusAsync(Guid introductionId, IntroductionStatus to, CancellationToken ct)
    {
        var intro = await db.Set<Introduction>().FirstOrDefaultAsync(i => i.Id == introductionId, ct) ?? throw new NotFoundException();
        var actor = scope.Actor;
        if (actor.Role == Roles.RegionalAdvisor) await scope.CandidateAsync(intro.CandidateId, work: true, ct);
        else if (!await PartnerMayAnswerAsync(intro, ct)) throw new NotFoundException();
        if (!IntroductionRules.MayMove(intro.Status, to))
            throw ValidationFailedException.For("status", $"Van {IntroductionRules.Label(intro.Status)} naar {IntroductionRules.Label(to)} kan niet.");
        var now = clock.GetUtcNow().UtcDateTime;
        var author = await scope.ActorNameAsync(ct);
        db.Add(new IntroductionChange { Id = Guid.CreateVersion7(), IntroductionId = intro.Id, From = intro.Status, To = to, AtUtc = now, AuthorName = author });
        intro.Status = to;
        var target = await TargetAsync(intro.Kind, intro.TargetId, ct);
        db.Add(new ContactMoment { Id = Guid.CreateVersion7(), CandidateId = intro.CandidateId, Kind = ContactKind.Note, AtUtc = now, AuthorUserId = actor.UserId,
            AuthorName = author, Summary = $"Voorstel voor {target?.Title ?? "een vervallen vacature of opleiding"}: {IntroductionRules.Label(to)}." });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<IntroductionView>> ForCandidateAsync(Guid candidateId, CancellationToken ct)
    {
        await scope.CandidateAsync(candidateId, work: false, ct);
        return await ViewsAsync(db.Set<Introduction>().Where(i => i.CandidateId == candidateId), withEmail: true, ct);
    }

    /// <summary>The HR officer's board: vacancies of the partner organisations linked to their organisation.</summary>
    public async Task<IReadOnlyList<PartnerVacancyView>> ForHrAsync(CancellationToken ct)
    {
        var org = PartnerOrganisationId(Roles.HrOfficer);
        var partners = await db.Set<PartnerOrganisation>().Where(p => p.OrganisationId == org).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var ids = partners.Keys.ToList();
        var vacancies = await db.Set<Vacancy>().Where(v => v.PartnerOrganisationId != null && ids.Contains(v.PartnerOrganisationId.Value)).OrderBy(v => v.StartDate).ToListAsync(ct);
        var regions = await db.Set<Region>().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var vacancyIds = vacancies.Select(v => v.Id).ToList();
        var intros = await ViewsAsync(db.Set<Introduction>().Where(i => i.Kind == MatchKind.Vacancy && vacancyIds.Contains(i.TargetId)), withEmail: true, ct, consentedOnly: true);
        var result = new List<PartnerVacancyView>();
        foreach (var v in vacancies)
        {
            var target = new MatchTarget([v.Subject], v.Sector, v.RegionId, v.StartDate, v.Hours, v.MinimumLevel);
            var introduced = intros.Where(i => i.TargetId == v.Id).ToList();
            result.Add(new PartnerVacancyView(v.Id, v.Title, v.Subject, v.Sector, v.Hours, v.StartDate, regions.GetValueOrDefault(v.RegionId, ""),
                partners.GetValueOrDefault(v.PartnerOrganisationId!.Value), introduced, await SuggestAsync([v.Subject], target, introduced, ct)));
        }
        return result;
    }

    /// <summary>The coordinator's institute: its programmes, the consenting candidates interested in their subjects, and introductions.</summary>
    public async Task<IReadOnlyList<PartnerProgrammeView>> ForCoordinatorAsync(CancellationToken ct)
    {
        var org = PartnerOrganisationId(Roles.TrainingCoordinator);
        var partners = await db.Set<PartnerOrganisation>().Where(p => p.OrganisationId == org).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var ids = partners.Keys.ToList();
        var programmes = await db.Set<TrainingProgramme>().Where(p => p.PartnerOrganisationId != null && ids.Contains(p.PartnerOrganisationId.Value)).OrderBy(p => p.Name).ToListAsync(ct);
        var regions = await db.Set<Region>().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var programmeIds = programmes.Select(p => p.Id).ToList();
        var intros = await ViewsAsync(db.Set<Introduction>().Where(i => i.Kind == MatchKind.Programme && programmeIds.Contains(i.TargetId)), withEmail: true, ct, consentedOnly: true);
        var result = new List<PartnerProgrammeView>();
        foreach (var p in programmes)
        {
            var target = new MatchTarget(p.Subjects, p.Sector, p.RegionId, p.StartDate, null, p.EntryLevel);
            var introduced = intros.Where(i => i.TargetId == p.Id).ToList();
            result.Add(new PartnerProgrammeView(p.Id, p.Name, p.Subjects, p.Sector, p.StartDate, regions.GetValueOrDefault(p.RegionId, ""),
                partners.GetValueOrDefault(p.PartnerOrganisationId!.Value), introduced, await SuggestAsync(p.Subjects, target, introduced, ct)));
        }
        return result;
    }

    /// <summary>
    /// Consenting candidates of the target's region (or preferring it) with interest in one of its subjects, scored; the best
    /// <see cref="SuggestionsPerTarget"/> from <see cref="MinimumMatchScore"/> up, those already introduced left out.
    /// </summary>
    private async Task<IReadOnlyList<SuggestedCandidate>> SuggestAsync(IReadOnlyCollection<string> subjects, MatchTarget target, IReadOnlyList<IntroductionView> introduced, CancellationToken ct)
    {
        var found = new Dictionary<Guid, Candidate>();
        foreach (var subject in subjects)
        {
            var batch = await db.Set<Candidate>().AsNoTracking()
                .Where(c => c.ConsentUtc != null && c.ConsentWithdrawnUtc == null && c.Subjects.Contains(subject)).Take(2000).ToListAsync(ct);
            foreach (var c in batch) found.TryAdd(c.Id, c);
        }
        var skip = introduced.Select(i => i.CandidateId).ToHashSet();
        return found.Values.Where(c => !skip.Contains(c.Id) && (c.RegionId == target.RegionId || c.PreferredRegionIds.Contains(target.RegionId)))
            .Select(c => (c, Score: MatchScorer.Score(MatchCandidate.Of(c), target).Total)).Where(x => x.Score >= MinimumMatchScore)
            .OrderByDescending(x => x.Score).ThenBy(x => x.c.LastName).Take(SuggestionsPerTarget)
            .Select(x => new SuggestedCandidate(x.c.Id, x.c.FullName, x.c.Phase, x.c.Subjects, x.c.AvailableFrom, x.c.HoursPerWeek, x.Score)).ToList();
    }

    private async Task<bool> PartnerMayAnswerAsync(Introduction intro, CancellationToken ct)
    {
        var actor = scope.Actor;
        var role = intro.Kind == MatchKind.Vacancy ? Roles.HrOfficer : Roles.TrainingCoordinator;
        if (actor.Role != role || actor.OrganisationId is not { } org) return false;
        Guid? partnerId = intro.Kind == MatchKind.Vacancy
            ? await db.Set<Vacancy>().Where(v => v.Id == intro.TargetId).Select(v => v.PartnerOrganisationId).FirstOrDefaultAsync(ct)
            : await db.Set<TrainingProgramme>().Where(p => p.Id == intro.TargetId).Select(p => p.PartnerOrganisationId).FirstOrDefaultAsync(ct);
        if (partnerId is null || !await db.Set<PartnerOrganisation>().AnyAsync(p => p.Id == partnerId && p.OrganisationId == org, ct)) return false;
        // A candidate who withdrew consent disappears from the partner's view, and so does their introduction.
        return await db.Set<Candidate>().AnyAsync(c => c.Id == intro.CandidateId && c.ConsentUtc != null && c.ConsentWithdrawnUtc == null, ct);
    }

    private Guid PartnerOrganisationId(string role) =>
        scope.Actor.Role == role && scope.Actor.OrganisationId is { } org ? org : throw new NotFoundException();

    private sealed record Target(string Title, MatchTarget Match);

    private async Task<Target?> TargetAsync(MatchKind kind, Guid id, CancellationToken ct)
    {
        if (kind == MatchKind.Vacancy)
        {
            var v = await db.Set<Vacancy>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            return v is null ? null : new Target(v.Title, new MatchTarget([v.Subject], v.Sector, v.RegionId, v.StartDate, v.Hours, v.MinimumLevel));
        }
        if (kind == MatchKind.Programme)
        {
            var p = await db.Set<TrainingProgramme>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            return p is null ? null : new Target(p.Name, new MatchTarget(p.Subjects, p.Sector, p.RegionId, p.StartDate, null, p.EntryLevel));
        }
        return null;
    }

    private async Task<IReadOnlyList<IntroductionView>> ViewsAsync(IQueryable<Introduction> q, bool withEmail, CancellationToken ct, bool consentedOnly = false)
    {
        var rows = await q.Join(db.Set<Candidate>(), i => i.CandidateId, c => c.Id, (i, c) => new { i, c.FirstName, c.LastName, c.Email, c.ConsentUtc, c.ConsentWithdrawnUtc })
            .Where(x => !consentedOnly || (x.ConsentUtc != null && x.ConsentWithdrawnUtc == null)).ToListAsync(ct);
        var ids = rows.Select(r => r.i.Id).ToList();
        var steps = await db.Set<IntroductionChange>().Where(h => ids.Contains(h.IntroductionId)).ToListAsync(ct);
        var targetIds = rows.Select(r => r.i.TargetId).ToList();
        var titles = (await db.Set<Vacancy>().Where(v => targetIds.Contains(v.Id)).Select(v => new { v.Id, Title = v.Title }).ToListAsync(ct))
            .Concat(await db.Set<TrainingProgramme>().Where(p => targetIds.Contains(p.Id)).Select(p => new { p.Id, Title = p.Name }).ToListAsync(ct))
            .ToDictionary(x => x.Id, x => x.Title);
        return rows.OrderByDescending(r => r.i.CreatedUtc).Select(r => new IntroductionView(r.i.Id, r.i.CandidateId, $"{r.FirstName} {r.LastName}", withEmail ? r.Email : null,
            r.i.Kind, r.i.TargetId, titles.GetValueOrDefault(r.i.TargetId, "(vervallen)"), r.i.Status, r.i.Score, r.i.CreatedUtc,
            steps.Where(h => h.IntroductionId == r.i.Id).OrderBy(h => h.AtUtc).Select(h => new IntroductionStep(h.To, h.AtUtc, h.AuthorName)).ToList())).ToList();
    }
}
