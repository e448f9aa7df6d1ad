using Leerkluis.Web.Features.Careers.Activities;
using Leerkluis.Web.Features.Careers.Catalog;
using Leerkluis.Web.Features.Careers.Documents;
using Leerkluis.Web.Features.Careers.Introductions;
using Leerkluis.Web.Features.Careers.Matching;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Demo.Careers;

/// <summary>
/// The demo's working data on top of the generated desks and candidates: a school board and an institute whose staff log in,
/// activities with registrations and attendance, introductions with their history, and a few documents.
/// </summary>
public static class CareersDemoExtras
{
    /// <summary>The first region's board and training institute become platform organisations, so the HR and coordinator log-ins see them.</summary>
    public static async Task<(Organisation Board, Organisation Institute)> LinkPartnersAsync(LeerkluisDb db, CareersDemoData data, CancellationToken ct)
    {
        var region = data.Regions[0].Id;
        var boardPartner = data.Partners.First(p => p.RegionId == region && p.Kind == PartnerKind.Board);
        var institutePartner = data.Partners.First(p => p.RegionId == region && p.Kind == PartnerKind.TrainingProgramme);
        var board = new Organisation { Id = Guid.CreateVersion7(), Name = boardPartner.Name, Kind = OrganisationKind.Other };
        var institute = new Organisation { Id = Guid.CreateVersion7(), Name = institutePartner.Name, Kind = OrganisationKind.TrainingInstitute };
        db.AddRange(board, institute);
        await db.SaveChangesAsync(ct);
        await db.Set<PartnerOrganisation>().Where(p => p.Id == boardPartner.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganisationId, board.Id), ct);
        await db.Set<PartnerOrganisation>().Where(p => p.Id == institutePartner.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganisationId, institute.Id), ct);
        // The board recruits for its schools: its HR officer has a handful of vacancies to look at.
        var vacancies = data.Vacancies.Where(v => v.RegionId == region).Take(4).Select(v => v.Id).ToList();
        await db.Set<Vacancy>().Where(v => vacancies.Contains(v.Id)).ExecuteUpdateAsync(s => s.SetProperty(v => v.PartnerOrganisationId, boardPartner.Id), ct);
        foreach (var v in data.Vacancies.Where(v => vacancies.Contains(v.Id))) v.PartnerOrganisationId = boardPartner.Id;
        return (board, institute);
    }

    public static async Task SeedWorkAsync(LeerkluisDb db, CareersDemoData data, int seed, DateTime now, string advisorName, CancellationToken ct)
    {
        var rnd = new Random(seed + 17);
        var consenting = data.Candidates.Where(c => c.HasConsent).ToList();
        string[] titles = ["Informatieavond overstappen naar het onderwijs", "Meeloopdag op een middelbare school", "Proefles geven", "Open dag lerarenopleiding", "Spreekuur zij-instroom"];
        foreach (var region in data.Regions)
        {
            var ofRegion = consenting.Where(c => c.RegionId == region.Id).ToList();
            for (var i = 0; i < 6; i++)
            {
                // Two past events (with attendance) and four to come, one of them nearly full.
                var past = i < 2;
                var activity = new Activity
                {
                    Id = Guid.CreateVersion7(), RegionId = region.Id, Title = titles[(i + data.Regions.IndexOf(region)) % titles.Length],
                    Description = "Kennismaken met het werk in het onderwijs en de routes ernaartoe.", Location = $"{region.Name.Replace("Onderwijsregio ", "")}, regiokantoor",
                    StartsUtc = now.Date.AddDays(past ? -30 * (i + 1) : 7 * i + 3).AddHours(17), Capacity = i == 3 ? 12 : 30,
                };
                db.Add(activity);
                var count = i == 3 ? 11 : rnd.Next(5, 18);
                foreach (var c in ofRegion.OrderBy(_ => rnd.Next()).Take(count))
                {
                    var status = past ? (rnd.Next(4) == 0 ? AttendanceStatus.NoShow : AttendanceStatus.Attended) : AttendanceStatus.Registered;
                    db.Add(new ActivityRegistration { Id = Guid.CreateVersion7(), ActivityId = activity.Id, CandidateId = c.Id, RegisteredUtc = activity.StartsUtc.AddDays(-10), Status = status });
                }
            }
        }

        // Introductions of the first region's candidates to the board's vacancies and the institute's programme.
        var first = data.Regions[0].Id;
        var boardPartner = data.Partners.First(p => p.RegionId == first && p.Kind == PartnerKind.Board).Id;
        var targets = data.Vacancies.Where(v => v.PartnerOrganisationId == boardPartner)
            .Select(v => (Kind: MatchKind.Vacancy, v.Id, Target: new MatchTarget([v.Subject], v.Sector, v.RegionId, v.StartDate, v.Hours, v.MinimumLevel)))
            .Concat(data.Programmes.Where(p => p.RegionId == first && p.Sector == Sector.Vo)
                .Select(p => (Kind: MatchKind.Programme, p.Id, Target: new MatchTarget(p.Subjects, p.Sector, p.RegionId, p.StartDate, null, p.EntryLevel))))
            .ToList();
        IntroductionStatus[][] paths = [[IntroductionStatus.Proposed], [IntroductionStatus.Proposed, IntroductionStatus.Accepted],
            [IntroductionStatus.Proposed, IntroductionStatus.Accepted, IntroductionStatus.Started], [IntroductionStatus.Proposed, IntroductionStatus.Declined]];
        foreach (var (kind, id, target) in targets)
        {
            var best = consenting.Where(c => c.RegionId == first)
                .Select(c => (c, Score: MatchScorer.Score(MatchCandidate.Of(c), target).Total)).OrderByDescending(x => x.Score).Take(3).ToList();
            for (var n = 0; n < best.Count; n++)
            {
                var path = paths[(n + rnd.Next(paths.Length)) % paths.Length];
                var at = now.AddDays(-20 + n);
                var intro = new Introduction { Id = Guid.CreateVersion7(), CandidateId = best[n].c.Id, Kind = kind, TargetId = id, Score = best[n].Score, CreatedUtc = at, Status = path[^1] };
                db.Add(intro);
                IntroductionStatus? from = null;
                foreach (var step in path)
                {
                    db.Add(new IntroductionChange { Id = Guid.CreateVersion7(), IntroductionId = intro.Id, From = from, To = step, AtUtc = at,
                        AuthorName = step == IntroductionStatus.Proposed ? advisorName : kind == MatchKind.Vacancy ? "Henk HR" : "Olga Opleiding" });
                    from = step;
                    at = at.AddDays(3);
                }
            }
        }

        // A CV for some of the advisor's own candidates (a minimal, valid PDF).
        foreach (var c in data.Candidates.Where(c => c.RegionId == first).Take(15))
        {
            var pdf = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% Curriculum vitae {c.FirstName} (demo)\ntrailer\n%%EOF\n");
            db.Add(new CandidateDocument { Id = Guid.CreateVersion7(), CandidateId = c.Id, Kind = DocumentKind.Cv, FileName = $"cv-{c.FirstName.ToLowerInvariant()}.pdf",
                ContentType = "application/pdf", Size = pdf.Length, Content = pdf, UploadedUtc = now.AddDays(-rnd.Next(1, 60)), UploadedByName = advisorName });
        }
        await db.SaveChangesAsync(ct);
    }
}
