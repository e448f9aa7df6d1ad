namespace Leerkluis.Web.Features.Attendance.Rules;

/// <summary>
/// The limits a school sets on guardian reports, pure: not in the past (unless allowed), reports for today only until
/// the school's deadline, not too far ahead, end not before start.
/// </summary>
public static class ReportLimits
{
    public static IReadOnlyList<(string Field, string Message)> Check(AttendanceSettings settings, DateOnly today, TimeOnly now,
        DateOnly from, DateOnly? to)
    {
        var errors = new List<(string, string)>();
        if (to is { } end && end < from) errors.Add(("To", "De einddatum ligt vóór de begindatum."));
        if (from < today && !settings.AllowPastReports)
            errors.Add(("From", "Een melding voor een dag die al voorbij is, kan niet. Neem contact op met de school."));
        if (from == today && settings.SameDayDeadline is { } deadline && now > deadline)
            errors.Add(("From", $"Melden voor vandaag kan tot {deadline:HH\\:mm} uur. Bel de school."));
        if (from > today.AddDays(settings.MaxDaysAhead))
            errors.Add(("From", $"U kunt ten hoogste {settings.MaxDaysAhead} dagen vooruit melden."));
        return errors;
    }
}
