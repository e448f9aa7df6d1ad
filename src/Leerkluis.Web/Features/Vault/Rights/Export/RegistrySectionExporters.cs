using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.Rights.Export;

// The registry's sections of the export. They live with the export rather than in Registry so that the registry
// slice does not depend on the vault; they read the registry's tables without tracking and never write.

public sealed record AddressExport(string? Street, string? HouseNumber, string? PostalCode, string? City, string? MunicipalityCode, string? Country)
{
    public static AddressExport From(Address a) => new(a.Street, a.HouseNumber, a.PostalCode, a.City, a.MunicipalityCode, a.Country);
}

public sealed record PersonaliaExport(string FirstNames, string? CallName, string? Prefix, string LastName, DateOnly? BirthDate, string Gender, AddressExport Address);

internal sealed class PersonaliaExporter(LeerkluisDb db) : IDossierSectionExporter
{
    public string Key => "personalia";
    public Section Section => Section.Personalia;
    public int Order => 100;

    public async Task<ExportedSection> ExportAsync(Guid learnerId, CancellationToken ct)
    {
        var l = await db.Learners.AsNoTracking().FirstAsync(x => x.Id == learnerId, ct);
        var data = new PersonaliaExport(l.FirstNames, l.CallName, l.Prefix, l.LastName, l.BirthDate, l.Gender.ToString(), AddressExport.From(l.Address));
        return new ExportedSection("Personalia", data, [SummaryFacts.Of(
            ("Voornamen", l.FirstNames), ("Roepnaam", l.CallName), ("Tussenvoegsel", l.Prefix), ("Achternaam", l.LastName),
            ("Geboortedatum", Amsterdam.Date(l.BirthDate)), ("Geslacht", GenderText(l.Gender)), ("Adres", l.Address.ToString()),
            ("Gemeentecode", l.Address.MunicipalityCode))]);
    }

    private static string GenderText(Gender g) => g switch
    {
        Gender.Male => "mannelijk", Gender.Female => "vrouwelijk", Gender.Other => "anders", _ => "onbekend",
    };
}

public sealed record PersonalNumberExport(string? Number, string? Kind, string? LastFour, bool IdentityIncomplete);

internal sealed class PersonalNumberExporter(LeerkluisDb db) : IDossierSectionExporter
{
    public string Key => "personalNumber";
    public Section Section => Section.PersonalNumber;
    public int Order => 110;

    public async Task<ExportedSection> ExportAsync(Guid learnerId, CancellationToken ct)
    {
        var l = await db.Learners.AsNoTracking().FirstAsync(x => x.Id == learnerId, ct);
        var kind = l.PersonalNumberKind switch { PersonalNumberKind.Bsn => "BSN", PersonalNumberKind.EducationNumber => "onderwijsnummer", _ => null };
        return new ExportedSection("Persoonsgebonden nummer", new PersonalNumberExport(l.PersonalNumber, l.PersonalNumberKind?.ToString(), l.PersonalNumberLastFour, l.IdentityIncomplete),
            [SummaryFacts.Of(("Nummer", l.PersonalNumber ?? "nog niet bekend"), ("Soort", kind))]);
    }
}

public sealed record GuardianExport(string Name, string? FirstName, string? Prefix, string LastName, string Relation, bool HasAuthority,
    string? Email, string? Phone, AddressExport Address);

internal sealed class FamilyExporter(LeerkluisDb db) : IDossierSectionExporter
{
    public string Key => "family";
    public Section Section => Section.Family;
    public int Order => 120;

    public async Task<ExportedSection> ExportAsync(Guid learnerId, CancellationToken ct)
    {
        var rows = await db.LearnerGuardians.AsNoTracking().Where(lg => lg.LearnerId == learnerId)
            .Join(db.Guardians, lg => lg.GuardianId, g => g.Id, (lg, g) => new { lg.HasAuthority, lg.Relation, g }).ToListAsync(ct);
        var data = rows.OrderBy(r => r.g.LastName).Select(r => new GuardianExport(r.g.FullName, r.g.FirstName, r.g.Prefix, r.g.LastName,
            r.Relation.ToString(), r.HasAuthority, r.g.Email, r.g.Phone, AddressExport.From(r.g.Address))).ToList();
        var table = new SummaryTable(["Naam", "Gezag", "E-mail", "Telefoon", "Adres"],
            rows.Select(r => (IReadOnlyList<string>)[r.g.FullName, r.HasAuthority ? "ja" : "nee", r.g.Email ?? "–", r.g.Phone ?? "–", Dash(r.g.Address.ToString())]).ToList(),
            "Geen ouders of verzorgers bekend.");
        return new ExportedSection("Ouders en verzorgers", data, [table]);
    }

    private static string Dash(string s) => s.Length == 0 ? "–" : s;
}

public sealed record EnrolmentExport(string School, string SchoolCode, string Kind, DateOnly StartDate, DateOnly? EndDate, string? StartReason,
    string? EndReason, int? YearGroup);

internal sealed class EnrolmentExporter(LeerkluisDb db) : IDossierSectionExporter
{
    public string Key => "enrolments";
    public Section Section => Section.Enrolment;
    public int Order => 130;

    public async Task<ExportedSection> ExportAsync(Guid learnerId, CancellationToken ct)
    {
        var rows = await db.Enrolments.AsNoTracking().Where(e => e.LearnerId == learnerId)
            .Join(db.Schools, e => e.SchoolId, s => s.Id, (e, s) => new { e, s.Name, s.Brin, s.LocationCode }).ToListAsync(ct);
        rows = rows.OrderByDescending(r => r.e.StartDate).ToList();
        var data = rows.Select(r => new EnrolmentExport(r.Name, r.Brin + r.LocationCode, r.e.Kind.ToString(), r.e.StartDate, r.e.EndDate,
            r.e.StartReason, r.e.EndReason, r.e.YearGroup)).ToList();
        var table = new SummaryTable(["School", "Begin", "Einde", "Reden"],
            rows.Select(r => (IReadOnlyList<string>)[$"{r.Name} ({r.Brin}{r.LocationCode})", Amsterdam.Date(r.e.StartDate),
                r.e.EndDate is { } end ? Amsterdam.Date(end) : "nog ingeschreven", r.e.EndReason ?? r.e.StartReason ?? "–"]).ToList(),
            "Geen inschrijvingen.");
        return new ExportedSection("Inschrijvingen", data, [table]);
    }
}

public sealed record GroupExport(string SchoolYear, string Name, IReadOnlyList<int> YearGroups);

internal sealed class GroupExporter(LeerkluisDb db) : IDossierSectionExporter
{
    public string Key => "groups";
    public Section Section => Section.Group;
    public int Order => 140;

    public async Task<ExportedSection> ExportAsync(Guid learnerId, CancellationToken ct)
    {
        var groups = await db.GroupMemberships.AsNoTracking().Where(m => m.LearnerId == learnerId)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g).ToListAsync(ct);
        groups = groups.OrderByDescending(g => g.SchoolYearStart).ToList();
        var data = groups.Select(g => new GroupExport(g.SchoolYear.ToString(), g.Name, g.YearGroups)).ToList();
        var table = new SummaryTable(["Schooljaar", "Groep", "Jaargroep"],
            groups.Select(g => (IReadOnlyList<string>)[g.SchoolYear.ToString(), g.Name, string.Join('/', g.YearGroups.Order())]).ToList(),
            "Nog niet in een groep geplaatst.");
        return new ExportedSection("Groepen", data, [table]);
    }
}
