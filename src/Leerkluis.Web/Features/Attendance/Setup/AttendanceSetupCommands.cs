using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Attendance.Rules;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Attendance.Setup;

/// <summary>
/// The school office sets up attendance: settings, the day schedule or lesson periods per weekday, the timetable of a
/// group (vo), holidays and study days, and absence codes. School data, not dossier data: guarded by role and school.
/// Every change is checked whole before anything is saved, and clears the cached set-up (<see cref="SchoolSetups"/>).
/// </summary>
public sealed class AttendanceSetupCommands(LeerkluisDb db, CurrentActor current, AttendanceDefaults defaults, SchoolSetups setups, TimeProvider clock)
{
    private static readonly string[] RequiredCodes = [AttendanceDefaults.UnreportedCode, AttendanceDefaults.LateCode, AttendanceDefaults.LeaveCode];

    public async Task<SetupView> ReadAsync(Guid schoolId, CancellationToken ct = default)
    {
        await RequireAdminOfAsync(schoolId, ct);
        var s = await db.Set<AttendanceSettings>().AsNoTracking().FirstAsync(x => x.SchoolId == schoolId, ct);
        var periods = await db.Set<SchoolPeriod>().AsNoTracking().Where(p => p.SchoolId == schoolId).ToListAsync(ct);
        var codes = await db.Set<AbsenceCode>().AsNoTracking().Where(c => c.SchoolId == schoolId).ToListAsync(ct);
        var closures = await db.Set<SchoolClosure>().AsNoTracking().Where(c => c.SchoolId == schoolId).ToListAsync(ct);
        return new SetupView(
            new SettingsView(s.SameDayDeadline is { } d ? SetupText.Time(d) : null, s.AllowPastReports, s.MaxDaysAhead, SetupText.Name(s.AlertChannel),
                s.SickSignalCount, s.SickSignalWeeks, s.SickSignalConsecutiveDays),
            periods.OrderBy(p => ((int)p.Weekday + 6) % 7).ThenBy(p => p.Number)
                .Select(p => new PeriodView(p.Id, SetupText.Name(p.Weekday), p.Number, SetupText.Name(p.Kind), SetupText.Time(p.Start), SetupText.Time(p.End),
                    CountedTime.Minutes(p.Kind, p.Start, p.End))).ToList(),
            codes.OrderBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => new CodeView(c.Id, c.Code, c.Name, SetupText.Name(c.Category), c.GuardianMayUse, c.Active, RequiredCodes.Contains(c.Code))).ToList(),
            closures.OrderBy(c => c.From).Select(c => new ClosureView(c.Id, c.Name, SetupText.Name(c.Kind), c.From, c.To)).ToList());
    }

    public async Task SaveSettingsAsync(Guid schoolId, SaveSettingsCommand c, CancellationToken ct = default)
    {
        await RequireAdminOfAsync(schoolId, ct);
        var v = new Validation();
        TimeOnly? deadline = null;
        if (!string.IsNullOrWhiteSpace(c.SameDayDeadline))
        {
            deadline = SetupText.ParseTime(c.SameDayDeadline);
            if (deadline is null) v.Add("sameDayDeadline", "Vul de uiterste meldtijd in als uu:mm, bijvoorbeeld 08:30, of laat hem leeg.");
        }
        var channel = SetupText.Parse<GuardianAlertChannel>(c.AlertChannel);
        if (channel is null) v.Add("alertChannel", "Kies hoe ouders van ongemelde afwezigheid horen: e-mail of geen bericht.");
        if (c.MaxDaysAhead is < 0 or > 366) v.Add("maxDaysAhead", "Vooruit melden: kies 0 tot 366 dagen.");
        if (c.SickSignalCount is < 2 or > 50) v.Add("sickSignalCount", "Aantal ziekmeldingen voor een zorgsignaal: kies 2 tot 50.");
        if (c.SickSignalWeeks is < 1 or > 52) v.Add("sickSignalWeeks", "Periode voor het zorgsignaal: kies 1 tot 52 schoolweken.");
        if (c.SickSignalConsecutiveDays is < 1 or > 100) v.Add("sickSignalConsecutiveDays", "Aaneengesloten ziek: kies 1 tot 100 schooldagen.");
        v.ThrowIfInvalid();
        var s = await db.Set<AttendanceSettings>().FirstAsync(x => x.SchoolId == schoolId, ct);
        s.SameDayDeadline = deadline;
        s.AllowPastReports = c.AllowPastReports;
        s.MaxDaysAhead = c.MaxDaysAhead;
        s.AlertChannel = channel!.Value;
        s.SickSignalCount = c.SickSignalCount;
        s.SickSignalWeeks = c.SickSignalWeeks;
        s.SickSignalConsecutiveDays = c.SickSignalConsecutiveDays;
        await SaveAsync(schoolId, ct);
    }

    public async Task<Guid> AddPeriodAsync(Guid schoolId, PeriodCommand c, CancellationToken ct = default)
    {
        await RequireAdminOfAsync(schoolId, ct);
        var (weekday, kind, start, end) = CheckPeriod(c);
        var sameDay = await db.Set<SchoolPeriod>().Where(p => p.SchoolId == schoolId && p.Weekday == weekday).ToListAsync(ct);
        var number = c.Number ?? (sameDay.Count == 0 ? 1 : sameDay.Max(p => p.Number) + 1);
        var v = new Validation();
        if (number is < 1 or > 20) v.Add("number", "Het nummer van het uur moet tussen 1 en 20 liggen.");
        if (sameDay.Any(p => p.Number == number)) v.Add("number", $"Op {DayName(weekday)} bestaat uur {number} al.");
        CheckOverlap(v, sameDay, null, weekday, start, end);
        v.ThrowIfInvalid();
        var period = new SchoolPeriod { Id = Guid.CreateVersion7(), SchoolId = schoolId, Weekday = weekday, Number = number, Kind = kind, Start = start, End = end };
        db.Add(period);
        await SaveAsync(schoolId, ct);
        return period.Id;
    }

    /// <summary>Changes a period's times or kind (weekday and number stay: records and the timetable point at them).</summary>
    public async Task ChangePeriodAsync(Guid schoolId, Guid periodId, PeriodCommand c, CancellationToken ct = default)
    {
        await RequireAdminOfAsync(schoolId, ct);
        var period = await db.Set<SchoolPeriod>().FirstOrDefaultAsync(p => p.Id == periodId && p.SchoolId == schoolId, ct) ?? throw new NotFoundException();
        var (_, kind, start, end) = CheckPeriod(c with { Weekday = SetupText.Name(period.Weekday) });
        var sameDay = await db.Set<SchoolPeriod>().Where(p => p.SchoolId == schoolId && p.Weekday == period.Weekday).ToListAsync(ct);
        var v = new Validation();
        CheckOverlap(v, sameDay, period.Id, period.Weekday, start, end);
        v.ThrowIfInvalid();
        period.Kind = kind;
        period.Start = start;
        period.End = end;
        await SaveAsync(schoolId, ct);
    }

    /// <summary>Removes a period and the timetable's lessons in it; records already kept for it stay as they were counted.</summary>
    public async Task RemovePeriodAsync(Guid schoolId, Guid periodId, CancellationToken ct = default)
    {
        await RequireAdminOfAsync(schoolId, ct);
        var period = await db.Set<SchoolPeriod>().FirstOrDefaultAsync(p => p.Id == periodId && p.SchoolId == schoolId, ct) ?? throw new NotFoundException();
        db.Remove(period);
        await SaveAsync(schoolId, ct);
    }

    public async Task<Guid> AddCodeAsync(Guid schoolId, CodeCommand c, CancellationToken ct = default)
    {
        await RequireAdminOfAsync(schoolId, ct);
        var v = new Validation();
        var text = c.Code?.Trim().ToUpperInvariant();
        v.Require("code", text, "De code", 8);
        if (text is not null && text.Length > 0 && !text.All(char.IsLetterOrDigit)) v.Add("code", "De code bestaat alleen uit letters en cijfers, bijvoorbeeld ZK of AR2.");
        if (text is { Length: > 0 } && await db.Set<AbsenceCode>().AnyAsync(x => x.SchoolId == schoolId && x.Code == text, ct))
            v.Add("code", $"De code {text} bestaat al op deze school.");
        var category = CheckCode(v, c);
        v.ThrowIfInvalid();
        var code = new AbsenceCode
        {
            Id = Guid.CreateVersion7(), SchoolId = schoolId, Code = text!, Name = c.Name!.Trim(), Category = category!.Value,
            GuardianMayUse = c.GuardianMayUse, Active = c.Active,
        };
        db.Add(code);
        await SaveAsync(schoolId, ct);
        return code.Id;
    }

    /// <summary>Changes name, category, guardian use or deactivates; the code itself stays, because records show it.</summary>
    public async Task ChangeCodeAsync(Guid schoolId, Guid codeId, CodeCommand c, CancellationToken ct = default)
    {
        await RequireAdminOfAsync(schoolId, ct);
        var code = await db.Set<AbsenceCode>().FirstOrDefaultAsync(x => x.Id == codeId && x.SchoolId == schoolId, ct) ?? throw new NotFoundException();
        var v = new Validation();
        var category = CheckCode(v, c);
        if (RequiredCodes.Contains(code.Code))
        {
            // The roll call, the 16-hour rule and leave need these three as they are.
            if (!c.Active) v.Add("active", $"Code {code.Code} is nodig voor de absentieregistratie en kan niet uit.");
            if (category is { } cat && cat != code.Category) v.Add("category", $"De soort van code {code.Code} ligt vast.");
        }
        v.ThrowIfInvalid();
        code.Name = c.Name!.Trim();
        code.Category = category!.Value;
        code.GuardianMayUse = c.GuardianMayUse;
        code.Active = c.Active;
        await SaveAsync(schoolId, ct);
    }

    public async Task<Guid> AddClosureAsync(Guid schoolId, ClosureCommand c, CancellationToken ct = default)
    {
        await RequireAdminOfAsync(schoolId, ct);
        var v = new Validation();
        v.Require("name", c.Name?.Trim(), "De naam", 100);
        var kind = SetupText.Parse<ClosureKind>(c.Kind);
        if (kind is null) v.Add("kind", "Kies vakantie of studiedag.");
        if (c.From is null) v.Add("from", "De begindatum is verplicht.");
        if (c.To is null) v.Add("to", "De einddatum is verplicht.");
        if (c.From is { } from && c.To is { } to)
        {
            if (to < from) v.Add("to", "De einddatum ligt vóór de begindatum.");
            else if (to.DayNumber - from.DayNumber > 120) v.Add("to", "Een vakantie of studiedag duurt hoogstens 120 dagen.");
            else
            {
                var overlap = await db.Set<SchoolClosure>().AsNoTracking()
                    .Where(x => x.SchoolId == schoolId && x.From <= to && x.To >= from).OrderBy(x => x.From).FirstOrDefaultAsync(ct);
                if (overlap is not null)
                    v.Add("from", $"Overlapt met {overlap.Name} ({Amsterdam.Date(overlap.From)} t/m {Amsterdam.Date(overlap.To)}).");
            }
        }
        v.ThrowIfInvalid();
        var closure = new SchoolClosure { Id = Guid.CreateVersion7(), SchoolId = schoolId, Name = c.Name!.Trim(), Kind = kind!.Value, From = c.From!.Value, To = c.To!.Value };
        db.Add(closure);
        await SaveAsync(schoolId, ct);
        return closure.Id;
    }

    public async Task RemoveClosureAsync(Guid schoolId, Guid closureId, CancellationToken ct = default)
    {
        await RequireAdminOfAsync(schoolId, ct);
        var closure = await db.Set<SchoolClosure>().FirstOrDefaultAsync(x => x.Id == closureId && x.SchoolId == schoolId, ct) ?? throw new NotFoundException();
        db.Remove(closure);
        await SaveAsync(schoolId, ct);
    }

    public async Task<IReadOnlyList<TimetableSlotView>> TimetableAsync(Guid groupId, CancellationToken ct = default)
    {
        await GroupOfAsync(groupId, ct);
        var rows = await db.Set<TimetableSlot>().AsNoTracking().Where(s => s.GroupId == groupId)
            .Join(db.Set<SchoolPeriod>(), s => s.SchoolPeriodId, p => p.Id, (s, p) => new { s.Id, p.Weekday, p.Number, s.Subject, s.StaffId })
            .ToListAsync(ct);
        return rows.OrderBy(r => ((int)r.Weekday + 6) % 7).ThenBy(r => r.Number)
            .Select(r => new TimetableSlotView(r.Id, SetupText.Name(r.Weekday), r.Number, r.Subject, r.StaffId)).ToList();
    }

    /// <summary>
    /// Replaces a group's weekly timetable (vo). An empty timetable means the group follows every period of the school
    /// (the po day schedule).
    /// </summary>
    public async Task SetTimetableAsync(Guid groupId, TimetableCommand c, CancellationToken ct = default)
    {
        var schoolId = await GroupOfAsync(groupId, ct);
        var periods = await db.Set<SchoolPeriod>().AsNoTracking().Where(p => p.SchoolId == schoolId).ToListAsync(ct);
        var staff = await db.Staff.AsNoTracking().Where(s => s.SchoolId == schoolId).Select(s => s.Id).ToListAsync(ct);
        var v = new Validation();
        var slots = new List<TimetableSlot>();
        var seen = new HashSet<Guid>();
        var lines = c.Slots ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            var s = lines[i];
            var field = $"slots[{i}]";
            var weekday = SetupText.Parse<DayOfWeek>(s.Weekday);
            var period = weekday is { } wd ? periods.FirstOrDefault(p => p.Weekday == wd && p.Number == s.Number) : null;
            if (period is null) { v.Add($"{field}.number", $"Regel {i + 1}: deze school heeft geen uur {s.Number} op {(weekday is { } d ? DayName(d) : s.Weekday)}."); continue; }
            if (!seen.Add(period.Id)) v.Add($"{field}.number", $"Regel {i + 1}: {DayName(period.Weekday)} uur {s.Number} staat al in het rooster.");
            v.Require($"{field}.subject", s.Subject?.Trim(), $"Regel {i + 1}: het vak", 60);
            if (s.StaffId is { } staffId && !staff.Contains(staffId)) v.Add($"{field}.staffId", $"Regel {i + 1}: deze docent werkt niet op deze school.");
            slots.Add(new TimetableSlot { Id = Guid.CreateVersion7(), GroupId = groupId, SchoolPeriodId = period.Id, Subject = s.Subject?.Trim() ?? "", StaffId = s.StaffId });
        }
        v.ThrowIfInvalid();
        // One save: lessons that stay are updated in place (the unique index on group and period), the rest removed or added.
        var existing = await db.Set<TimetableSlot>().Where(s => s.GroupId == groupId).ToListAsync(ct);
        foreach (var old in existing.Where(o => slots.All(n => n.SchoolPeriodId != o.SchoolPeriodId))) db.Remove(old);
        foreach (var slot in slots)
        {
            if (existing.FirstOrDefault(o => o.SchoolPeriodId == slot.SchoolPeriodId) is { } kept)
            {
                kept.Subject = slot.Subject;
                kept.StaffId = slot.StaffId;
            }
            else db.Add(slot);
        }
        await SaveAsync(schoolId, ct);
    }

    private async Task RequireAdminOfAsync(Guid schoolId, CancellationToken ct)
    {
        var actor = current.Value;
        if (actor.Role != Roles.SchoolAdmin || actor.SchoolId != schoolId) throw new NotFoundException();
        await defaults.EnsureAsync(schoolId, ct);
    }

    /// <summary>The group's school, when the actor is its office and the group is of this school year.</summary>
    private async Task<Guid> GroupOfAsync(Guid groupId, CancellationToken ct)
    {
        var actor = current.Value;
        var year = SchoolYear.Containing(Amsterdam.Today(clock)).StartYear;
        if (actor.Role != Roles.SchoolAdmin || actor.SchoolId is not { } schoolId
            || !await db.Groups.AnyAsync(g => g.Id == groupId && g.SchoolId == schoolId && g.SchoolYearStart == year, ct))
            throw new NotFoundException();
        await defaults.EnsureAsync(schoolId, ct);
        return schoolId;
    }

    private static (DayOfWeek Weekday, PeriodKind Kind, TimeOnly Start, TimeOnly End) CheckPeriod(PeriodCommand c)
    {
        var v = new Validation();
        var weekday = SetupText.Parse<DayOfWeek>(c.Weekday);
        if (weekday is null or DayOfWeek.Saturday or DayOfWeek.Sunday) v.Add("weekday", "Kies een schooldag van maandag tot en met vrijdag.");
        var kind = SetupText.Parse<PeriodKind>(c.Kind);
        if (kind is null) v.Add("kind", "Kies dagdeel of lesuur.");
        var start = SetupText.ParseTime(c.Start);
        var end = SetupText.ParseTime(c.End);
        if (start is null) v.Add("start", "Vul de begintijd in als uu:mm, bijvoorbeeld 08:30.");
        if (end is null) v.Add("end", "Vul de eindtijd in als uu:mm, bijvoorbeeld 09:20.");
        if (start is { } s && end is { } e && e <= s) v.Add("end", "De eindtijd ligt niet na de begintijd.");
        v.ThrowIfInvalid();
        return (weekday!.Value, kind!.Value, start!.Value, end!.Value);
    }

    private static void CheckOverlap(Validation v, List<SchoolPeriod> sameDay, Guid? self, DayOfWeek weekday, TimeOnly start, TimeOnly end)
    {
        var other = sameDay.Where(p => p.Id != self && p.Start < end && start < p.End).OrderBy(p => p.Start).FirstOrDefault();
        if (other is not null)
            v.Add("start", $"Overlapt op {DayName(weekday)} met uur {other.Number} ({SetupText.Time(other.Start)}–{SetupText.Time(other.End)}).");
    }

    private static AbsenceCategory? CheckCode(Validation v, CodeCommand c)
    {
        v.Require("name", c.Name?.Trim(), "De omschrijving", 80);
        var category = SetupText.Parse<AbsenceCategory>(c.Category);
        if (category is null) v.Add("category", "Kies de soort: geoorloofd, ongeoorloofd, ziek, te laat, verwijderd uit de les of verlof.");
        return category;
    }

    private static string DayName(DayOfWeek d) => System.Globalization.CultureInfo.GetCultureInfo("nl-NL").DateTimeFormat.GetDayName(d);

    private async Task SaveAsync(Guid schoolId, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        setups.Evict(schoolId);
    }
}
