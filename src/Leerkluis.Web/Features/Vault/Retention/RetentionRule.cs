namespace Leerkluis.Web.Features.Vault.Retention;

public sealed record EnrolmentPeriod(DateOnly Start, DateOnly? End);

/// <summary>What may be erased on a day: counted from the last day of the last enrolment; nothing under a legal hold.</summary>
public sealed record RetentionVerdict(DateOnly? LastDay, IReadOnlySet<DataKind> Expired)
{
    public bool EraseAll => Expired.Contains(DataKind.AbsenceAndEnrolment);
}

/// <summary>The retention rule, in one pure place (RetentionRuleTests); the daily job and anything else call it.</summary>
public static class RetentionRule
{
    public static int YearsKept(DataKind kind) => kind switch
    {
        DataKind.Dossier => 2,
        DataKind.Referral => 3,
        DataKind.AbsenceAndEnrolment => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The last day of the learner's last enrolment, or null when there is nothing to count from: an enrolment is
    /// active or yet to start on <paramref name="day"/> (a re-enrolment starts the count again), or there was never one.
    /// </summary>
    public static DateOnly? LastDay(IEnumerable<EnrolmentPeriod> history, DateOnly day)
    {
        DateOnly? last = null;
        foreach (var e in history)
        {
            if (e.End is not { } end || end >= day || e.Start > day) return null;
            if (last is null || end > last) last = end;
        }
        return last;
    }

    /// <summary>The first day on which data of a kind may be erased: the day after the period has passed.</summary>
    public static DateOnly ErasableFrom(DateOnly lastDay, DataKind kind) => lastDay.AddYears(YearsKept(kind)).AddDays(1);

    public static RetentionVerdict Decide(IEnumerable<EnrolmentPeriod> history, bool legalHold, DateOnly day)
    {
        var last = LastDay(history, day);
        if (last is not { } lastDay || legalHold) return new RetentionVerdict(last, new HashSet<DataKind>());
        var expired = Enum.GetValues<DataKind>().Where(k => day >= ErasableFrom(lastDay, k)).ToHashSet();
        return new RetentionVerdict(lastDay, expired);
    }
}
