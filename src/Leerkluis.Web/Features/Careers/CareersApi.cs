namespace Leerkluis.Web.Features.Careers;

/// <summary>
/// The route groups of /api/v1/careers, each carrying its access rule once (advisor, candidate, HR officer, training
/// coordinator); every use case maps its own endpoints onto them (CandidatesApi.Map, MatchingApi.Map, ...).
/// </summary>
public sealed record CareersApi(RouteGroupBuilder Api, RouteGroupBuilder Advisor, RouteGroupBuilder Candidate,
    RouteGroupBuilder HrOfficer, RouteGroupBuilder TrainingCoordinator)
{
    public sealed record CreatedId(Guid Id);

    public static CareersApi On(RouteGroupBuilder api) => new(api,
        api.MapGroup("/careers").WithTags("Careers").RequireAuthorization(CareersPolicies.Advisor),
        api.MapGroup("/careers/me").WithTags("Careers").RequireAuthorization(CareersPolicies.Candidate),
        api.MapGroup("/careers/hr").WithTags("Careers").RequireAuthorization(CareersPolicies.HrOfficer),
        api.MapGroup("/careers/training").WithTags("Careers").RequireAuthorization(CareersPolicies.TrainingCoordinator));
}
