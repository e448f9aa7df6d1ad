using System.Text.Json.Serialization;
using Leerkluis.Web.Features.Careers.Catalog;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers.Matching;

[JsonConverter(typeof(JsonStringEnumConverter<MatchKind>))]
public enum MatchKind { Vacancy = 1, Programme = 2 }

public sealed record MatchView(MatchKind Kind, Guid Id, string Title, string RegionName, string? Organisation, DateOnly StartDate, MatchScore Score);

/// <summary>Scores one candidate against every vacancy and programme (in memory, by MatchScorer) and returns the best.</summary>
public sealed class CandidateMatches(LeerkluisDb db, CareerScope scope)
{
    public async Task<IReadOnlyList<MatchView>> ForCandidateAsync(Guid candidateId, int top, CancellationToken ct)
    {
        var c = await scope.CandidateAsync(candidateId, work: true, ct);
        var profile = MatchCandidate.Of(c);
        var regions = await db.Set<Region>().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var partners = db.Set<PartnerOrganisation>();

        var vacancies = await db.Set<Vacancy>().AsNoTracking()
            .Select(v => new { v.Id, v.Title, v.Subject, v.Sector, v.RegionId, v.StartDate, v.Hours, v.MinimumLevel, Org = partners.Where(p => p.Id == v.PartnerOrganisationId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var programmes = await db.Set<TrainingProgramme>().AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.Subjects, p.Sector, p.RegionId, p.StartDate, p.EntryLevel, Org = partners.Where(o => o.Id == p.PartnerOrganisationId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(ct);

        var scored = vacancies.Select(v => new MatchView(MatchKind.Vacancy, v.Id, v.Title, regions.GetValueOrDefault(v.RegionId, ""), v.Org, v.StartDate,
                MatchScorer.Score(profile, new MatchTarget([v.Subject], v.Sector, v.RegionId, v.StartDate, v.Hours, v.MinimumLevel))))
            .Concat(programmes.Select(p => new MatchView(MatchKind.Programme, p.Id, p.Name, regions.GetValueOrDefault(p.RegionId, ""), p.Org, p.StartDate,
                MatchScorer.Score(profile, new MatchTarget(p.Subjects, p.Sector, p.RegionId, p.StartDate, null, p.EntryLevel)))));
        return scored.OrderByDescending(m => m.Score.Total).ThenBy(m => m.StartDate).ThenBy(m => m.Id).Take(Math.Clamp(top, 1, 100)).ToList();
    }
}
