using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.CompulsoryEducation;

public sealed record ResidentRow(int Line, string Bsn, string Name, DateOnly BirthDate, string? Address, string PostalCode, string? City);
public sealed record LineProblem(int Line, string Field, string Message);

/// <summary>What an upload would do: every problem with its line, and for valid lists how many cases would open.</summary>
public sealed record ResidentListReport(Guid? UploadId, int Rows, IReadOnlyList<LineProblem> Problems, int UnderDuty, int Enrolled,
    int AlreadyOpen, int ToOpen, int NotInRegistry)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads a municipality's list of resident children (CSV with a header line: bsn; naam; geboortedatum; adres; postcode;
/// woonplaats — separated by ; or , — UTF-8 with or without BOM). All-or-nothing: one malformed line and nothing is
/// written. Pure: no database.
/// </summary>
public static partial class ResidentListParser
{
    public const int MaxRows = 200_000;
    private static readonly string[] BsnHeaders = ["bsn", "pgn", "burgerservicenummer"];
    private static readonly string[] RequiredHeaders = ["naam", "geboortedatum", "postcode"];

    public static (IReadOnlyList<ResidentRow> Rows, IReadOnlyList<LineProblem> Problems) Parse(byte[] content)
    {
        var rows = new List<ResidentRow>();
        var problems = new List<LineProblem>();
        try { _ = StrictUtf8.GetCharCount(content); }
        catch (DecoderFallbackException)
        {
            return (rows, [new LineProblem(1, "bestand", "Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8'.")]);
        }
        var options = CsvReaderOptions.Default with { TrackLineNumbers = true, TrimWhitespace = true, SkipEmptyLines = true };
        using var csv = CsvReader.Create(content, options);
        csv.ReadHeader();
        if (csv.Headers.Count == 0 || csv.Separator is not (';' or ','))
            return (rows, [new LineProblem(1, "kopregel", "Verwacht een kopregel met bsn, naam, geboortedatum, adres en postcode, gescheiden door ; of ,.")]);
        var bsnHeader = BsnHeaders.FirstOrDefault(h => csv.TryGetFieldIndex(h, out _));
        var missing = new[] { bsnHeader is null ? "bsn" : null }.Concat(RequiredHeaders.Where(h => !csv.TryGetFieldIndex(h, out _)))
            .OfType<string>().ToList();
        if (missing.Count > 0)
            return (rows, [new LineProblem(1, "kopregel", $"De kopregel mist de kolom(men): {string.Join(", ", missing)}.")]);
        string? Get(string name) => csv.TryGetFieldIndex(name, out var i) && i < csv.FieldCount ? csv.GetString(i)?.Trim() : null;

        var seen = new Dictionary<string, int>();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (rows.Count + problems.Count >= MaxRows)
            {
                problems.Add(new LineProblem(line, "bestand", $"Het bestand heeft meer dan {MaxRows} regels; splits het op."));
                break;
            }
            var before = problems.Count;

            var bsnText = Get(bsnHeader!);
            var number = PersonalNumber.Check(bsnText);
            if (string.IsNullOrEmpty(bsnText)) problems.Add(new(line, "bsn", "Het BSN ontbreekt."));
            else if (!number.IsValid) problems.Add(new(line, "bsn", number.Error!));
            else if (number.Number!.Value.Kind != PersonalNumberKind.Bsn) problems.Add(new(line, "bsn", "Dit is een onderwijsnummer; de lijst moet BSN's bevatten."));
            else if (seen.TryGetValue(number.Number.Value.Value, out var first)) problems.Add(new(line, "bsn", $"Dit BSN staat ook al op regel {first}."));

            var name = Get("naam");
            if (string.IsNullOrWhiteSpace(name)) problems.Add(new(line, "naam", "De naam ontbreekt."));
            else if (name.Length > 300) problems.Add(new(line, "naam", "De naam mag hoogstens 300 tekens lang zijn."));

            var birthText = Get("geboortedatum");
            DateOnly birth = default;
            if (string.IsNullOrWhiteSpace(birthText)) problems.Add(new(line, "geboortedatum", "De geboortedatum ontbreekt."));
            else if (!Amsterdam.TryParseDate(birthText, out birth) || birth.Year < 1900)
                problems.Add(new(line, "geboortedatum", $"'{birthText}' is geen geldige datum; gebruik dd-mm-jjjj."));

            var postal = Get("postcode");
            var postalMatch = PostalCode().Match(postal ?? "");
            if (string.IsNullOrWhiteSpace(postal)) problems.Add(new(line, "postcode", "De postcode ontbreekt."));
            else if (!postalMatch.Success) problems.Add(new(line, "postcode", $"'{postal}' is geen Nederlandse postcode (1234 AB)."));

            var address = Get("adres");
            var city = Get("woonplaats");
            if (address?.Length > 300) problems.Add(new(line, "adres", "Het adres mag hoogstens 300 tekens lang zijn."));
            if (city?.Length > 100) problems.Add(new(line, "woonplaats", "De woonplaats mag hoogstens 100 tekens lang zijn."));

            if (problems.Count > before) continue;
            var bsn = number.Number!.Value.Value;
            seen[bsn] = line;
            rows.Add(new ResidentRow(line, bsn, name!, birth, string.IsNullOrWhiteSpace(address) ? null : address,
                $"{postalMatch.Groups[1].Value} {postalMatch.Groups[2].Value.ToUpperInvariant()}", string.IsNullOrWhiteSpace(city) ? null : city));
        }
        return (rows, problems);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [GeneratedRegex(@"^\s*(\d{4})\s?([A-Za-z]{2})\s*$")]
    private static partial Regex PostalCode();
}

