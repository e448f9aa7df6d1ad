using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers.Activities;

public sealed record CreateActivityCommand(Guid RegionId, string? Title, string? Description, DateTime? StartsUtc, string? Location, int Capacity);
public sealed record RegisterCommand(Guid CandidateId);
public sealed record AttendanceCommand(AttendanceStatus Status);

public sealed record ActivityView(Guid Id, Guid RegionId, string RegionName, string Title, string? Description, DateTime StartsUtc, string Location,
    int Capacity, int Registered, int Attended, int NoShow, bool OwnRegion)
{
    public int FreePlaces => Math.Max(0, Capacity - Registered);
}

public sealed record RegistrationView(Guid Id, Guid CandidateId, string CandidateName, string CandidateRegion, DateTime RegisteredUtc, AttendanceStatus Status);
public sealed record ActivityDetail(ActivityView Activity, IReadOnlyList<RegistrationView> Registrations);
public sealed record PortalActivity(ActivityView Activity, bool Registered);

/// <summary>Orientation events: created by a region's advisors, listed across regions, registration by advisor or candidate, attendance.</summary>
public sealed class RegionActivities(LeerkluisDb db, CareerScope scope, TimeProvider clock)
{
    public async Task<Activity> CreateAsync(CreateActivityCommand c, CancellationToken ct)
    {
        if (!(await scope.AdvisorRegionsAsync(ct)).Contains(c.RegionId)) throw ValidationFailedException.For("regionId", "Kies een regio van uw loket.");
        var v = new Validation().Require("title", c.Title, "De titel", 200).Require("location", c.Location, "De locatie", 200)
            .Max("description", c.Description, "De beschrijving", 2000);
        if (c.StartsUtc is not { } starts) v.Add("startsUtc", "Vul de datum en tijd van de activiteit in.");
        else if (starts <= clock.GetUtcNow().UtcDateTime) v.Add("startsUtc", "De activiteit moet in de toekomst liggen.");
        if (c.Capacity is < 1 or > 10_000) v.Add("capacity", "Het aantal plaatsen ligt tussen 1 en 10.000.");
        v.ThrowIfInvalid();
        var a = new Activity
        {
            Id = Guid.CreateVersion7(), RegionId = c.RegionId, Title = c.Title!.Trim(), Description = string.IsNullOrWhiteSpace(c.Description) ? null : c.Description.Trim(),
            StartsUtc = DateTime.SpecifyKind(c.StartsUtc!.Value.ToUniversalTime(), DateTimeKind.Utc), Location = c.Location!.Trim(), Capacity = c.Capacity,
        };
        db.Add(a);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Upcoming activities of every region (advisors work across borders), or only those of <paramref name="regionIds"/>.</summary>
    public async Task<IReadOnlyList<ActivityView>> UpcomingAsync(IReadOnlyCollection<Guid>? regionIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var q = db.Set<Activity>().Where(a => a.StartsUtc > now);
        if (regionIds is not null) q = q.Where(a => regionIds.Contains(a.RegionId));
        return await ViewsAsync(q.OrderBy(a => a.StartsUtc).Take(200), ct);
    }

    /// <summary>The activity with its registrations, for the advisors of the organising region (others: 404).</summary>
    public async Task<ActivityDetail> DetailAsync(Guid id, CancellationToken ct)
    {
        var activity = await OwnActivityAsync(id, ct);
        var view = (await ViewsAsync(db.Set<Activity>().Where(a => a.Id == activity.Id), ct)).Single();
        var rows = await db.Set<ActivityRegistration>().Where(r => r.ActivityId == id)
            .Join(db.Set<Candidate>(), r => r.CandidateId, c => c.Id, (r, c) => new { r, c.FirstName, c.LastName, c.RegionId })
            .Join(db.Set<Region>(), x => x.RegionId, g => g.Id, (x, g) => new RegistrationView(x.r.Id, x.r.CandidateId, x.FirstName + " " + x.LastName, g.Name, x.r.RegisteredUtc, x.r.Status))
            .ToListAsync(ct);
        return new ActivityDetail(view, rows.OrderBy(r => r.CandidateName).ToList());
    }

    /// <summary>An advisor registers a candidate they work with, for an activity of any region.</summary>
    public async Task<ActivityRegistration> RegisterAsync(Guid activityId, Guid candidateId, CancellationToken ct)
    {
        var candidate = await scope.CandidateAsync(candidateId, work: true, ct);
        var activity = await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == activityId, ct) ?? throw new NotFoundException();
        return await AddRegistrationAsync(activity, candidate, await scope.ActorNameAsync(ct), ct);
    }

