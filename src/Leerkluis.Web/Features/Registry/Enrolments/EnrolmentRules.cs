namespace Leerkluis.Web.Features.Registry.Enrolments;

/// <summary>The pure enrolment rules: one active main enrolment per learner, sane periods.</summary>
public static class EnrolmentRules
{
    /// <summary>Returns an error message when a new enrolment from <paramref name="start"/> conflicts with existing ones.</summary>
    public static string? CheckNew(IEnumerable<Enrolment> existing, Guid schoolId, DateOnly start, EnrolmentKind kind)
    {
        if (kind != EnrolmentKind.Main) return null;
        foreach (var e in existing.Where(e => e.Kind == EnrolmentKind.Main))
        {
            var overlaps = e.EndDate is null || e.EndDate >= start;
            if (!overlaps) continue;
            return e.SchoolId == schoolId
                ? "Deze leerling staat in deze periode al ingeschreven op deze school."
                : "Deze leerling staat al ingeschreven op een andere school. Die school moet de leerling eerst uitschrijven (een overstap gaat via het overstapdossier).";
        }
        return null;
    }

    /// <summary>Returns an error message when the enrolment cannot end on <paramref name="end"/>.</summary>
    public static string? CheckEnd(Enrolment enrolment, DateOnly end)
    {
        if (enrolment.EndDate is not null) return "Deze inschrijving is al beëindigd.";
        if (end < enrolment.StartDate) return "De einddatum ligt vóór de startdatum van de inschrijving.";
        return null;
    }
}
