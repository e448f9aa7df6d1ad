using Leerkluis.Web.Features.Careers.Activities;
using Leerkluis.Web.Features.Careers.Documents;
using Leerkluis.Web.Features.Careers.Intake;
using Leerkluis.Web.Features.Careers.Introductions;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers.Retention;

/// <summary>
/// How long the desk keeps a candidate (bewaartermijn): while there has been activity in the last two years, or while
/// their consent is live. Consent counts for two years from when it was given (then it must be renewed); a withdrawn or
/// never-given consent is not live. Only when both are gone is the candidate erased.
/// </summary>
public static class CandidateRetentionRule
{
    public static readonly TimeSpan InactivityLimit = TimeSpan.FromDays(730);
    public static readonly TimeSpan ConsentValidity = TimeSpan.FromDays(730);

    public static bool ConsentLive(DateTime? consentUtc, DateTime? withdrawnUtc, DateTime nowUtc) =>
        consentUtc is { } given && withdrawnUtc is null && nowUtc - given < ConsentValidity;

    public static bool ShouldErase(DateTime lastActivityUtc, DateTime? consentUtc, DateTime? withdrawnUtc, DateTime nowUtc) =>
        nowUtc - lastActivityUtc >= InactivityLimit && !ConsentLive(consentUtc, withdrawnUtc, nowUtc);
}

/// <summary>One erased candidate, without personal data: when, which region, why (for the desk's accountability).</summary>
public sealed class CandidateErasure
{
    public Guid Id { get; set; }
    public DateTime ErasedUtc { get; set; }
    public Guid RegionId { get; set; }
    public required string Reason { get; set; }
}

internal sealed class CandidateErasureConfiguration : IEntityTypeConfiguration<CandidateErasure>
{
    public void Configure(EntityTypeBuilder<CandidateErasure> b)
    {
        b.ToTable("CandidateErasures");
        b.Property(x => x.Reason).HasMaxLength(200);
        b.HasIndex(x => x.ErasedUtc);
    }
}

/// <summary>
/// Daily job "careers-retention": erases candidates the rule says to (all their history goes by cascade, and their
/// portal log-in), writing one erasure line each. Last activity is the latest of creation, phase changes, contact
/// moments, activity registrations, website submissions, documents and introduction changes.
/// </summary>
public sealed class CandidateRetentionJob(LeerkluisDb db, UserManager<AppUser> users, TimeProvider clock) : IDailyJob
{
    public const string JobName = "careers-retention";
    public const string Reason = "Twee jaar geen activiteit en geen (geldige) toestemming";
    public string Name => JobName;

    public async Task<string> RunAsync(DateOnly day, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - CandidateRetentionRule.InactivityLimit;
        var consentCutoff = now - CandidateRetentionRule.ConsentValidity;
        // Narrowed in the database to old records without live consent; the rule decides on the full activity below.
        var suspects = await db.Set<Candidate>()
            .Where(c => c.CreatedUtc <= cutoff && c.PhaseSinceUtc <= cutoff && (c.ConsentUtc == null || c.ConsentWithdrawnUtc != null || c.ConsentUtc <= consentCutoff))
            .Select(c => new { c.Id, c.RegionId, c.UserId, c.CreatedUtc, c.PhaseSinceUtc, c.ConsentUtc, c.ConsentWithdrawnUtc })
            .ToListAsync(ct);
        var erased = 0;
        foreach (var s in suspects)
        {
            var last = new[]
            {
                s.CreatedUtc, s.PhaseSinceUtc,
                await db.Set<PhaseChange>().Where(x => x.CandidateId == s.Id).MaxAsync(x => (DateTime?)x.AtUtc, ct) ?? DateTime.MinValue,
                await db.Set<ContactMoment>().Where(x => x.CandidateId == s.Id).MaxAsync(x => (DateTime?)x.AtUtc, ct) ?? DateTime.MinValue,
                await db.Set<ActivityRegistration>().Where(x => x.CandidateId == s.Id).MaxAsync(x => (DateTime?)x.RegisteredUtc, ct) ?? DateTime.MinValue,
                await db.Set<IntakeSubmission>().Where(x => x.CandidateId == s.Id).MaxAsync(x => (DateTime?)x.ReceivedUtc, ct) ?? DateTime.MinValue,
                await db.Set<CandidateDocument>().Where(x => x.CandidateId == s.Id).MaxAsync(x => (DateTime?)x.UploadedUtc, ct) ?? DateTime.MinValue,
                await db.Set<IntroductionChange>().Join(db.Set<Introduction>().Where(i => i.CandidateId == s.Id), h => h.IntroductionId, i => i.Id, (h, i) => h.AtUtc)
                    .MaxAsync(x => (DateTime?)x, ct) ?? DateTime.MinValue,
            }.Max();
            if (!CandidateRetentionRule.ShouldErase(last, s.ConsentUtc, s.ConsentWithdrawnUtc, now)) continue;

            await db.Set<Candidate>().Where(c => c.Id == s.Id).ExecuteDeleteAsync(ct);
            db.Add(new CandidateErasure { Id = Guid.CreateVersion7(), ErasedUtc = now, RegionId = s.RegionId, Reason = Reason });
            await db.SaveChangesAsync(ct);
            if (s.UserId is { } userId && await users.FindByIdAsync(userId.ToString()) is { } user) await users.DeleteAsync(user);
            erased++;
        }
        return $"{erased} kandidaten verwijderd (bewaartermijn).";
    }
}
