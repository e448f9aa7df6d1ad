using System.Security.Cryptography;
using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers.Catalog;

public sealed record CreateRegionCommand(string? Name, Guid? DeskOrganisationId, string? AllowedOrigins);
public sealed record RegionDetails(Guid Id, string Name, Guid? DeskOrganisationId, string IntakeKey, string AllowedOrigins);
public sealed record CreatePartnerCommand(Guid RegionId, string? Name, PartnerKind Kind, string? City, Guid? OrganisationId = null);
public sealed record AddContactPersonCommand(string? Name, string? Function, string? Email, string? Phone);
public sealed record CreateVacancyCommand(Guid RegionId, Guid? PartnerOrganisationId, string? Title, string? Subject, Sector Sector, int Hours, DateOnly StartDate, EducationLevel MinimumLevel);
public sealed record CreateProgrammeCommand(Guid RegionId, Guid? PartnerOrganisationId, string? Name, IReadOnlyList<string>? Subjects, Sector Sector, EducationLevel EntryLevel, DateOnly StartDate, bool PartTime);

public sealed record ContactPersonView(Guid Id, string Name, string? Function, string? Email, string? Phone);
public sealed record PartnerView(Guid Id, string Name, PartnerKind Kind, string? City, IReadOnlyList<ContactPersonView> Contacts);
public sealed record RegionOverview(Guid Id, string Name, IReadOnlyList<PartnerView> Partners, int Vacancies, int Programmes);

/// <summary>Regions (platform admins) and what advisors keep per region: organisations with contact persons, vacancies, programmes.</summary>
public sealed class CareerCatalog(LeerkluisDb db, CareerScope scope)
{
    public async Task<RegionDetails> CreateRegionAsync(CreateRegionCommand c, CancellationToken ct)
    {
        var v = new Validation().Require("name", c.Name, "De naam", 200).Max("allowedOrigins", c.AllowedOrigins, "De toegestane herkomsten", 2000);
        foreach (var o in (c.AllowedOrigins ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (!Uri.TryCreate(o, UriKind.Absolute, out var u) || u.Scheme is not ("https" or "http") || u.PathAndQuery != "/")
                v.Add("allowedOrigins", $"Geen geldige herkomst (zoals https://www.regio.nl): {o}");
        v.ThrowIfInvalid();
        var region = new Region
        {
            Id = Guid.CreateVersion7(), Name = c.Name!.Trim(), DeskOrganisationId = c.DeskOrganisationId,
            IntakeKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), AllowedOrigins = (c.AllowedOrigins ?? "").Trim(),
        };
        db.Add(region);
        await db.SaveChangesAsync(ct);
        return new RegionDetails(region.Id, region.Name, region.DeskOrganisationId, region.IntakeKey, region.AllowedOrigins);
    }

    public async Task<IReadOnlyList<RegionDetails>> MyRegionDetailsAsync(CancellationToken ct)
    {
        var ids = await scope.AdvisorRegionsAsync(ct);
        return await db.Set<Region>().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Name)
            .Select(r => new RegionDetails(r.Id, r.Name, r.DeskOrganisationId, r.IntakeKey, r.AllowedOrigins)).ToListAsync(ct);
    }

    public async Task<PartnerOrganisation> CreatePartnerAsync(CreatePartnerCommand c, CancellationToken ct)
    {
        await RequireMyRegionAsync(c.RegionId, ct);
        new Validation().Require("name", c.Name, "De naam", 200).Max("city", c.City, "De plaats", 100).ThrowIfInvalid();
        if (!Enum.IsDefined(c.Kind)) throw ValidationFailedException.For("kind", "Kies school, bestuur, lerarenopleiding of gemeente.");
        if (c.OrganisationId is { } org && !await db.Set<Registry.Organisation>().AnyAsync(o => o.Id == org, ct))
            throw ValidationFailedException.For("organisationId", "Deze organisatie bestaat niet.");
        var p = new PartnerOrganisation { Id = Guid.CreateVersion7(), RegionId = c.RegionId, Name = c.Name!.Trim(), Kind = c.Kind, City = c.City?.Trim(), OrganisationId = c.OrganisationId };
        db.Add(p);
        await db.SaveChangesAsync(ct);
        return p;
    }

