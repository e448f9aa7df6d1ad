using Leerkluis.Web.Features.Registry.Enrolments;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Leerkluis.Web.Features.Registry.Edexml.EdexmlChecks;

namespace Leerkluis.Web.Features.Registry.Edexml;

/// <summary>
/// File → plan: reads the file, matches each group, teacher and learner with what Leerkluis knows (by key, then by
/// personal number), runs the checks and records per record what an import would create or update and why not.
/// Reads in chunks; writes nothing. The plan keeps what it decided so the writer applies exactly what the preview showed.
/// </summary>
public sealed class EdexmlPlanner(LeerkluisDb db, RegistryBatch registry, TimeProvider clock, IOptions<EdexmlOptions> options)
{
    private const int ChunkSize = 500;
    private static readonly Dictionary<string, Guid> NoClaims = [];

    public async Task<EdexmlImportPlan> PlanAsync(Stream stream, Guid schoolId, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct) ?? throw new NotFoundException();
        var plan = new EdexmlImportPlan { SchoolId = schoolId };
        var loaded = EdexmlLoader.Load(stream, options.Value.MaxFileBytes);
        if (loaded.Document is null)
        {
            plan.FileProblems.Add(loaded.Problem!);
            return plan;
        }
        var file = EdexmlFile.Read(loaded.Document);
        plan.FileProblems.AddRange(file.FileProblems);
        if (file.School is { } fs)
        {
            plan.SchoolYear = fs.SchoolYearText;
            fs.Record.TargetId = school.Id;
            fs.Record.Action = EdexmlAction.Unchanged;
            plan.Records.Add(fs.Record);
            CheckSchool(fs, school, plan);
        }
        plan.Records.AddRange(file.Groups.Select(g => g.Record));
        plan.Records.AddRange(file.Staff.Select(s => s.Record));
        plan.Records.AddRange(file.Learners.Select(l => l.Record));
        if (file.School?.SchoolYear is not { } year || plan.IsUnreadable)
        {
            foreach (var r in plan.Records.Where(r => r.Type != EdexmlRecordType.School)) r.Action = EdexmlAction.Skipped;
            return plan;
        }

        var today = Amsterdam.Today(clock);
        var fileDate = file.School.ReferenceDate ?? (file.School.CreatedAt is { } c ? DateOnly.FromDateTime(c) : today);
        var work = new EdexmlWork { School = school, SchoolYearStart = year.StartYear, FileDate = fileDate };
        plan.Work = work;

        var groups = await PlanGroupsAsync(file, work, ct);
        await PlanStaffAsync(file, work, groups, ct);
        await PlanLearnersAsync(file, work, groups, today, ct);