    /// <summary>The candidate registers themself, for an activity of their own or a preferred region.</summary>
    public async Task<ActivityRegistration> RegisterMeAsync(Guid activityId, CancellationToken ct)
    {
        var me = await scope.MeAsync(ct);
        var activity = await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == activityId, ct) ?? throw new NotFoundException();
        if (activity.RegionId != me.RegionId && !me.PreferredRegionIds.Contains(activity.RegionId)) throw new NotFoundException();
        return await AddRegistrationAsync(activity, me, me.FullName, ct);
    }

    /// <summary>Upcoming activities of the candidate's own and preferred regions, with whether they are registered.</summary>
    public async Task<IReadOnlyList<PortalActivity>> ForMeAsync(CancellationToken ct)
    {
        var me = await scope.MeAsync(ct);
        var views = await UpcomingAsync([me.RegionId, .. me.PreferredRegionIds], ct);
        var ids = views.Select(v => v.Id).ToList();
        var mine = await db.Set<ActivityRegistration>().Where(r => r.CandidateId == me.Id && ids.Contains(r.ActivityId)).Select(r => r.ActivityId).ToListAsync(ct);
        return views.Select(v => new PortalActivity(v, mine.Contains(v.Id))).ToList();
    }

    /// <summary>Upcoming activities a candidate is registered for (shown on the advisor's card).</summary>
    public async Task<IReadOnlyList<Guid>> RegisteredActivityIdsAsync(Guid candidateId, CancellationToken ct) =>
        await db.Set<ActivityRegistration>().Where(r => r.CandidateId == candidateId).Select(r => r.ActivityId).ToListAsync(ct);

    /// <summary>The organising region's advisor records attendance; it also lands on the candidate's route.</summary>
    public async Task MarkAsync(Guid activityId, Guid registrationId, AttendanceStatus status, CancellationToken ct)
    {
        var activity = await OwnActivityAsync(activityId, ct);
        if (!Enum.IsDefined(status)) throw ValidationFailedException.For("status", "Kies aangemeld, aanwezig of niet verschenen.");
        var reg = await db.Set<ActivityRegistration>().FirstOrDefaultAsync(r => r.Id == registrationId && r.ActivityId == activityId, ct) ?? throw new NotFoundException();
        if (reg.Status == status) return;
        reg.Status = status;
        if (status != AttendanceStatus.Registered)
            Note(reg.CandidateId, $"{activity.Title} ({Platform.Time.Amsterdam.DateTime(activity.StartsUtc)}): {ActivityRules.StatusLabel(status)}.", await scope.ActorNameAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    private async Task<ActivityRegistration> AddRegistrationAsync(Activity activity, Candidate candidate, string author, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A no-op update locks the activity's row until commit, so concurrent registrations for the same activity queue here
        // and the count below is exact: the last place cannot be given out twice.
        await db.Set<Activity>().Where(a => a.Id == activity.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Capacity, a => a.Capacity), ct);
        var registered = await db.Set<ActivityRegistration>().CountAsync(r => r.ActivityId == activity.Id, ct);
        var already = await db.Set<ActivityRegistration>().AnyAsync(r => r.ActivityId == activity.Id && r.CandidateId == candidate.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (ActivityRules.RegistrationRefusal(activity.Capacity, registered, already, activity.StartsUtc, now) is { } refusal)
            throw ValidationFailedException.For("activityId", refusal);
        var reg = new ActivityRegistration { Id = Guid.CreateVersion7(), ActivityId = activity.Id, CandidateId = candidate.Id, RegisteredUtc = now };
        db.Add(reg);
        Note(candidate.Id, $"Aangemeld voor {activity.Title} op {Platform.Time.Amsterdam.DateTime(activity.StartsUtc)}, {activity.Location}.", author);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (activity, candidate) index caught a second click that passed the check at the same time.
            throw ValidationFailedException.For("activityId", "De kandidaat is al aangemeld voor deze activiteit.");
        }
        return reg;
    }

    private void Note(Guid candidateId, string text, string author)
    {
        // Kind Activity: the candidate sees it on their route in the portal as well.
        db.Add(new ContactMoment { Id = Guid.CreateVersion7(), CandidateId = candidateId, Kind = ContactKind.Activity, AtUtc = clock.GetUtcNow().UtcDateTime,
            AuthorUserId = scope.Actor.UserId, AuthorName = author, Summary = text });
    }

    private async Task<Activity> OwnActivityAsync(Guid id, CancellationToken ct)
    {
        var activity = await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        return (await scope.AdvisorRegionsAsync(ct)).Contains(activity.RegionId) ? activity : throw new NotFoundException();
    }

    private async Task<IReadOnlyList<ActivityView>> ViewsAsync(IQueryable<Activity> q, CancellationToken ct)
    {
        var mine = await scope.AdvisorRegionsAsync(ct);
        var activities = await q.Join(db.Set<Region>(), a => a.RegionId, r => r.Id, (a, r) => new { a, Region = r.Name }).ToListAsync(ct);
        var ids = activities.Select(x => x.a.Id).ToList();
        var counts = await db.Set<ActivityRegistration>().Where(r => ids.Contains(r.ActivityId)).GroupBy(r => new { r.ActivityId, r.Status })
            .Select(g => new { g.Key.ActivityId, g.Key.Status, N = g.Count() }).ToListAsync(ct);
        int Count(Guid id, AttendanceStatus? s) => counts.Where(c => c.ActivityId == id && (s == null || c.Status == s)).Sum(c => c.N);
        return activities.OrderBy(x => x.a.StartsUtc).Select(x => new ActivityView(x.a.Id, x.a.RegionId, x.Region, x.a.Title, x.a.Description, x.a.StartsUtc, x.a.Location,
            x.a.Capacity, Count(x.a.Id, null), Count(x.a.Id, AttendanceStatus.Attended), Count(x.a.Id, AttendanceStatus.NoShow), mine.Contains(x.a.RegionId))).ToList();
    }
}
