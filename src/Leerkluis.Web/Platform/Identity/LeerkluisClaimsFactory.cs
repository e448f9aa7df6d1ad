using System.Security.Claims;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Leerkluis.Web.Platform.Identity;

/// <summary>Puts the links the access decision needs (staff/school, guardian, learner) into the cookie once at sign-in.</summary>
public sealed class LeerkluisClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options, LeerkluisDb db)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        if (user.StaffId is { } staffId)
        {
            identity.AddClaim(new Claim(LeerkluisClaims.StaffId, staffId.ToString()));
            var schoolId = await db.Staff.Where(s => s.Id == staffId).Select(s => (Guid?)s.SchoolId).FirstOrDefaultAsync();
            if (schoolId is not null) identity.AddClaim(new Claim(LeerkluisClaims.SchoolId, schoolId.Value.ToString()));
        }
        if (user.GuardianId is { } g) identity.AddClaim(new Claim(LeerkluisClaims.GuardianId, g.ToString()));
        if (user.LearnerId is { } l) identity.AddClaim(new Claim(LeerkluisClaims.LearnerId, l.ToString()));
        if (user.OrganisationId is { } orgId)
        {
            identity.AddClaim(new Claim(LeerkluisClaims.OrganisationId, orgId.ToString()));
            var municipality = await db.Organisations.Where(o => o.Id == orgId).Select(o => o.MunicipalityCode).FirstOrDefaultAsync();
            if (municipality is not null) identity.AddClaim(new Claim(LeerkluisClaims.MunicipalityCode, municipality));
        }
        return identity;
    }
}
