using System.Globalization;
using System.Text;
using System.Xml;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Registry.Learners;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry.Edexml;

/// <param name="SchoolYear">Defaults to the school year of today.</param>
/// <param name="IncludePersonalNumber">
/// Off by default: most receivers (learning material, test providers) may not have the PGN, so only its last four
/// digits (bsn_ondwnr-4) are written.
/// </param>
public sealed record EdexmlExportOptions(SchoolYear? SchoolYear = null, bool IncludePersonalNumber = false);

/// <summary>What was written, and what Edexml could not express (named, never silently dropped).</summary>
public sealed record EdexmlExportResult(int Learners, int Groups, int Staff, IReadOnlyList<string> Omitted);

/// <summary>Writes a school's groups, learners and teachers of one school year as Edexml 2.1.</summary>
public sealed class EdexmlExporter(LeerkluisDb db, DossierGuard guard, TimeProvider clock)
{
    private const string DateFormat = "yyyy-MM-dd";

    public Task<EdexmlExportResult> ExportAsync(Guid schoolId, Stream output, CancellationToken ct = default) =>
        ExportAsync(schoolId, output, new EdexmlExportOptions(), ct);

    public async Task<EdexmlExportResult> ExportAsync(Guid schoolId, Stream output, EdexmlExportOptions options, CancellationToken ct = default)
    {
        guard.RequireAtSchool(schoolId, Section.Personalia, Operation.Read);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct) ?? throw new NotFoundException();
        var today = Amsterdam.Today(clock);
        var year = options.SchoolYear ?? SchoolYear.Containing(today);
        var day = year.Contains(today) ? today : today < year.FirstDay ? year.FirstDay : year.LastDay;

        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolId == schoolId && g.SchoolYearStart == year.StartYear)
            .OrderBy(g => g.Name).ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.SchoolId == schoolId && e.StartDate <= day && (e.EndDate == null || e.EndDate >= day)).ToListAsync(ct);
        var enrolmentByLearner = enrolments.GroupBy(e => e.LearnerId)
            .ToDictionary(x => x.Key, x => x.OrderBy(e => e.Kind).ThenByDescending(e => e.StartDate).First());
        var learnerIds = enrolmentByLearner.Keys.ToList();
        var learners = new List<Learner>();
        var memberships = new List<GroupMembership>();
        foreach (var chunk in learnerIds.Chunk(500))
        {
            learners.AddRange(await db.Learners.AsNoTracking().Where(l => chunk.Contains(l.Id)).ToListAsync(ct));
            memberships.AddRange(await db.GroupMemberships.AsNoTracking().Where(m => chunk.Contains(m.LearnerId) && groupIds.Contains(m.GroupId)).ToListAsync(ct));
        }
        if (learners.Count == 0)
            throw ValidationFailedException.For("schoolYear",
                $"Er staan in schooljaar {year} geen leerlingen ingeschreven. Een Edexml-bestand bevat altijd minstens één leerling.");
        learners = learners.OrderBy(l => l.LastName).ThenBy(l => l.FirstNames).ThenBy(l => l.Id).ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => s.SchoolId == schoolId).OrderBy(s => s.LastName).ThenBy(s => s.Id).ToListAsync(ct);
        var staffLinks = await db.StaffGroups.AsNoTracking().Where(sg => groupIds.Contains(sg.GroupId)).ToListAsync(ct);

        // An export shows personal data of every learner: each one gets a read entry, committed before the file leaves.
        foreach (var l in learners)
            await guard.RequireAtSchoolAsync(schoolId, l.Id, Section.Personalia, Operation.Read, AuditEvent.Edexml_Exported, ct);
        await db.SaveChangesAsync(ct);

        var omitted = new List<string>();
        var groupKeys = UniqueKeys(groups.Select(g => (g.Id, g.ExternalKey)));
        var plain = groups.Where(IsPlain).Select(g => g.Id).ToHashSet();
        var groupById = groups.ToDictionary(g => g.Id);

        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "\t" };
        using (var x = XmlWriter.Create(buffer, settings))
        {
            x.WriteStartDocument();
            x.WriteStartElement("EDEX");
            x.WriteStartElement("school");
            x.WriteElementString("schooljaar", year.ToString());
            x.WriteElementString("peildatum", day.ToString(DateFormat, CultureInfo.InvariantCulture));
            x.WriteElementString("brincode", school.Brin);
            x.WriteElementString("dependancecode", school.LocationCode);
            x.WriteElementString("aanmaakdatum", Amsterdam.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            x.WriteElementString("auteur", "Leerkluis");
            x.WriteElementString("xsdversie", "2.1");
            x.WriteEndElement();

            if (groups.Count > 0)
            {
                x.WriteStartElement("groepen");
                foreach (var g in groups)
                {
                    x.WriteStartElement(plain.Contains(g.Id) ? "groep" : "samengestelde_groep");
                    x.WriteAttributeString("key", groupKeys[g.Id]);
                    x.WriteElementString("naam", Fit(g.Name, 64));
                    if (plain.Contains(g.Id)) x.WriteElementString("jaargroep", EdexmlCodes.YearGroupCode(g.YearGroups[0], school.Sector));
                    x.WriteEndElement();
                }
                x.WriteEndElement();
            }

            x.WriteStartElement("leerlingen");
            var learnerKeys = UniqueKeys(learners.Select(l => (l.Id, enrolmentByLearner[l.Id].ExternalKey)));
            var membershipsByLearner = memberships.ToLookup(m => m.LearnerId);
            foreach (var l in learners)
            {
                var e = enrolmentByLearner[l.Id];
                x.WriteStartElement("leerling");
                x.WriteAttributeString("key", learnerKeys[l.Id]);
                WriteNames(x, l.LastName, l.Prefix, l.FirstNames, l.CallName ?? l.FirstNames, learnerKeys[l.Id], omitted);
                if (l.BirthDate is { } born) x.WriteElementString("geboortedatum", born.ToString(DateFormat, CultureInfo.InvariantCulture));
                x.WriteElementString("geslacht", EdexmlCodes.GenderCode(l.Gender));
                if (e.YearGroup is { } yg && EdexmlCodes.IsValidYearGroup(yg, school.Sector))
                    x.WriteElementString("jaargroep", EdexmlCodes.YearGroupCode(yg, school.Sector));

                var mine = membershipsByLearner[l.Id].Select(m => groupById[m.GroupId]).OrderBy(g => g.Name).ToList();
                var main = mine.Where(g => plain.Contains(g.Id)).OrderByDescending(g => e.YearGroup is { } y && g.YearGroups.Contains(y)).FirstOrDefault();
                if (main is not null)
                {
                    x.WriteStartElement("groep");
                    x.WriteAttributeString("key", groupKeys[main.Id]);
                    x.WriteEndElement();
                }
                foreach (var extra in mine.Where(g => plain.Contains(g.Id) && g != main))
                    omitted.Add($"Leerling '{learnerKeys[l.Id]}' zit ook in groep '{extra.Name}'; Edexml kent maar één gewone groep per leerling.");
                var combined = mine.Where(g => !plain.Contains(g.Id)).ToList();
                if (combined.Count > 0)
                {
                    x.WriteStartElement("samengestelde_groepen");
                    foreach (var g in combined)
                    {
                        x.WriteStartElement("samengestelde_groep");
                        x.WriteAttributeString("key", groupKeys[g.Id]);
                        x.WriteEndElement();
                    }
                    x.WriteEndElement();
                }

                if (options.IncludePersonalNumber && l.PersonalNumber is { } number)
                    x.WriteElementString(l.PersonalNumberKind == PersonalNumberKind.EducationNumber ? "onderwijsnummer" : "bsn", number);
                else if ((l.PersonalNumber?[^4..] ?? l.PersonalNumberLastFour) is { Length: 4 } four && four.All(char.IsAsciiDigit))
                    x.WriteElementString("bsn_ondwnr-4", four);
                if (PostalCode.IsValid(l.Address.PostalCode))
                    x.WriteElementString("postcodenl", l.Address.PostalCode!.Replace(" ", "").ToUpperInvariant());
                x.WriteElementString("instroomdatum", e.StartDate.ToString(DateFormat, CultureInfo.InvariantCulture));
                if (e.EndDate is { } end) x.WriteElementString("uitstroomdatum", end.ToString(DateFormat, CultureInfo.InvariantCulture));
                x.WriteEndElement();
            }
            x.WriteEndElement();

            var linksByStaff = staffLinks.ToLookup(sg => sg.StaffId);
            if (staff.Count > 0)
            {
                var staffKeys = UniqueKeys(staff.Select(s => (s.Id, s.ExternalKey)));
                x.WriteStartElement("leerkrachten");
                foreach (var s in staff)
                {
                    x.WriteStartElement("leerkracht");
                    x.WriteAttributeString("key", staffKeys[s.Id]);
                    WriteNames(x, s.LastName, s.Prefix, null, s.FirstName, staffKeys[s.Id], omitted);
                    if (EdexmlSchema.FitsText(s.Email, 256)) x.WriteElementString("emailadres", s.Email);
                    x.WriteElementString("rol", EdexmlCodes.StaffRoleCode(s.Role));
                    var theirs = linksByStaff[s.Id].Select(sg => groupById[sg.GroupId]).OrderBy(g => g.Name).ToList();
                    if (theirs.Count > 0)
                    {
                        x.WriteStartElement("groepen");
                        foreach (var g in theirs)
                        {
                            x.WriteStartElement(plain.Contains(g.Id) ? "groep" : "samengestelde_groep");
                            x.WriteAttributeString("key", groupKeys[g.Id]);
                            x.WriteEndElement();
                        }
                        x.WriteEndElement();
                    }
                    x.WriteEndElement();
                }
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
        return new EdexmlExportResult(learners.Count, groups.Count, staff.Count, omitted);
    }

    /// <summary>
    /// Edexml has two kinds of group: a <c>groep</c> with exactly one jaargroep (a learner's own class) and a
    /// <c>samengestelde_groep</c> without one. Leerkluis stores year groups only, so one year group means a plain group.
    /// </summary>
    private static bool IsPlain(Group g) => g.YearGroups.Count == 1;

    private static void WriteNames(XmlWriter x, string lastName, string? prefix, string? firstNames, string? callName, string key, List<string> omitted)
    {
        if (EdexmlSchema.FitsText(lastName, 200))
        {
            x.WriteElementString("achternaam", lastName);
            if (EdexmlSchema.IsValidPrefix(prefix)) x.WriteElementString("voorvoegsel", prefix);
            else if (!string.IsNullOrEmpty(prefix)) omitted.Add($"'{key}': het voorvoegsel is langer dan Edexml toestaat (10 tekens).");
            if (EdexmlSchema.FitsText(firstNames, 200)) x.WriteElementString("voornamen", firstNames);
            if (EdexmlSchema.FitsText(callName, 64)) x.WriteElementString("roepnaam", callName);
        }
        else
        {
            // Pseudonymised records have no last name; Edexml then identifies by roepnaam alone.
            x.WriteElementString("roepnaam", Fit(callName is { Length: > 0 } ? callName : key, 64));
        }
    }

    private static string Fit(string value, int max) => value.Length <= max ? value : value[..max];

    private static Dictionary<Guid, string> UniqueKeys(IEnumerable<(Guid Id, string? ExternalKey)> items)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var keys = new Dictionary<Guid, string>();
        foreach (var (id, external) in items)
        {
            var key = external is { Length: > 0 } k && used.Add(k) ? k : id.ToString("N");
            used.Add(key);
            keys[id] = key;
        }
        return keys;
    }
}
