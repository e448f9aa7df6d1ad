using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Mail;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Careers.Intake;

/// <summary>What a regional website's form sends. <c>Website</c> is the honeypot: people never see it, robots fill it in.</summary>
public sealed record IntakeRequest(
    string? FirstName, string? LastName, string? Email, string? Phone, DateOnly? BirthDate, IReadOnlyList<string>? Subjects,
    IReadOnlyList<string>? Sectors, string? Message, bool Consent, string? Website);

public enum IntakeOutcome { Created, MergedForReview, Ignored }

/// <summary>
/// The public intake of a region: validates everything before storing anything, then either creates a candidate in
/// phase 1 or, when CandidateDuplicates finds the person already, keeps the submission with that candidate for an advisor to review.
/// </summary>
public sealed class IntakeSubmissions(LeerkluisDb db, IMailer mailer, TimeProvider clock, ILogger<IntakeSubmissions> log)
{
    public const string ConsentPurpose = "Contact en begeleiding door het regioloket naar aanleiding van het aanmeldformulier";
    public const int MaxMessage = 2000;

    public async Task<Region> RegionAsync(string key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 64) throw ValidationFailedException.For("key", "Onbekende regiosleutel.");
        return await db.Set<Region>().AsNoTracking().FirstOrDefaultAsync(r => r.IntakeKey == key, ct)
            ?? throw ValidationFailedException.For("key", "Onbekende regiosleutel.");
    }

    /// <summary>Origins are compared exactly (scheme, host and port), as browsers send them.</summary>
    public static bool OriginAllowed(Region region, string origin) =>
        region.AllowedOrigins.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));

    public async Task<IntakeOutcome> SubmitAsync(Region region, IntakeRequest r, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(r.Website)) return IntakeOutcome.Ignored; // answered like a success, so robots learn nothing

        var v = new Validation()
            .Require("firstName", r.FirstName, "De voornaam", 100)
            .Require("lastName", r.LastName, "De achternaam", 100)
            .Require("email", r.Email, "Het e-mailadres", 254)
            .Max("phone", r.Phone, "Het telefoonnummer", 30)
            .Max("message", r.Message, "Het bericht", MaxMessage);
        if (!r.Consent) v.Add("consent", "Geef toestemming om je gegevens te bewaren en contact met je op te nemen; zonder toestemming kunnen we je aanmelding niet verwerken.");
        if (!string.IsNullOrWhiteSpace(r.Email) && r.Email.Length <= 254 && !CandidateWrite.IsEmail(r.Email)) v.Add("email", "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.");
        if (!string.IsNullOrWhiteSpace(r.Phone) && r.Phone.Length <= 30 && CandidateDuplicates.PhoneKey(r.Phone) is null) v.Add("phone", "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.");
        if (r.Subjects is { Count: > 20 }) v.Add("subjects", "Kies hoogstens 20 vakken.");
        else foreach (var s in r.Subjects ?? []) if (s is null || !CareerCodes.Subjects.ContainsKey(s)) v.Add("subjects", "Onbekend vak.");
        var sectors = (r.Sectors ?? []).Select(s => s?.Trim().ToLowerInvariant()).ToList();
        if (sectors.Count > 3 || sectors.Any(s => s is not ("po" or "vo" or "mbo"))) v.Add("sectors", "Kies uit po, vo en mbo.");
        if (r.BirthDate is { } born && (born.Year < 1900 || born > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(-15)))
            v.Add("birthDate", "De geboortedatum is niet geldig.");
        v.ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var keys = CandidateDuplicates.KeysFor(r.Email, r.Phone, r.FirstName, r.LastName, r.BirthDate);
        var existing = await FindSamePersonAsync(keys, ct);
        var submission = new IntakeSubmission
        {
            Id = Guid.CreateVersion7(), RegionId = region.Id, ReceivedUtc = now, FirstName = r.FirstName!.Trim(), LastName = r.LastName!.Trim(),
            Email = r.Email!.Trim(), Phone = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim(), BirthDate = r.BirthDate,
            Subjects = (r.Subjects ?? []).Distinct().ToList(), Sectors = string.Join(",", sectors.Distinct()),
            Message = string.IsNullOrWhiteSpace(r.Message) ? null : r.Message.Trim(),
        };
        IntakeOutcome outcome;
        if (existing is not null)
        {
            submission.CandidateId = existing.Id;
            submission.Status = IntakeStatus.PendingReview;
            submission.MatchReasons = string.Join(", ", CandidateDuplicates.Reasons(keys, new CandidateDuplicates.Keys(existing.EmailKey, existing.PhoneKey, existing.NameBirthKey)));
            // The person turned to this region: its desk must see the submission it received.
            if (existing.RegionId != region.Id && !await db.Set<CandidateShare>().AnyAsync(s => s.CandidateId == existing.Id && s.RegionId == region.Id, ct))
                db.Add(new CandidateShare { Id = Guid.CreateVersion7(), CandidateId = existing.Id, RegionId = region.Id, SharedUtc = now });
            if (!existing.HasConsent) { existing.ConsentUtc = now; existing.ConsentPurpose = ConsentPurpose; existing.ConsentWithdrawnUtc = null; }
            outcome = IntakeOutcome.MergedForReview;
        }
        else
        {
            var candidate = new Candidate
            {
                Id = Guid.CreateVersion7(), RegionId = region.Id, FirstName = submission.FirstName, LastName = submission.LastName,
                Email = submission.Email, Phone = submission.Phone, BirthDate = r.BirthDate, Subjects = submission.Subjects,
                InterestPo = sectors.Contains("po"), InterestVo = sectors.Contains("vo"), InterestMbo = sectors.Contains("mbo"),
                ConsentUtc = now, ConsentPurpose = ConsentPurpose, Phase = Phase.Interest, PhaseSinceUtc = now, CreatedUtc = now,
            };
            CandidateWrite.Rekey(candidate);
            db.Add(candidate);
            db.Add(new PhaseChange { Id = Guid.CreateVersion7(), CandidateId = candidate.Id, To = Phase.Interest, AtUtc = now, AuthorName = "Aanmeldformulier website" });
            submission.CandidateId = candidate.Id;
            submission.Status = IntakeStatus.Created;
            outcome = IntakeOutcome.Created;
        }
        db.Add(submission);
        await db.SaveChangesAsync(ct);

        try
        {
            await mailer.SendAsync(submission.Email, $"Je aanmelding bij {region.Name}",
                $"Beste {submission.FirstName},\n\nBedankt voor je aanmelding bij {region.Name}. Een adviseur van het regioloket neemt binnenkort contact met je op.\n\n" +
                "Je hebt toestemming gegeven om je gegevens hiervoor te bewaren. Die toestemming kun je altijd intrekken; dan verwijderen we je gegevens.\n\nMet vriendelijke groet,\n" + region.Name, ct: ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The submission is stored; a failed confirmation must not make the website show an error.
            log.ConfirmationNotSent(ex, region.Id);
        }
        return outcome;
    }

    /// <summary>Applies a submission that waited for review: fills what the candidate lacked and unites interests.</summary>
    public static void Apply(Candidate c, IntakeSubmission s)
    {
        c.Phone ??= s.Phone;
        c.BirthDate ??= s.BirthDate;
        c.Email ??= s.Email;
        c.Subjects = c.Subjects.Union(s.Subjects).ToList();
        var sectors = (s.Sectors ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        c.InterestPo |= sectors.Contains("po");
        c.InterestVo |= sectors.Contains("vo");
        c.InterestMbo |= sectors.Contains("mbo");
        CandidateWrite.Rekey(c);
        s.Status = IntakeStatus.Applied;
    }

    private async Task<Candidate?> FindSamePersonAsync(CandidateDuplicates.Keys k, CancellationToken ct) =>
        await db.Set<Candidate>()
            .Where(c => (k.Email != null && c.EmailKey == k.Email) || (k.Phone != null && c.PhoneKey == k.Phone) || (k.NameBirth != null && c.NameBirthKey == k.NameBirth))
            .OrderBy(c => c.CreatedUtc).FirstOrDefaultAsync(ct);
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class IntakeSubmissionsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Intake confirmation mail could not be sent for region {Region}")]
    public static partial void ConfirmationNotSent(this ILogger log, Exception exception, Guid region);
}
