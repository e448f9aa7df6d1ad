using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers.Candidates;

/// <summary>Validation and application of a profile, shared by advisors, the portal and the intake, so the rules are one.</summary>
public static class CandidateWrite
{
    public static async Task ValidateAsync(LeerkluisDb db, CandidateProfile p, CancellationToken ct)
    {
        var v = Check(p);
        if (p.PreferredRegionIds is { Count: > 0 } preferred)
        {
            var known = await db.Set<Region>().CountAsync(r => preferred.Contains(r.Id), ct);
            if (known != preferred.Distinct().Count()) v.Add("preferredRegionIds", "Een van de voorkeursregio's bestaat niet.");
        }
        v.ThrowIfInvalid();
    }

    public static Validation Check(CandidateProfile p)
    {
        var v = new Validation()
            .Require("firstName", p.FirstName, "De voornaam", 100)
            .Require("lastName", p.LastName, "De achternaam", 100)
            .Max("email", p.Email, "Het e-mailadres", 254)
            .Max("phone", p.Phone, "Het telefoonnummer", 30)
            .Max("city", p.City, "De woonplaats", 100)
            .Max("priorEducation", p.PriorEducation, "De vooropleiding", 200)
            .Max("currentProfession", p.CurrentProfession, "Het huidige beroep", 200);
        if (!string.IsNullOrWhiteSpace(p.Email) && !IsEmail(p.Email)) v.Add("email", "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.");
        if (!string.IsNullOrWhiteSpace(p.Phone) && CandidateDuplicates.PhoneKey(p.Phone) is null) v.Add("phone", "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.");
        foreach (var s in p.Subjects ?? []) if (!CareerCodes.Subjects.ContainsKey(s)) v.Add("subjects", $"Onbekend vak: {Short(s)}.");
        foreach (var r in p.RouteOptions ?? []) if (!CareerCodes.RouteOptions.ContainsKey(r)) v.Add("routeOptions", $"Onbekende route: {Short(r)}.");
        foreach (var b in p.Bottlenecks ?? []) if (!CareerCodes.Bottlenecks.ContainsKey(b)) v.Add("bottlenecks", $"Onbekend knelpunt: {Short(b)}.");
        if (p.HoursPerWeek is < 1 or > 40) v.Add("hoursPerWeek", "Het aantal uren per week ligt tussen 1 en 40.");
        if (p.EducationLevel is { } level && !Enum.IsDefined(level)) v.Add("educationLevel", "Kies mbo, hbo of wo.");
        if (p.BirthDate is { } born && (born.Year < 1900 || born > DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15)))
            v.Add("birthDate", "De geboortedatum is niet geldig.");
        return v;
    }

    public static void Apply(Candidate c, CandidateProfile p)
    {
        c.FirstName = p.FirstName!.Trim();
        c.LastName = p.LastName!.Trim();
        c.Email = Clean(p.Email);
        c.Phone = Clean(p.Phone);
        c.BirthDate = p.BirthDate;
        c.City = Clean(p.City);
        c.PriorEducation = Clean(p.PriorEducation);
        c.EducationLevel = p.EducationLevel;
        c.CurrentProfession = Clean(p.CurrentProfession);
        c.Subjects = (p.Subjects ?? []).Distinct().ToList();
        c.InterestPo = p.Po;
        c.InterestVo = p.Vo;
        c.InterestMbo = p.Mbo;
        c.PreferredRegionIds = (p.PreferredRegionIds ?? []).Distinct().ToList();
        c.AvailableFrom = p.AvailableFrom;
        c.HoursPerWeek = p.HoursPerWeek;
        c.RouteOptions = (p.RouteOptions ?? []).Distinct().ToList();
        c.Bottlenecks = (p.Bottlenecks ?? []).Distinct().ToList();
        Rekey(c);
    }

    /// <summary>Fills what the survivor lacks from the duplicate and unites the lists (merge keeps everything known).</summary>
    public static void FillFrom(Candidate survivor, Candidate d)
    {
        survivor.Email ??= d.Email;
        survivor.Phone ??= d.Phone;
        survivor.BirthDate ??= d.BirthDate;
        survivor.City ??= d.City;
        survivor.PriorEducation ??= d.PriorEducation;
        survivor.EducationLevel ??= d.EducationLevel;
        survivor.CurrentProfession ??= d.CurrentProfession;
        survivor.AvailableFrom ??= d.AvailableFrom;
        survivor.HoursPerWeek ??= d.HoursPerWeek;
        survivor.OwnerUserId ??= d.OwnerUserId;
        survivor.OwnerName ??= d.OwnerName;
        survivor.UserId ??= d.UserId;
        survivor.Subjects = survivor.Subjects.Union(d.Subjects).ToList();
        survivor.RouteOptions = survivor.RouteOptions.Union(d.RouteOptions).ToList();
        survivor.Bottlenecks = survivor.Bottlenecks.Union(d.Bottlenecks).ToList();
        survivor.PreferredRegionIds = survivor.PreferredRegionIds.Union(d.PreferredRegionIds).ToList();
        survivor.InterestPo |= d.InterestPo;
        survivor.InterestVo |= d.InterestVo;
        survivor.InterestMbo |= d.InterestMbo;
        if (survivor.ConsentUtc is null && d.HasConsent) { survivor.ConsentUtc = d.ConsentUtc; survivor.ConsentPurpose = d.ConsentPurpose; }
        Rekey(survivor);
    }

    public static void Rekey(Candidate c)
    {
        var keys = CandidateDuplicates.KeysFor(c.Email, c.Phone, c.FirstName, c.LastName, c.BirthDate);
        c.EmailKey = keys.Email;
        c.PhoneKey = keys.Phone;
        c.NameBirthKey = keys.NameBirth;
        c.SearchText = $"{c.FirstName} {c.LastName} {c.Email} {c.City}".ToLowerInvariant();
        if (c.SearchText.Length > 600) c.SearchText = c.SearchText[..600];
    }

    public static bool IsEmail(string s)
    {
        var t = s.Trim();
        var at = t.IndexOf('@');
        return at > 0 && at == t.LastIndexOf('@') && t.IndexOf('.', at) > at + 1 && !t.EndsWith('.') && !t.Any(char.IsWhiteSpace);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static string Short(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
