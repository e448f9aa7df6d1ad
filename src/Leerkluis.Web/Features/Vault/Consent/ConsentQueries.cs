using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.Consent;

/// <summary>One consent as the learner and guardians see it. Sections are code names (GLOSSARY), e.g. "Medical".</summary>
public sealed record ConsentView(Guid Id, Guid? OrganisationId, Guid? GuardianId, string GranteeName, IReadOnlyList<string> Sections,
    DateOnly ValidUntil, string Purpose, DateTime GrantedUtc, string? GrantedBy, DateTime? RevokedUtc, bool Active);

/// <summary>A learner's consents: those in force today and those that ended (expired or revoked).</summary>
public sealed record ConsentList(string LearnerName, IReadOnlyList<ConsentView> Active, IReadOnlyList<ConsentView> Past, bool CanManage);

/// <summary>A consent in force for the grantee's organisation.</summary>
public sealed record ReceivedConsent(Guid ConsentId, Guid LearnerId, string LearnerName, IReadOnlyList<string> Sections, DateOnly ValidUntil, string Purpose);

public sealed record GranteeOption(Guid Id, string Name, bool IsGuardian);

public sealed class ConsentQueries(LeerkluisDb db, DossierGuard guard, TimeProvider clock)
{
    /// <summary>The learner's consents, for the learner and guardians (an audited read of Section.Consent).</summary>
    public async Task<ConsentList> ListAsync(Guid learnerId, CancellationToken ct = default)
    {
        await guard.ReadAsync(learnerId, Section.Consent, AuditEvent.Consent_List, ct);
        var canManage = (await guard.PeekAsync(learnerId, Section.Consent, Operation.Write, ct)).Allowed;
        var today = Amsterdam.Today(clock);
        var learner = await db.Learners.AsNoTracking().Where(l => l.Id == learnerId)
            .Select(l => new { l.FirstNames, l.CallName, l.Prefix, l.LastName }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var rows = await db.Set<Consent>().AsNoTracking().Where(c => c.LearnerId == learnerId)
            .Select(c => new
            {
                Consent = c,
                Org = db.Set<Organisation>().Where(o => o.Id == c.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Guardian = db.Set<Guardian>().Where(g => g.Id == c.GuardianId).Select(g => new { g.FirstName, g.Prefix, g.LastName }).FirstOrDefault(),
                GrantedBy = db.Users.Where(u => u.Id == c.GrantedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var views = rows.OrderByDescending(r => r.Consent.GrantedUtc).Select(r => new ConsentView(
            r.Consent.Id, r.Consent.OrganisationId, r.Consent.GuardianId,
            r.Org ?? (r.Guardian is { } g ? PersonName.Format(g.FirstName, g.Prefix, g.LastName) : "–"),
            r.Consent.Sections.Select(s => s.ToString()).ToList(), r.Consent.ValidUntil, r.Consent.Purpose, r.Consent.GrantedUtc, r.GrantedBy,
            r.Consent.RevokedUtc, r.Consent.IsActiveOn(today))).ToList();
        return new ConsentList(PersonName.Format(learner.CallName ?? learner.FirstNames, learner.Prefix, learner.LastName), views.Where(v => v.Active).ToList(), views.Where(v => !v.Active).ToList(), canManage);
    }

    /// <summary>
    /// The consents in force for the actor's organisation. The learner's name is part of the consent (the grantee must
    /// know whom it concerns) and is not a dossier read, like the registry's search lists (ADR 0003); opening a learner is.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedConsent>> ReceivedAsync(Guid? learnerId = null, CancellationToken ct = default)
    {
        if (guard.Actor.OrganisationId is not { } orgId) return [];
        var today = Amsterdam.Today(clock);
        var consents = db.Set<Consent>().AsNoTracking().Where(c => c.OrganisationId == orgId && c.RevokedUtc == null && c.ValidUntil >= today);
        if (learnerId is { } only) consents = consents.Where(c => c.LearnerId == only);
        var rows = await consents.Join(db.Learners, c => c.LearnerId, l => l.Id, (c, l) => new { c, l.FirstNames, l.CallName, l.Prefix, l.LastName })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.LastName).ThenBy(r => r.c.ValidUntil)
            .Select(r => new ReceivedConsent(r.c.Id, r.c.LearnerId, PersonName.Format(r.CallName ?? r.FirstNames, r.Prefix, r.LastName),
                r.c.Sections.Select(s => s.ToString()).ToList(), r.c.ValidUntil, r.c.Purpose))
            .ToList();
    }

    /// <summary>Who can be chosen in the grant form: organisations that may hold consent, and for a learner their own guardians.</summary>
    public async Task<IReadOnlyList<GranteeOption>> GranteeOptionsAsync(Guid learnerId, CancellationToken ct = default)
    {
        var orgs = (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct))
            .Where(o => ConsentRules.MayReceiveConsent(o.Kind)).OrderBy(o => o.Name, StringComparer.CurrentCulture)
            .Select(o => new GranteeOption(o.Id, o.Name, false)).ToList();
        if (guard.Actor.Role == Platform.Identity.Roles.Learner && guard.Actor.LearnerId == learnerId)
        {
            var guardians = await db.LearnerGuardians.AsNoTracking().Where(lg => lg.LearnerId == learnerId)
                .Join(db.Guardians, lg => lg.GuardianId, g => g.Id, (lg, g) => new { g.Id, g.FirstName, g.Prefix, g.LastName }).ToListAsync(ct);
            orgs.AddRange(guardians.Select(g => new GranteeOption(g.Id, PersonName.Format(g.FirstName, g.Prefix, g.LastName), true)));
        }
        return orgs;
    }
}
