using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry.Learners;

public sealed record AddGuardianCommand(string? FirstName, string? Prefix, string? LastName, string? Email, string? Phone,
    AddressInput? Address, bool HasAuthority = true, GuardianRelation Relation = GuardianRelation.Parent);

/// <summary>Family section: link a guardian to a learner. An existing guardian (same e-mail) is linked, not duplicated.</summary>
public sealed class GuardianCommands(LeerkluisDb db, DossierGuard guard)
{
    public async Task<Guardian> AddAsync(Guid learnerId, AddGuardianCommand c, CancellationToken ct = default)
    {
        await guard.RequireAsync(learnerId, Section.Family, Operation.Write, AuditEvent.Registry_GuardianAdded, ct);
        var v = new Validation().Require("lastName", c.LastName, "Achternaam").Max("firstName", c.FirstName, "Voornaam", 100)
            .Max("email", c.Email, "E-mailadres", 256).Max("phone", c.Phone, "Telefoon", 30);
        if (c.Email is { Length: > 0 } e && !e.Contains('@')) v.Add("email", "Dit is geen geldig e-mailadres.");
        if (c.Address?.PostalCode is { Length: > 0 } pc && !PostalCode.IsValid(pc)) v.Add("address.postalCode", "Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.");
        v.ThrowIfInvalid();

        var email = c.Email?.Trim().ToLowerInvariant();
        var guardian = email is { Length: > 0 } ? await db.Guardians.FirstOrDefaultAsync(g => g.Email == email, ct) : null;
        if (guardian is null)
        {
            guardian = new Guardian
            {
                Id = Guid.CreateVersion7(), FirstName = c.FirstName?.Trim(), Prefix = c.Prefix?.Trim(), LastName = c.LastName!.Trim(),
                Email = email, Phone = c.Phone?.Trim(),
                Address = new Address
                {
                    Street = c.Address?.Street, HouseNumber = c.Address?.HouseNumber,
                    PostalCode = c.Address?.PostalCode is { Length: > 0 } p ? PostalCode.Normalize(p) : null,
                    City = c.Address?.City, MunicipalityCode = c.Address?.MunicipalityCode,
                },
            };
            db.Guardians.Add(guardian);
        }
        else if (await db.LearnerGuardians.AnyAsync(lg => lg.LearnerId == learnerId && lg.GuardianId == guardian.Id, ct))
        {
            throw ValidationFailedException.For("email", "Deze ouder/verzorger is al aan deze leerling gekoppeld.");
        }
        db.LearnerGuardians.Add(new LearnerGuardian { LearnerId = learnerId, Id = Guid.CreateVersion7(), GuardianId = guardian.Id, HasAuthority = c.HasAuthority, Relation = c.Relation });
        await db.SaveChangesAsync(ct);
        return guardian;
    }
}
