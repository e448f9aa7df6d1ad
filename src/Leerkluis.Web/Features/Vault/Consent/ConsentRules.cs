using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;

namespace Leerkluis.Web.Features.Vault.Consent;

/// <summary>The rules of a consent's content, pure and unit-tested (who may grant is the access decision's AgeRules).</summary>
public static class ConsentRules
{
    public const int PurposeMaxLength = 500;
    /// <summary>A consent runs at most two years: long enough for a support trajectory, short enough to be reconsidered.</summary>
    public const int MaxYearsAhead = 2;

    /// <summary>
    /// Organisations that can hold a consent: a samenwerkingsverband, a municipality (youth care, beyond the officer's
    /// legal duty) and other care partners. Not the inspectorate (aggregates only) nor the careers desks and training
    /// institutes (no learners).
    /// </summary>
    public static bool MayReceiveConsent(OrganisationKind kind) =>
        kind is OrganisationKind.SupportPartnership or OrganisationKind.Municipality or OrganisationKind.Other;

    public static Validation Check(IReadOnlyCollection<Section> sections, IReadOnlyCollection<string> unknownSections, DateOnly? validUntil,
        string? purpose, DateOnly today)
    {
        var v = new Validation();
        if (sections.Count == 0 && unknownSections.Count == 0) v.Add("sections", "Kies ten minste één onderdeel van het dossier.");
        foreach (var name in unknownSections) v.Add("sections", $"Het onderdeel '{name}' kan niet gedeeld worden.");
        foreach (var s in sections.Where(s => !AccessMatrix.Grantable.Contains(s)))
            v.Add("sections", $"Het onderdeel '{SectionLabels.Dutch(s)}' kan niet met toestemming gedeeld worden.");
        if (validUntil is not { } until) v.Add("validUntil", "Geldig tot is verplicht.");
        else if (until < today) v.Add("validUntil", "Geldig tot mag niet in het verleden liggen.");
        else if (until > today.AddYears(MaxYearsAhead)) v.Add("validUntil", $"Geldig tot mag hoogstens {MaxYearsAhead} jaar vooruit liggen.");
        v.Require("purpose", purpose, "Het doel", PurposeMaxLength);
        return v;
    }

    /// <summary>Reads section names as sent by a form or the API (case-insensitive code names), separating the unknown ones.</summary>
    public static (List<Section> Known, List<string> Unknown) ParseSections(IEnumerable<string>? names)
    {
        var known = new List<Section>();
        var unknown = new List<string>();
        foreach (var raw in names ?? [])
        {
            var name = raw.Trim();
            if (name.Length == 0) continue;
            if (Enum.TryParse<Section>(name, ignoreCase: true, out var s) && !int.TryParse(name, out _)) { if (!known.Contains(s)) known.Add(s); }
            else unknown.Add(name.Length > 40 ? name[..40] : name);
        }
        return (known, unknown);
    }
}
