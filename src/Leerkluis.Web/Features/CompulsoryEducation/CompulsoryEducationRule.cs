using System.Text.Json.Serialization;
using Leerkluis.Web.Platform.Time;

namespace Leerkluis.Web.Features.CompulsoryEducation;

[JsonConverter(typeof(JsonStringEnumConverter<DutyPhase>))]
public enum DutyPhase { NotYet, Compulsory, QualificationDuty, None }

/// <summary>A child's duty on one day, with the dates of both phases (all inclusive).</summary>
public sealed record DutyStatus(DutyPhase Phase, DateOnly CompulsoryFrom, DateOnly CompulsoryUntil, DateOnly QualificationUntil)
{
    public bool UnderDuty => Phase is DutyPhase.Compulsory or DutyPhase.QualificationDuty;
}

/// <summary>
/// Leerplichtwet 1969 art. 3 (compulsory education) and art. 4a (qualification duty), the one place these dates
/// are computed. Choices, so that the rule is predictable and testable:
/// <list type="bullet">
/// <item>"First school day of the month after the 5th birthday" is taken as the first day of that month that is
/// not a Saturday or Sunday. School holidays and public holidays are not considered: they differ per school and
/// region, and a signal a few days early is harmless.</item>
/// <item>Compulsory education ends at the end of the school year (31 July) in which the child turns 16. Art. 3 also
/// ends it after 12 full school years of attendance; Leerkluis does not know attendance before it was used, so only
/// the age rule applies (for a child who started at 4 the two coincide).</item>
/// <item>The qualification duty follows until the day before the 18th birthday, or ends on the day a startkwalificatie
/// is obtained. A startkwalificatie does not end compulsory education itself.</item>
/// <item>A 29 February birthday falls on 28 February in other years, as in <see cref="Platform.Access.Age"/>.</item>
/// </list>
/// </summary>
public static class CompulsoryEducationRule
{
    public static DutyStatus Status(DateOnly birthDate, DateOnly day, bool hasStartQualification)
    {
        var from = CompulsoryFrom(birthDate);
        var until = CompulsoryUntil(birthDate);
        var qualificationUntil = Birthday(birthDate, 18).AddDays(-1);
        var phase = day < from ? DutyPhase.NotYet
            : day <= until ? DutyPhase.Compulsory
            : day <= qualificationUntil && !hasStartQualification ? DutyPhase.QualificationDuty
            : DutyPhase.None;
        return new DutyStatus(phase, from, until, qualificationUntil);
    }

    /// <summary>The first weekday of the month after the month of the 5th birthday.</summary>
    public static DateOnly CompulsoryFrom(DateOnly birthDate)
    {
        var fifth = Birthday(birthDate, 5);
        var first = new DateOnly(fifth.Year, fifth.Month, 1).AddMonths(1);
        while (first.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) first = first.AddDays(1);
        return first;
    }

    /// <summary>31 July of the school year in which the 16th birthday falls.</summary>
    public static DateOnly CompulsoryUntil(DateOnly birthDate) => SchoolYear.Containing(Birthday(birthDate, 16)).LastDay;

    /// <summary>
    /// The birth dates of every child under either duty on <paramref name="day"/> (ignoring startkwalificaties), and
    /// the earliest birth date still under compulsory education: so that the daily sweep can select by birth date
    /// in one query. Duty is monotone in the birth date (older children are never in an earlier phase), so each
    /// bound is found by a short walk over the days around the age limits.
    /// </summary>
    public static DutyBirthDates BirthDatesUnderDuty(DateOnly day)
    {
        var latest = day.AddYears(-4);
        while (Status(latest, day, false).Phase == DutyPhase.NotYet) latest = latest.AddDays(-1);
        var earliest = day.AddYears(-19);
        while (Status(earliest, day, false).Phase == DutyPhase.None) earliest = earliest.AddDays(1);
        var compulsoryEarliest = earliest;
        while (Status(compulsoryEarliest, day, false).Phase != DutyPhase.Compulsory) compulsoryEarliest = compulsoryEarliest.AddDays(1);
        return new DutyBirthDates(earliest, latest, compulsoryEarliest);
    }

    private static DateOnly Birthday(DateOnly birthDate, int age) => birthDate.AddYears(age); // DateOnly.AddYears: 29-02 → 28-02
}

/// <summary>Children born from <see cref="Earliest"/> to <see cref="Latest"/> are under a duty; those born on or after
/// <see cref="CompulsoryEarliest"/> under compulsory education (a startkwalificatie does not release them).</summary>
public sealed record DutyBirthDates(DateOnly Earliest, DateOnly Latest, DateOnly CompulsoryEarliest);

/// <summary>DUO counts pupils on the count date (teldatum): 1 October of the school year.</summary>
public static class CountDate
{
    public static DateOnly Of(SchoolYear year) => new(year.StartYear, 10, 1);
}
