using Leerkluis.Web.Features.Registry.Enrolments;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry.Learners;


public sealed record RegisterLearnerCommand(
    Guid SchoolId,
    string? FirstNames,
    string? CallName,
    string? Prefix,
    string? LastName,
    DateOnly? BirthDate,
    Gender Gender,
    string? PersonalNumber,
    string? PersonalNumberLastFour,
    AddressInput? Address,
    DateOnly? StartDate,
    Guid? GroupId,
    /// <summary>The admin has seen the likely duplicates and still wants a new learner.</summary>
    bool ConfirmNotDuplicate = false);

public sealed record LikelyDuplicate(Guid LearnerId, string Name, DateOnly? BirthDate, bool AtThisSchool);

/// <summary>Registers a new learner and enrols them at the admin's school, in one transaction.</summary>
public sealed class RegisterLearner(LeerkluisDb db, DossierGuard guard, TimeProvider clock)
{
    public async Task<Learner> HandleAsync(RegisterLearnerCommand c, CancellationToken ct = default)
    {
        guard.RequireAtSchool(c.SchoolId, Section.Personalia, Operation.Write);

        var v = new Validation();
        PersonaliaRules.Validate(v, c.FirstNames, c.CallName, c.Prefix, c.LastName, c.BirthDate, c.Address, Platform.Time.Amsterdam.Today(clock));
        if (c.StartDate is null) v.Add("startDate", "Datum van inschrijving is verplicht.");
        else if (c.BirthDate is { } b && c.StartDate < b) v.Add("startDate", "De inschrijving begint vóór de geboortedatum.");
        var number = PersonaliaRules.CheckNumber(v, c.PersonalNumber);
        var lastFour = number?.LastFour ?? c.PersonalNumberLastFour?.Trim();
        if (lastFour is not null && (lastFour.Length != 4 || !lastFour.All(char.IsAsciiDigit)))
            v.Add("personalNumberLastFour", "De laatste vier cijfers zijn precies 4 cijfers.");
        if (c.GroupId is { } gid && !await db.Groups.AnyAsync(g => g.Id == gid && g.SchoolId == c.SchoolId, ct))
            v.Add("groupId", "Deze groep bestaat niet op deze school.");
        v.ThrowIfInvalid();

        if (number is { } n)
        {
            var claims = await db.PersonalNumberClaims.AsNoTracking().Where(x => x.PersonalNumber == n.Value).ToDictionaryAsync(x => x.PersonalNumber, x => x.LearnerId, ct);
            if (NumberClaimRule.Check([(Guid.Empty, n.Value)], claims)[0] is { } refusal)
                throw ValidationFailedException.For("personalNumber", refusal.Message);
        }

        if (!c.ConfirmNotDuplicate)
        {
            var duplicates = await FindLikelyDuplicatesAsync(c.LastName!, c.BirthDate!.Value, c.FirstNames, c.CallName, lastFour, c.SchoolId, ct);
            if (duplicates.Count > 0)
                throw new ValidationFailedException(new Dictionary<string, string[]>
                {
                    ["duplicate"] = [DuplicateMessage(duplicates)],
                }, "Mogelijk dubbele leerling.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var learner = new Learner
        {
            Id = Guid.CreateVersion7(),
            FirstNames = c.FirstNames!.Trim(),
            CallName = Blank(c.CallName),
            Prefix = Blank(c.Prefix),
            LastName = c.LastName!.Trim(),
            BirthDate = c.BirthDate,
            Gender = c.Gender,
            PersonalNumber = number?.Value,
            PersonalNumberKind = number?.Kind,
            PersonalNumberLastFour = lastFour,
            Address = new Address
            {
                Street = Blank(c.Address?.Street), HouseNumber = Blank(c.Address?.HouseNumber),
                PostalCode = c.Address?.PostalCode is { Length: > 0 } p ? PostalCode.Normalize(p) : null,
                City = Blank(c.Address?.City), MunicipalityCode = Blank(c.Address?.MunicipalityCode),
            },
            CreatedUtc = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Learners.Add(learner);
        if (number is { } num) db.PersonalNumberClaims.Add(new PersonalNumberClaim { PersonalNumber = num.Value, LearnerId = learner.Id });
        db.Enrolments.Add(new Enrolment
        {
            LearnerId = learner.Id, Id = Guid.CreateVersion7(), SchoolId = c.SchoolId, Kind = EnrolmentKind.Main,
            StartDate = c.StartDate!.Value, StartReason = "Nieuwe inschrijving",
        });
        if (c.GroupId is { } groupId)
            db.GroupMemberships.Add(new GroupMembership { LearnerId = learner.Id, Id = Guid.CreateVersion7(), GroupId = groupId });
        await guard.RequireAtSchoolAsync(c.SchoolId, learner.Id, Section.Personalia, Operation.Write, AuditEvent.Registry_Registered, ct);
        await guard.RequireAtSchoolAsync(c.SchoolId, learner.Id, Section.Enrolment, Operation.Write, AuditEvent.Registry_Enrolled, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) when (number is not null)
        {
            // Two admins registering the same number at once: the claim's key decides.
            throw ValidationFailedException.For("personalNumber", "Er bestaat al een leerling met dit nummer.");
        }
        return learner;
    }

    public async Task<List<LikelyDuplicate>> FindLikelyDuplicatesAsync(string lastName, DateOnly birthDate, string? firstNames,
        string? callName, string? lastFour, Guid schoolId, CancellationToken ct)
    {
        var last = lastName.Trim().ToLowerInvariant();
        var candidates = await db.Learners.AsNoTracking()
            .Where(l => l.BirthDate == birthDate && l.LastName.ToLower() == last)
            .Select(l => new { l.Id, l.FirstNames, l.CallName, l.Prefix, l.LastName, l.BirthDate, l.PersonalNumberLastFour, l.PersonalNumber })
            .ToListAsync(ct);
        var matching = candidates.Where(l =>
            DuplicateRules.LastFourAgree(lastFour, l.PersonalNumberLastFour ?? l.PersonalNumber?[^4..]) &&
            DuplicateRules.NamesMatch(firstNames, callName, l.FirstNames, l.CallName)).ToList();
        if (matching.Count == 0) return [];
        var ids = matching.Select(l => l.Id).ToList();
        var here = await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.LearnerId) && e.SchoolId == schoolId)
            .Select(e => e.LearnerId).Distinct().ToListAsync(ct);
        return matching.Select(l => new LikelyDuplicate(l.Id, PersonName.Format(l.CallName ?? l.FirstNames, l.Prefix, l.LastName),
            l.BirthDate, here.Contains(l.Id))).ToList();
    }

    private static string DuplicateMessage(List<LikelyDuplicate> duplicates)
    {
        var here = duplicates.Where(d => d.AtThisSchool).Select(d => d.Name).ToList();
        return here.Count > 0
            ? $"Er staat al een leerling met deze naam en geboortedatum op deze school ({string.Join(", ", here)}). Controleer of het dezelfde leerling is; bevestig anders dat het een andere leerling is."
            : "Er is in Leerkluis al een leerling met deze naam en geboortedatum bekend. Vraag het persoonsgebonden nummer op en schrijf die leerling in, of bevestig dat het een andere leerling is.";
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Likely-duplicate rule: same last name and birth date (checked by the query), and a matching first or call name.</summary>
public static class DuplicateRules
{
    /// <summary>Two known last-four digit groups that differ mean two different people.</summary>
    public static bool LastFourAgree(string? a, string? b) => a is null || b is null || a == b;

    public static bool NamesMatch(string? firstNames, string? callName, string? otherFirstNames, string? otherCallName)
    {
        static IEnumerable<string> Names(string? first, string? call) =>
            (first ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Append(call ?? "").Where(n => n.Length > 0).Select(n => n.ToLowerInvariant());
        var a = Names(firstNames, callName).ToHashSet();
        var b = Names(otherFirstNames, otherCallName).ToList();
        if (a.Count == 0 || b.Count == 0) return true; // too little to tell apart: treat as likely the same
        return b.Any(a.Contains);
    }
}

/// <summary>The field rules shared by registering a learner and correcting personalia.</summary>
public static class PersonaliaRules
{
    public static void Validate(Validation v, string? firstNames, string? callName, string? prefix, string? lastName, DateOnly? birthDate,
        AddressInput? address, DateOnly today)
    {
        v.Require("firstNames", firstNames, "Voornamen").Require("lastName", lastName, "Achternaam")
            .Max("callName", callName, "Roepnaam", 100).Max("prefix", prefix, "Tussenvoegsel", 20);
        if (birthDate is null) v.Add("birthDate", "Geboortedatum is verplicht.");
        else if (birthDate > today) v.Add("birthDate", "De geboortedatum ligt in de toekomst.");
        if (address?.PostalCode is { Length: > 0 } pc && !PostalCode.IsValid(pc))
            v.Add("address.postalCode", "Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.");
        if (address?.MunicipalityCode is { Length: > 0 } mc && (mc.Length != 4 || !mc.All(char.IsAsciiDigit)))
            v.Add("address.municipalityCode", "Een gemeentecode bestaat uit 4 cijfers.");
    }

    /// <summary>A typed number must pass the check; empty means unknown.</summary>
    public static PersonalNumber? CheckNumber(Validation v, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var check = PersonalNumber.Check(text);
        if (!check.IsValid) v.Add("personalNumber", check.Error!);
        return check.Number;
    }
}