/// <summary>
/// Uploading a resident list: preview (a report, stored upload) and confirmation (cases written in one transaction).
/// A child of compulsory or qualification age known to no school — no learner with that BSN, or a learner without an
/// active enrolment — gets a case "onbekend bij scholen" for the uploading municipality.
/// </summary>
public sealed class ResidentListImport(LeerkluisDb db, Caseload caseload, DossierGuard guard, CurrentActor current, TimeProvider clock)
{
    private const int Chunk = 1000;

    public async Task<ResidentListReport> PreviewAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        var municipality = caseload.Municipality();
        await using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var (rows, problems) = ResidentListParser.Parse(buffer.ToArray());
        if (problems.Count > 0) return new ResidentListReport(null, rows.Count + problems.Select(p => p.Line).Distinct().Count(), problems, 0, 0, 0, 0, 0);
        var plan = await PlanAsync(rows, municipality, ct);
        var upload = new ResidentListUpload
        {
            Id = Guid.CreateVersion7(), MunicipalityCode = municipality, UserId = current.Value.UserId ?? Guid.Empty,
            CreatedUtc = clock.GetUtcNow().UtcDateTime, FileName = Path.GetFileName(fileName), Content = buffer.ToArray(),
        };
        db.Add(upload);
        await db.SaveChangesAsync(ct);
        return plan.Report(upload.Id, rows.Count);
    }

    /// <summary>Writes the cases of a previewed upload of the same officer; returns the report of what was done.</summary>
    public async Task<ResidentListReport> ConfirmAsync(Guid uploadId, CancellationToken ct = default)
    {
        var municipality = caseload.Municipality();
        var actor = current.Value;
        var upload = await db.Set<ResidentListUpload>().FirstOrDefaultAsync(u => u.Id == uploadId && u.MunicipalityCode == municipality
            && u.UserId == actor.UserId && !u.Confirmed, ct) ?? throw new NotFoundException();
        var (rows, problems) = ResidentListParser.Parse(upload.Content);
        if (problems.Count > 0) throw new ValidationFailedException(problems.ToDictionary(p => $"line{p.Line}.{p.Field}", p => new[] { p.Message }));
        var plan = await PlanAsync(rows, municipality, ct);
        var day = Amsterdam.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var author = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "?";
        foreach (var (row, learnerId) in plan.Open)
        {
            var c = new UnenrolledChildCase
            {
                SubjectId = learnerId ?? Guid.CreateVersion7(), Id = Guid.CreateVersion7(), LearnerId = learnerId, MunicipalityCode = municipality,
                Reason = CaseReason.UnknownToSchools, OpenedOn = day, UpdatedUtc = now, PersonalNumber = row.Bsn, ChildName = row.Name,
                BirthDate = row.BirthDate, Address = string.Join(", ", new[] { row.Address, row.City }.Where(s => s is not null)), PostalCode = row.PostalCode,
            };
            db.Add(c);
            db.Add(new CaseEvent
            {
                SubjectId = c.SubjectId, Id = Guid.CreateVersion7(), CaseId = c.Id, AtUtc = now, Kind = CaseEventKind.Opened, Status = CaseStatus.Open,
                Text = $"Onbekend bij scholen (inwonerslijst {upload.FileName}, regel {row.Line}).", AuthorUserId = actor.UserId, AuthorName = author,
            });
            if (learnerId is { } id) await guard.RequireInMunicipalityAsync(municipality, id, Section.Enrolment, Operation.Write, AuditEvent.Leerplicht_CaseOpened, ct);
        }
        upload.Confirmed = true;
        upload.Content = [];
        await db.SaveChangesAsync(ct);
        return plan.Report(upload.Id, rows.Count);
    }

    private sealed record Plan(int UnderDuty, int Enrolled, int AlreadyOpen, List<(ResidentRow Row, Guid? LearnerId)> Open)
    {
        public ResidentListReport Report(Guid uploadId, int rows) =>
            new(uploadId, rows, [], UnderDuty, Enrolled, AlreadyOpen, Open.Count, Open.Count(o => o.LearnerId is null));
    }

    /// <summary>Set-based: a few queries per 1,000 numbers, never one per child.</summary>
    private async Task<Plan> PlanAsync(IReadOnlyList<ResidentRow> rows, string municipality, CancellationToken ct)
    {
        var day = Amsterdam.Today(clock);
        var born = CompulsoryEducationRule.BirthDatesUnderDuty(day);
        var underDuty = rows.Where(r => r.BirthDate >= born.Earliest && r.BirthDate <= born.Latest).ToList();
        var learnerByBsn = new Dictionary<string, Guid>();
        var enrolled = new HashSet<Guid>();
        var qualified = new HashSet<Guid>();
        var openSubjects = new HashSet<Guid>();
        var openNumbers = new HashSet<string>();
        var active = db.Enrolments.Where(e => e.StartDate <= day && (e.EndDate == null || e.EndDate >= day));
        foreach (var chunk in underDuty.Select(r => r.Bsn).Chunk(Chunk))
        {
            var claims = await db.PersonalNumberClaims.AsNoTracking().Where(p => chunk.Contains(p.PersonalNumber))
                .Select(p => new { p.PersonalNumber, p.LearnerId }).ToListAsync(ct);
            foreach (var c in claims) learnerByBsn[c.PersonalNumber] = c.LearnerId;
            var ids = claims.Select(c => c.LearnerId).ToList();
            enrolled.UnionWith(await active.Where(e => ids.Contains(e.LearnerId)).Select(e => e.LearnerId).Distinct().ToListAsync(ct));
            qualified.UnionWith(await db.Set<QualificationObtained>().Where(q => ids.Contains(q.LearnerId) && q.Date <= day).Select(q => q.LearnerId).ToListAsync(ct));
            var open = db.Set<UnenrolledChildCase>().Where(c => c.Status != CaseStatus.Closed);
            openSubjects.UnionWith(await open.Where(c => ids.Contains(c.SubjectId)).Select(c => c.SubjectId).ToListAsync(ct));
            openNumbers.UnionWith(await open.Where(c => c.MunicipalityCode == municipality && c.PersonalNumber != null && chunk.Contains(c.PersonalNumber))
                .Select(c => c.PersonalNumber!).ToListAsync(ct));
        }
        var toOpen = new List<(ResidentRow, Guid?)>();
        int isEnrolled = 0, alreadyOpen = 0, released = 0;
        foreach (var r in underDuty)
        {
            Guid? learner = learnerByBsn.TryGetValue(r.Bsn, out var id) ? id : null;
            if (learner is { } l && enrolled.Contains(l)) { isEnrolled++; continue; }
            if (learner is { } q && qualified.Contains(q) && r.BirthDate < born.CompulsoryEarliest) { released++; continue; }
            if (openNumbers.Contains(r.Bsn) || (learner is { } o && openSubjects.Contains(o))) { alreadyOpen++; continue; }
            toOpen.Add((r, learner));
        }
        return new Plan(underDuty.Count - released, isEnrolled, alreadyOpen, toOpen);
    }
}