    public async Task<ContactPerson> AddContactPersonAsync(Guid partnerId, AddContactPersonCommand c, CancellationToken ct)
    {
        var partner = await db.Set<PartnerOrganisation>().FirstOrDefaultAsync(p => p.Id == partnerId, ct) ?? throw new Platform.Audit.NotFoundException();
        await RequireMyRegionAsync(partner.RegionId, ct, notFound: true);
        var v = new Validation().Require("name", c.Name, "De naam", 200).Max("function", c.Function, "De functie", 100)
            .Max("email", c.Email, "Het e-mailadres", 254).Max("phone", c.Phone, "Het telefoonnummer", 30);
        if (!string.IsNullOrWhiteSpace(c.Email) && !CandidateWrite.IsEmail(c.Email)) v.Add("email", "Vul een geldig e-mailadres in.");
        v.ThrowIfInvalid();
        var person = new ContactPerson { Id = Guid.CreateVersion7(), PartnerOrganisationId = partnerId, Name = c.Name!.Trim(), Function = c.Function?.Trim(), Email = c.Email?.Trim(), Phone = c.Phone?.Trim() };
        db.Add(person);
        await db.SaveChangesAsync(ct);
        return person;
    }

    public async Task<Vacancy> CreateVacancyAsync(CreateVacancyCommand c, CancellationToken ct)
    {
        await RequireMyRegionAsync(c.RegionId, ct);
        var v = new Validation().Require("title", c.Title, "De titel", 200);
        if (c.Subject is null || !CareerCodes.Subjects.ContainsKey(c.Subject)) v.Add("subject", "Kies een vak uit de lijst.");
        if (c.Hours is < 1 or > 40) v.Add("hours", "Het aantal uren ligt tussen 1 en 40.");
        if (!Enum.IsDefined(c.Sector)) v.Add("sector", "Kies po, vo of mbo.");
        v.ThrowIfInvalid();
        var vacancy = new Vacancy { Id = Guid.CreateVersion7(), RegionId = c.RegionId, PartnerOrganisationId = c.PartnerOrganisationId, Title = c.Title!.Trim(),
            Subject = c.Subject!, Sector = c.Sector, Hours = c.Hours, StartDate = c.StartDate, MinimumLevel = c.MinimumLevel };
        db.Add(vacancy);
        await db.SaveChangesAsync(ct);
        return vacancy;
    }

    public async Task<TrainingProgramme> CreateProgrammeAsync(CreateProgrammeCommand c, CancellationToken ct)
    {
        await RequireMyRegionAsync(c.RegionId, ct);
        var v = new Validation().Require("name", c.Name, "De naam", 200);
        if (c.Subjects is not { Count: > 0 } || c.Subjects.Any(s => !CareerCodes.Subjects.ContainsKey(s))) v.Add("subjects", "Kies een of meer vakken uit de lijst.");
        if (!Enum.IsDefined(c.Sector)) v.Add("sector", "Kies po, vo of mbo.");
        v.ThrowIfInvalid();
        var p = new TrainingProgramme { Id = Guid.CreateVersion7(), RegionId = c.RegionId, PartnerOrganisationId = c.PartnerOrganisationId, Name = c.Name!.Trim(),
            Subjects = c.Subjects!.Distinct().ToList(), Sector = c.Sector, EntryLevel = c.EntryLevel, StartDate = c.StartDate, PartTime = c.PartTime };
        db.Add(p);
        await db.SaveChangesAsync(ct);
        return p;
    }

    /// <summary>Schools, boards, programmes and municipalities with their contact persons, per region of the advisor.</summary>
    public async Task<IReadOnlyList<RegionOverview>> OverviewAsync(CancellationToken ct)
    {
        var ids = await scope.AdvisorRegionsAsync(ct);
        var regions = await db.Set<Region>().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Name).ToListAsync(ct);
        var partners = await db.Set<PartnerOrganisation>().Where(p => ids.Contains(p.RegionId)).OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);
        var partnerIds = partners.Select(p => p.Id).ToList();
        var people = await db.Set<ContactPerson>().Where(c => partnerIds.Contains(c.PartnerOrganisationId)).OrderBy(c => c.Name).ToListAsync(ct);
        var vacancies = await db.Set<Vacancy>().Where(v => ids.Contains(v.RegionId)).GroupBy(v => v.RegionId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var programmes = await db.Set<TrainingProgramme>().Where(v => ids.Contains(v.RegionId)).GroupBy(v => v.RegionId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return regions.Select(r => new RegionOverview(r.Id, r.Name,
            partners.Where(p => p.RegionId == r.Id).Select(p => new PartnerView(p.Id, p.Name, p.Kind, p.City,
                people.Where(c => c.PartnerOrganisationId == p.Id).Select(c => new ContactPersonView(c.Id, c.Name, c.Function, c.Email, c.Phone)).ToList())).ToList(),
            vacancies.GetValueOrDefault(r.Id), programmes.GetValueOrDefault(r.Id))).ToList();
    }

    private async Task RequireMyRegionAsync(Guid regionId, CancellationToken ct, bool notFound = false)
    {
        if ((await scope.AdvisorRegionsAsync(ct)).Contains(regionId)) return;
        if (notFound) throw new Platform.Audit.NotFoundException();
        throw ValidationFailedException.For("regionId", "Kies een regio van uw loket.");
    }
}
