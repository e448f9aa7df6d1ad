using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.Consent;

/// <summary>The consent part's answer to the kernel's question which sections live consents open (ADR 0011).</summary>
internal sealed class ConsentGrants(LeerkluisDb db) : IConsentGrants
{
    public async Task<IReadOnlyCollection<Section>> GrantedSectionsAsync(Guid learnerId, Guid? organisationId, Guid? guardianId,
        DateOnly day, CancellationToken ct)
    {
        var consents = db.Set<Consent>().AsNoTracking().Where(c => c.LearnerId == learnerId && c.RevokedUtc == null && c.ValidUntil >= day);
        consents = organisationId is { } orgId
            ? consents.Where(c => c.OrganisationId == orgId)
            : consents.Where(c => c.GuardianId == guardianId);
        var lists = await consents.Select(c => c.Sections).ToListAsync(ct);
        return lists.SelectMany(s => s).ToHashSet();
    }
}
