using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry;

public sealed record UpdatePersonaliaCommand(
    string? FirstNames, string? CallName, string? Prefix, string? LastName, DateOnly? BirthDate, Gender Gender,
    string? PersonalNumber, AddressInput? Address);

/// <summary>
/// The school corrects personalia and completes an incomplete identity by adding the BSN or onderwijsnummer.
/// The number stays unique: when another learner already holds it, the two are the same child and must be
/// merged by the school that knows them, never by a silent second registration.
/// </summary>
public sealed class UpdatePersonalia(LeerkluisDb db, DossierGuard guard, TimeProvider clock)
{
    public async Task HandleAsync(Guid learnerId, UpdatePersonaliaCommand c, CancellationToken ct = default)
    {
        await guard.RequireAsync(learnerId, Section.Personalia, Operation.Write, AuditEvent.Registry_PersonaliaUpdated, ct);
        var learner = await db.Learners.FirstOrDefaultAsync(l => l.Id == learnerId, ct) ?? throw new NotFoundException();

        var v = new Validation();
        PersonaliaRules.Validate(v, c.FirstNames, c.CallName, c.Prefix, c.LastName, c.BirthDate, c.Address, Platform.Time.Amsterdam.Today(clock));
        var number = PersonaliaRules.CheckNumber(v, c.PersonalNumber);
        if (number is null && string.IsNullOrWhiteSpace(c.PersonalNumber) && learner.PersonalNumber is not null)
            v.Add("personalNumber", "Een bekend nummer kan niet worden gewist; corrigeer het alleen.");
        if (number is { } n && learner.PersonalNumberLastFour is { } four && four != n.LastFour && learner.PersonalNumber is null)
            v.Add("personalNumber", $"De laatste vier cijfers ({four}) uit de eerdere registratie passen niet bij dit nummer.");
        v.ThrowIfInvalid();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (number is { } num && num.Value != learner.PersonalNumber)
        {
            if (await db.PersonalNumberClaims.AnyAsync(x => x.PersonalNumber == num.Value && x.LearnerId != learnerId, ct))
                throw ValidationFailedException.For("personalNumber",
                    "Dit nummer hoort al bij een andere leerling in Leerkluis. Waarschijnlijk is dit dezelfde leerling: neem contact op met de beheerder om de registraties samen te voegen.");
            if (learner.PersonalNumber is not null)
                await db.PersonalNumberClaims.Where(x => x.PersonalNumber == learner.PersonalNumber).ExecuteDeleteAsync(ct);
            db.PersonalNumberClaims.Add(new PersonalNumberClaim { PersonalNumber = num.Value, LearnerId = learnerId });
            learner.PersonalNumber = num.Value;
            learner.PersonalNumberKind = num.Kind;
            learner.PersonalNumberLastFour = num.LastFour;
            await guard.RequireAsync(learnerId, Section.PersonalNumber, Operation.Write, AuditEvent.Registry_PersonalNumberUpdated, ct);
        }
        learner.FirstNames = c.FirstNames!.Trim();
        learner.CallName = Blank(c.CallName);
        learner.Prefix = Blank(c.Prefix);
        learner.LastName = c.LastName!.Trim();
        learner.BirthDate = c.BirthDate;
        learner.Gender = c.Gender;
        learner.Address.Street = Blank(c.Address?.Street);
        learner.Address.HouseNumber = Blank(c.Address?.HouseNumber);
        learner.Address.PostalCode = c.Address?.PostalCode is { Length: > 0 } p ? PostalCode.Normalize(p) : null;
        learner.Address.City = Blank(c.Address?.City);
        learner.Address.MunicipalityCode = Blank(c.Address?.MunicipalityCode);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) when (number is not null)
        {
            throw ValidationFailedException.For("personalNumber", "Dit nummer hoort al bij een andere leerling in Leerkluis.");
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
