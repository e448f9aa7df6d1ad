using System.Security.Claims;
using Leerkluis.Web.Platform.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Leerkluis.Web.Platform.Identity;

/// <summary>Puts the links the access decision needs (staff/school, guardian, learner) into the cookie once at sign-in.</summary>
public sealed class LeerkluisClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options, IClaimLinks links)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        if (user.StaffId is { } staffId)
        {
            identity.AddClaim(new Claim(LeerkluisClaims.StaffId, staffId.ToString()));
            var schoolId = await links.SchoolOfStaffAsync(staffId, CancellationToken.None);
            if (schoolId is not null) identity.AddClaim(new Claim(LeerkluisClaims.SchoolId, schoolId.Value.ToString()));
        }
        if (user.GuardianId is { } g) identity.AddClaim(new Claim(LeerkluisClaims.GuardianId, g.ToString()));
        if (user.LearnerId is { } l) identity.AddClaim(new Claim(LeerkluisClaims.LearnerId, l.ToString()));
        if (user.OrganisationId is { } orgId)
        {
            identity.AddClaim(new Claim(LeerkluisClaims.OrganisationId, orgId.ToString()));
            var municipality = await links.MunicipalityOfOrganisationAsync(orgId, CancellationToken.None);
            if (municipality is not null) identity.AddClaim(new Claim(LeerkluisClaims.MunicipalityCode, municipality));
        }
        return identity;
    }
}

/// <summary>The links behind the claims (a staff member's school, an organisation's municipality); answered by the Registry (ADR 0011).</summary>
public interface IClaimLinks
{
    Task<Guid?> SchoolOfStaffAsync(Guid staffId, CancellationToken ct);
    Task<string?> MunicipalityOfOrganisationAsync(Guid organisationId, CancellationToken ct);
}