        foreach (var r in plan.Records.Where(r => r.Problems.Count > 0 && r.Type != EdexmlRecordType.School)) r.Action = EdexmlAction.Skipped;
        return plan;
    }

    private async Task<Dictionary<string, GroupWork>> PlanGroupsAsync(EdexmlFile file, EdexmlWork work, CancellationToken ct)
    {
        var existing = await db.Groups.Where(g => g.SchoolId == work.School.Id && g.SchoolYearStart == work.SchoolYearStart).ToListAsync(ct);
        var byKey = existing.Where(g => g.ExternalKey is not null).GroupBy(g => g.ExternalKey!).ToDictionary(x => x.Key, x => x.First());
        var byName = existing.ToDictionary(g => g.Name, StringComparer.OrdinalIgnoreCase);
        var usable = new Dictionary<string, GroupWork>(StringComparer.Ordinal);
        var namesInFile = new Dictionary<string, FileGroup>(StringComparer.OrdinalIgnoreCase);
        var claimed = new HashSet<Guid>();

        // Combined groups have no jaargroep of their own: they teach the year groups of their members.
        var memberYears = file.Learners.Where(l => l.Record.Problems.Count == 0)
            .SelectMany(l => l.CombinedGroupKeys.Select(k => (k, year: EdexmlCodes.YearGroup(l.YearGroupCode))))
            .Where(x => x.year is not null).GroupBy(x => x.k).ToDictionary(x => x.Key, x => x.Select(y => y.year!.Value).Distinct().Order().ToList());

        foreach (var g in file.Groups)
        {
            var rec = g.Record;
            var w = new GroupWork { File = g };
            if (rec.Key.Length > 128) Problem(rec, "De sleutel (key) van deze groep is langer dan 128 tekens; Leerkluis kan hem niet bewaren.");
            if (g.Name.Length > 60) Problem(rec, $"De groepsnaam '{EdexmlSchema.Shorten(g.Name)}' is langer dan 60 tekens.", rec.Path + "/naam[1]");
            if (namesInFile.TryGetValue(g.Name, out var other))
                Problem(rec, $"De groepsnaam '{g.Name}' komt in het bestand twee keer voor (ook op regel {other.Record.Line}); groepsnamen moeten per schooljaar uniek zijn.");
            else namesInFile[g.Name] = g;

            // One year → a plain group; several → a combined group. Combined groups with one year keep an empty list so an export shows them as samengestelde_groep again.
            w.YearGroups = g.Combined
                ? memberYears.TryGetValue(rec.Key, out var years) && years.Count > 1 ? years : []
                : EdexmlCodes.YearGroup(g.YearGroupCode) is { } y && EdexmlCodes.IsValidYearGroup(y, work.School.Sector) ? [y] : [];

            if (byKey.TryGetValue(rec.Key, out var match) || (byName.TryGetValue(g.Name, out match) && match.ExternalKey is null))
            {
                w.Existing = match;
                w.Id = match.Id;
                claimed.Add(match.Id);
                if (match.ExternalKey != rec.Key) rec.Changes.Add("sleutel");
                if (match.Name != g.Name) rec.Changes.Add("naam");
                if (!match.YearGroups.SequenceEqual(w.YearGroups)) rec.Changes.Add("jaargroepen");
                rec.Action = rec.Changes.Count > 0 ? EdexmlAction.Update : EdexmlAction.Unchanged;
            }
            else
            {
                w.Id = Guid.CreateVersion7();
                rec.Action = EdexmlAction.Create;
            }
            rec.TargetId = w.Id;
            work.Groups.Add(w);
        }
        foreach (var w in work.Groups)
            if (byName.TryGetValue(w.File.Name, out var holder) && holder.Id != w.Id && !claimed.Contains(holder.Id))
                Problem(w.Record, $"Er bestaat in schooljaar {new SchoolYear(work.SchoolYearStart)} al een andere groep met de naam '{w.File.Name}'. Hernoem een van beide groepen.");
        foreach (var w in work.Groups.Where(w => w.Record.Problems.Count == 0)) usable[w.Record.Key] = w;
        return usable;
    }

    private async Task PlanStaffAsync(EdexmlFile file, EdexmlWork work, Dictionary<string, GroupWork> groups, CancellationToken ct)
    {
        var existing = await db.Staff.Where(s => s.SchoolId == work.School.Id && s.ExternalKey != null).ToListAsync(ct);
        var byKey = existing.GroupBy(s => s.ExternalKey!).ToDictionary(x => x.Key, x => x.First());
        var yearGroupIds = await db.Groups.Where(g => g.SchoolId == work.School.Id && g.SchoolYearStart == work.SchoolYearStart).Select(g => g.Id).ToListAsync(ct);
        var staffIds = existing.Select(s => s.Id).ToList();
        var links = new List<StaffGroup>();
        foreach (var chunk in staffIds.Chunk(ChunkSize))
            links.AddRange(await db.StaffGroups.Where(sg => chunk.Contains(sg.StaffId) && yearGroupIds.Contains(sg.GroupId)).ToListAsync(ct));
        var linksByStaff = links.ToLookup(l => l.StaffId);

        foreach (var s in file.Staff)
        {
            var rec = s.Record;
            var desired = new StaffFields(s.CallName ?? s.FirstNames ?? s.Initials, s.Prefix, s.LastName ?? "", s.Email);
            var w = new StaffWork { File = s, Desired = desired };
            if (rec.Key.Length > 128) Problem(rec, "De sleutel (key) van deze leerkracht is langer dan 128 tekens; Leerkluis kan hem niet bewaren.");
            if (desired.LastName.Length > 100) Problem(rec, "De achternaam van deze leerkracht is langer dan 100 tekens.", rec.Path + "/achternaam[1]");
            foreach (var key in s.GroupKeys.Distinct())
            {
                if (groups.TryGetValue(key, out var g)) w.DesiredGroups.Add(g.Id);
                else if (file.Groups.Any(x => x.Record.Key == key))
                    Problem(rec, $"Deze leerkracht hoort bij groep '{key}', maar die groep kan niet worden ingelezen (zie de melding bij die groep).");
            }
            if (byKey.TryGetValue(rec.Key, out var match))
            {
                w.Existing = match;
                w.Id = match.Id;
                if (match.FirstName != desired.FirstName) rec.Changes.Add("voornaam");
                if (match.Prefix != desired.Prefix) rec.Changes.Add("voorvoegsel");
                if (match.LastName != desired.LastName) rec.Changes.Add("achternaam");
                if (match.Email != desired.Email) rec.Changes.Add("e-mailadres");
                var current = linksByStaff[match.Id].ToList();
                w.RemoveLinks.AddRange(current.Where(l => !w.DesiredGroups.Contains(l.GroupId)));
                w.AddLinks.AddRange(w.DesiredGroups.Where(id => current.All(l => l.GroupId != id)));
                if (w.RemoveLinks.Count + w.AddLinks.Count > 0) rec.Changes.Add("groepen");
                rec.Action = rec.Changes.Count > 0 ? EdexmlAction.Update : EdexmlAction.Unchanged;
            }
            else
            {
                w.Id = Guid.CreateVersion7();
                w.AddLinks.AddRange(w.DesiredGroups);
                rec.Action = EdexmlAction.Create;
            }
            rec.TargetId = w.Id;
            work.Staff.Add(w);
        }
    }

    private async Task PlanLearnersAsync(EdexmlFile file, EdexmlWork work, Dictionary<string, GroupWork> groups, DateOnly today, CancellationToken ct)
    {
        var schoolId = work.School.Id;
        // Bulk reads: the school's keyed enrolments, the claims of the file's numbers, then those learners.
        var keyed = await db.Enrolments.Where(e => e.SchoolId == schoolId && e.ExternalKey != null).ToListAsync(ct);
        var byKey = keyed.GroupBy(e => e.ExternalKey!).ToDictionary(x => x.Key, x => x.OrderByDescending(e => e.StartDate).First());

        foreach (var l in file.Learners) CheckLearner(l, today);
        var inFile = file.Learners.Select(l => l.Number is { Element: not "bsn_ondwnr-4" } n && PersonalNumber.Check(n.Value) is { Number: { } v } ? v : (PersonalNumber?)null).ToList();
        // One child, one registration: Registry's rule decides when the file holds a number twice (the later one is refused).
        var twice = NumberClaimRule.Check(inFile.Select(v => v is { } n ? (Guid.Empty, n.Value) : ((Guid, string)?)null).ToList(), NoClaims);
        var numbers = new Dictionary<FileLearner, PersonalNumber>();
        for (var i = 0; i < file.Learners.Count; i++)
        {
            var l = file.Learners[i];
            if (twice[i] is { SameAsEntry: { } earlier })
            {
                var first = file.Learners[earlier].Record;
                Problem(l.Record, $"Dit {Label(l.Number!.Element)} staat ook bij leerling '{first.Key}' (regel {first.Line}). Eén leerling kan maar één keer in het bestand staan.", l.Number.Path, l.Number.Line);
            }
            else if (inFile[i] is { } number) numbers[l] = number;
        }
        var claims = await registry.ClaimsAsync(numbers.Values.Select(n => n.Value), ct);

        var fileKeys = file.Learners.Select(l => l.Record.Key).ToHashSet(StringComparer.Ordinal);
        var learnerIds = byKey.Where(kv => fileKeys.Contains(kv.Key)).Select(kv => kv.Value.LearnerId).Concat(claims.Values).Distinct().ToList();
        var learners = new Dictionary<Guid, Learner>();
        var enrolments = new List<Enrolment>();
        foreach (var chunk in learnerIds.Chunk(ChunkSize))
        {
            foreach (var l in await db.Learners.Where(l => chunk.Contains(l.Id)).ToListAsync(ct)) learners[l.Id] = l;
            enrolments.AddRange(await db.Enrolments.Where(e => chunk.Contains(e.LearnerId)).ToListAsync(ct));
        }
        var enrolmentsByLearner = enrolments.ToLookup(e => e.LearnerId);
        var groupIdsOfYear = await db.Groups.Where(g => g.SchoolId == schoolId && g.SchoolYearStart == work.SchoolYearStart).Select(g => g.Id).ToListAsync(ct);
        var memberships = new List<GroupMembership>();
        foreach (var chunk in learnerIds.Chunk(ChunkSize))
            memberships.AddRange(await db.GroupMemberships.Where(m => chunk.Contains(m.LearnerId) && groupIdsOfYear.Contains(m.GroupId)).ToListAsync(ct));
        var membershipsByLearner = memberships.ToLookup(m => m.LearnerId);

        // Likely duplicates for the learners found neither by key nor by number.
        var unmatched = file.Learners.Where(l => !(byKey.ContainsKey(l.Record.Key) || (numbers.TryGetValue(l, out var n) && claims.ContainsKey(n.Value)))).ToList();
        var lastNames = unmatched.Where(l => l.BirthDate is not null && !string.IsNullOrWhiteSpace(l.LastName))
            .Select(l => l.LastName!.Trim().ToLowerInvariant()).Distinct().ToList();
        var candidates = new List<(Guid Id, string FirstNames, string? CallName, string LastName, DateOnly? BirthDate, string? LastFour)>();
        foreach (var chunk in lastNames.Chunk(ChunkSize))
            candidates.AddRange((await db.Learners.AsNoTracking().Where(l => chunk.Contains(l.LastName.ToLower()))
                    .Select(l => new { l.Id, l.FirstNames, l.CallName, l.LastName, l.BirthDate, l.PersonalNumberLastFour, l.PersonalNumber }).ToListAsync(ct))
                .Select(l => (l.Id, l.FirstNames, l.CallName, l.LastName, l.BirthDate, l.PersonalNumberLastFour ?? l.PersonalNumber?[^4..])));
        var candidatesByName = candidates.ToLookup(c => (c.LastName.Trim().ToLowerInvariant(), c.BirthDate));
        var claimedLearners = new Dictionary<Guid, FileLearner>();

        foreach (var l in file.Learners)
        {
            var rec = l.Record;
            var w = new LearnerWork { File = l };
            work.Learners.Add(w);
            PersonalNumber? number = numbers.TryGetValue(l, out var valid) ? valid : null;
            var lastFour = l.Number is { Element: "bsn_ondwnr-4" } four ? four.Value : number?.LastFour;

            foreach (var key in (l.GroupKey is null ? [] : new[] { l.GroupKey }).Concat(l.CombinedGroupKeys).Distinct())
            {
                if (groups.TryGetValue(key, out var g)) w.DesiredGroups.Add(g.Id);
                else if (file.Groups.Any(x => x.Record.Key == key))
                    Problem(rec, $"Deze leerling zit in groep '{key}', maar die groep kan niet worden ingelezen (zie de melding bij die groep).");
            }

            Learner? match = null;
            Enrolment? enrolment = null;
            if (byKey.TryGetValue(rec.Key, out var keyedEnrolment) && learners.TryGetValue(keyedEnrolment.LearnerId, out var byKeyLearner))
            {
                match = byKeyLearner;
                enrolment = keyedEnrolment;
            }
            if (number is { } n && claims.TryGetValue(n.Value, out var claimedId))
            {
                if (match is not null && match.Id != claimedId)
                {
                    Problem(rec, $"De sleutel '{rec.Key}' hoort in Leerkluis bij een andere leerling dan het {Label(l.Number!.Element)} in het bestand. Controleer welke leerling dit is.", l.Number.Path, l.Number.Line);
                    rec.Action = EdexmlAction.Skipped;
                    continue;
                }
                match ??= learners.GetValueOrDefault(claimedId);
            }
            if (match is not null && claimedLearners.TryGetValue(match.Id, out var twin))
            {
                Problem(rec, $"Deze leerling is dezelfde als leerling '{twin.Key}' op regel {twin.Record.Line} (zelfde sleutel of nummer).");
                continue;
            }

            if (match is null)
            {
                if (l.BirthDate is { } born && !string.IsNullOrWhiteSpace(l.LastName))
                {
                    var dup = candidatesByName[(l.LastName.Trim().ToLowerInvariant(), born)]
                        .Where(c => DuplicateRules.LastFourAgree(lastFour, c.LastFour) && DuplicateRules.NamesMatch(l.FirstNames, l.CallName, c.FirstNames, c.CallName))
                        .ToList();
                    if (dup.Count > 0)
                        Problem(rec, "Mogelijk dubbele leerling: in Leerkluis staat al een leerling met dezelfde achternaam en geboortedatum" +
                                     (lastFour is null ? "" : " en dezelfde laatste vier cijfers van het nummer") +
                                     ". Zet het BSN of onderwijsnummer in het bestand, of schrijf de bestaande leerling in, zodat er geen tweede dossier ontstaat.");
                }
                w.LearnerId = Guid.CreateVersion7();
                w.Desired = Fields(l, null, number, lastFour);
                var start = l.InflowDate ?? work.FileDate;
                if (l.OutflowDate is { } end && end < start) Problem(rec, "De uitstroomdatum ligt vóór de instroomdatum.", rec.Path + "/uitstroomdatum[1]");
                w.DesiredEnrolment = new EnrolmentPeriod(start, l.OutflowDate, EdexmlCodes.YearGroup(l.YearGroupCode), rec.Key);
                w.AddMemberships.AddRange(w.DesiredGroups);
                rec.Action = EdexmlAction.Create;
                rec.TargetId = w.LearnerId;
                continue;
            }

            claimedLearners[match.Id] = l;
            w.Existing = match;
            w.LearnerId = match.Id;
            rec.TargetId = match.Id;
            if (match.PersonalNumber is not null && number is { } different && different.Value != match.PersonalNumber)
            {
                Problem(rec, $"Het {Label(l.Number!.Element)} in het bestand wijkt af van het nummer dat Leerkluis van deze leerling kent. Een persoonsgebonden nummer wordt niet via een import gewijzigd.", l.Number.Path, l.Number.Line);
                continue;
            }
            w.Desired = Fields(l, match, number, lastFour);
            var before = LearnerPersonalia.Of(match);
            rec.Changes.AddRange(before.Differences(w.Desired));
            w.PersonaliaChanged = rec.Changes.Count > 0;

            var theirs = enrolmentsByLearner[match.Id].ToList();
            enrolment ??= theirs.Where(e => e.SchoolId == schoolId && e.Kind == EnrolmentKind.Main).OrderByDescending(e => e.StartDate).FirstOrDefault();
            if (enrolment is null)
            {
                var start = l.InflowDate ?? work.FileDate;
                if (EnrolmentRules.CheckNew(theirs, schoolId, start, EnrolmentKind.Main) is { } refusal)
                {
                    Problem(rec, refusal);
                    continue;
                }
                w.DesiredEnrolment = new EnrolmentPeriod(start, l.OutflowDate, EdexmlCodes.YearGroup(l.YearGroupCode), rec.Key);
                w.EnrolmentChanged = true;
                rec.Changes.Add("inschrijving");
            }
            else
            {
                w.ExistingEnrolment = enrolment;
                var yearGroup = l.YearGroupCode is null ? enrolment.YearGroup : EdexmlCodes.YearGroup(l.YearGroupCode);
                w.DesiredEnrolment = new EnrolmentPeriod(l.InflowDate ?? enrolment.StartDate, l.OutflowDate ?? enrolment.EndDate, yearGroup, rec.Key);
                if (w.DesiredEnrolment != new EnrolmentPeriod(enrolment.StartDate, enrolment.EndDate, enrolment.YearGroup, enrolment.ExternalKey ?? ""))
                {
                    w.EnrolmentChanged = true;
                    rec.Changes.Add("inschrijving");
                }
            }
            var currentGroups = membershipsByLearner[match.Id].ToList();
            w.RemoveMemberships.AddRange(currentGroups.Where(m => !w.DesiredGroups.Contains(m.GroupId)));
            w.AddMemberships.AddRange(w.DesiredGroups.Where(id => currentGroups.All(m => m.GroupId != id)));
            if (w.RemoveMemberships.Count + w.AddMemberships.Count > 0) rec.Changes.Add("groepen");
            rec.Action = rec.Changes.Count > 0 ? EdexmlAction.Update : EdexmlAction.Unchanged;
        }
    }

    private static LearnerPersonalia Fields(FileLearner l, Learner? existing, PersonalNumber? number, string? lastFour)
    {
        // What the file leaves out (pseudonymised exports) does not erase what Leerkluis already knows.
        var firstNames = l.FirstNames ?? l.CallName ?? l.Initials ?? existing?.FirstNames ?? "";
        var postal = l.PostalCode is null ? existing?.Address.PostalCode
            : PostalCode.IsValid(l.PostalCode) ? PostalCode.Normalize(l.PostalCode) : l.PostalCode;
        return new LearnerPersonalia(
            firstNames,
            l.CallName ?? existing?.CallName,
            l.LastName is null ? existing?.Prefix : l.Prefix,
            l.LastName ?? existing?.LastName ?? "",
            l.BirthDate ?? existing?.BirthDate,
            EdexmlCodes.Gender(l.GenderCode) ?? existing?.Gender ?? Gender.Unknown,
            postal,
            existing?.PersonalNumber ?? number?.Value,
            existing?.PersonalNumberKind ?? number?.Kind,
            existing?.PersonalNumber is { } known ? known[^4..] : lastFour ?? existing?.PersonalNumberLastFour);
    }
}
