using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.Consent;

/// <summary>Grant to an organisation, or (learner of 18+) to one of the learner's own guardians: exactly one of the two.</summary>
public sealed record GrantConsentCommand(Guid? OrganisationId, Guid? GuardianId, IReadOnlyList<string>? Sections, DateOnly? ValidUntil, string? Purpose);

/// <summary>
/// Grant and revoke. Who may do so is the access decision's (Section.Consent, Write: AgeRules), so a caller without
/// authority over the learner gets 404 before anything is read; the audit entry commits with the consent itself.
/// </summary>
public sealed class ConsentCommands(LeerkluisDb db, DossierGuard guard, TimeProvider clock)
{
    public async Task<Consent> GrantAsync(Guid learnerId, GrantConsentCommand c, CancellationToken ct = default)
    {
        await guard.RequireAsync(learnerId, Section.Consent, Operation.Write, AuditEvent.Consent_Granted, ct);
        var today = Amsterdam.Today(clock);
        var (sections, unknown) = ConsentRules.ParseSections(c.Sections);
        var v = ConsentRules.Check(sections, unknown, c.ValidUntil, c.Purpose, today);
        await CheckGranteeAsync(learnerId, c, v, ct);
        v.ThrowIfInvalid();

        var consent = new Consent
        {
            LearnerId = learnerId, Id = Guid.CreateVersion7(), OrganisationId = c.OrganisationId, GuardianId = c.OrganisationId is null ? c.GuardianId : null,
            Sections = AccessMatrix.Grantable.Where(sections.Contains).ToList(), Purpose = c.Purpose!.Trim(),
            GrantedByUserId = guard.Actor.UserId!.Value, GrantedUtc = clock.GetUtcNow().UtcDateTime, ValidUntil = c.ValidUntil!.Value,
        };
        db.Set<Consent>().Add(consent);
        await db.SaveChangesAsync(ct);
        return consent;
    }

    /// <summary>Ends a consent now; the grantee's next request is denied. Revoking twice changes nothing.</summary>
    public async Task RevokeAsync(Guid learnerId, Guid consentId, CancellationToken ct = default)
    {
        await guard.RequireAsync(learnerId, Section.Consent, Operation.Write, AuditEvent.Consent_Revoked, ct);
        var consent = await db.Set<Consent>().FirstOrDefaultAsync(x => x.LearnerId == learnerId && x.Id == consentId, ct)
            ?? throw new NotFoundException();
        if (consent.RevokedUtc is not null) return;
        consent.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        consent.RevokedByUserId = guard.Actor.UserId;
        await db.SaveChangesAsync(ct);
    }

    private async Task CheckGranteeAsync(Guid learnerId, GrantConsentCommand c, Validation v, CancellationToken ct)
    {
        if ((c.OrganisationId is null) == (c.GuardianId is null))
        {
            v.Add("organisationId", "Kies één organisatie (of ouder/verzorger) die toestemming krijgt.");
            return;
        }
        if (c.OrganisationId is { } orgId)
        {
            var kind = await db.Organisations.AsNoTracking().Where(o => o.Id == orgId).Select(o => (OrganisationKind?)o.Kind).FirstOrDefaultAsync(ct);
            if (kind is not { } k || !ConsentRules.MayReceiveConsent(k)) v.Add("organisationId", "Deze organisatie bestaat niet of kan geen toestemming krijgen.");
            return;
        }
        // A grant to a person is for the learner's own guardians only (their basis ends at 18; ACCESS.md age rule).
        var isOwnGuardian = await db.LearnerGuardians.AsNoTracking().AnyAsync(lg => lg.LearnerId == learnerId && lg.GuardianId == c.GuardianId, ct);
        if (!isOwnGuardian || guard.Actor.Role != Platform.Identity.Roles.Learner)
            v.Add("guardianId", "Alleen de leerling zelf kan een eigen ouder/verzorger toestemming geven.");
    }
}
