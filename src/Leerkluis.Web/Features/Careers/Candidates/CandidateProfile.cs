namespace Leerkluis.Web.Features.Careers.Candidates;

/// <summary>The candidate's profile as advisors and the candidate edit it (field names are the API's).</summary>
public sealed record CandidateProfile(
    string? FirstName, string? LastName, string? Email, string? Phone, DateOnly? BirthDate, string? City,
    string? PriorEducation, EducationLevel? EducationLevel, string? CurrentProfession,
    IReadOnlyList<string>? Subjects, bool Po, bool Vo, bool Mbo, IReadOnlyList<Guid>? PreferredRegionIds,
    DateOnly? AvailableFrom, int? HoursPerWeek, IReadOnlyList<string>? RouteOptions, IReadOnlyList<string>? Bottlenecks)
{
    public static CandidateProfile Of(Candidate c) => new(c.FirstName, c.LastName, c.Email, c.Phone, c.BirthDate, c.City, c.PriorEducation,
        c.EducationLevel, c.CurrentProfession, c.Subjects, c.InterestPo, c.InterestVo, c.InterestMbo, c.PreferredRegionIds, c.AvailableFrom,
        c.HoursPerWeek, c.RouteOptions, c.Bottlenecks);
}
