using Leerkluis.Web.Features.Attendance.Rules;

namespace Leerkluis.Web.Features.Attendance.Leave;

public sealed record LeaveCheck(IReadOnlyList<(string Field, string Message)> Errors, LeaveDecider Decider, int SchoolDays);

/// <summary>
/// Leave requests under the Leerplichtwet, pure.
/// <list type="bullet">
/// <item>Art. 13a (holiday leave, when a parent's work rules out every school holiday): at most once per school year,
/// at most 10 school days, never in the first two school weeks of the school year. The head decides.</item>
/// <item>Art. 14 (important circumstances: a wedding, a funeral, a jubilee): the head decides up to 10 school days,
/// above that the attendance officer.</item>
/// </list>
/// </summary>
public static class LeaveRules
{
    public const int MaxHeadDays = 10;

    /// <param name="schoolYearFirstDay">The first school day of the school year the leave starts in.</param>
    /// <param name="holidayLeaveThisYear">Whether the learner already has a granted or pending holiday leave this school year.</param>
    public static LeaveCheck Check(LeaveKind kind, DateOnly from, DateOnly to, SchoolCalendar calendar,
        DateOnly? schoolYearFirstDay, bool holidayLeaveThisYear)
    {
        var errors = new List<(string, string)>();
        if (to < from)
            return new LeaveCheck([("To", "De einddatum ligt vóór de begindatum.")], LeaveDecider.Head, 0);
        var days = calendar.CountSchoolDays(from, to);
        if (days == 0) errors.Add(("From", "In deze periode zijn geen schooldagen; verlof is niet nodig."));

        if (kind == LeaveKind.Holiday)
        {
            if (days > MaxHeadDays)
                errors.Add(("To", $"Vakantieverlof is ten hoogste {MaxHeadDays} schooldagen; deze aanvraag omvat {days} schooldagen."));
            if (holidayLeaveThisYear)
                errors.Add(("Kind", "Vakantieverlof kan één keer per schooljaar; er is dit schooljaar al vakantieverlof aangevraagd of verleend."));
            if (schoolYearFirstDay is { } first)
            {
                var firstTwoWeeksEnd = SchoolCalendar.MondayOf(first).AddDays(13);
                if (from <= firstTwoWeeksEnd && to >= first)
                    errors.Add(("From", $"Vakantieverlof mag niet in de eerste twee schoolweken van het schooljaar (tot en met {firstTwoWeeksEnd:dd-MM-yyyy})."));
            }
            return new LeaveCheck(errors, LeaveDecider.Head, days);
        }
        return new LeaveCheck(errors, days > MaxHeadDays ? LeaveDecider.AttendanceOfficer : LeaveDecider.Head, days);
    }
}
