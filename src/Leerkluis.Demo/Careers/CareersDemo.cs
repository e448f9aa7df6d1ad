using Leerkluis.Web.Features.Careers.Candidates;
using Leerkluis.Web.Features.Careers.Catalog;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Leerkluis.Demo.Careers;

/// <summary>Everything the careers demo (or bench) writes; generated in memory first, then bulk-inserted.</summary>
public sealed class CareersDemoData
{
    public List<Organisation> Desks { get; } = [];
    public List<Region> Regions { get; } = [];
    public List<PartnerOrganisation> Partners { get; } = [];
    public List<ContactPerson> ContactPersons { get; } = [];
    public List<Candidate> Candidates { get; } = [];
    public List<PhaseChange> PhaseChanges { get; } = [];
    public List<ContactMoment> ContactMoments { get; } = [];
    public List<CandidateTask> Tasks { get; } = [];
    public List<Vacancy> Vacancies { get; } = [];
    public List<TrainingProgramme> Programmes { get; } = [];
}

/// <summary>
/// Invented regional desks, organisations, candidates with route histories, vacancies and programmes. Deterministic per seed.
/// Demo: three regions, about 400 candidates, with log-ins for an advisor, HR officer, training coordinator and candidate.
/// </summary>
public static class CareersDemo
{
    private static readonly string[] RegionNames = ["Onderwijsregio Utrecht", "Onderwijsregio Rotterdam-Rijnmond", "Onderwijsregio Noord-Brabant Oost"];
    private static readonly string[] Cities = ["Utrecht", "Amersfoort", "Zeist", "Rotterdam", "Schiedam", "Dordrecht", "Eindhoven", "Helmond", "Oss"];
    private static readonly string[] FirstNames = ["Anouk", "Bram", "Chantal", "Daan", "Esra", "Fleur", "Gijs", "Hanna", "Ilias", "Joost", "Karin", "Lars", "Mirjam", "Nadia", "Omar", "Petra", "Quinten", "Rosa", "Sander", "Tamara", "Umut", "Vera", "Wouter", "Yara"];
    private static readonly string[] LastNames = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Yilmaz", "El Amrani", "Kuipers", "Dekker", "Brouwer"];
    private static readonly string[] Professions = ["Ingenieur", "Accountant", "Verpleegkundige", "ICT-consultant", "Chemicus", "Journalist", "Jurist", "Bedrijfskundige", "Monteur", "Econoom"];

    public static CareersDemoData Generate(int seed, int regions, int candidatesPerRegion, int vacanciesPerRegion, DateTime nowUtc)
    {
        var rnd = new Random(seed);
        var data = new CareersDemoData();
        var subjects = CareerCodes.Subjects.Keys.ToArray();
        var routes = CareerCodes.RouteOptions.Keys.ToArray();
        var bottlenecks = CareerCodes.Bottlenecks.Keys.ToArray();
        var today = DateOnly.FromDateTime(nowUtc);
        for (var r = 0; r < regions; r++)
        {
            var desk = new Organisation { Id = Guid.CreateVersion7(), Name = "Regioloket " + Name(r), Kind = OrganisationKind.RegionalDesk };
            var region = new Region { Id = Guid.CreateVersion7(), Name = Name(r), DeskOrganisationId = desk.Id, IntakeKey = $"demo-{seed}-{r}", AllowedOrigins = "http://localhost:8080" };
            data.Desks.Add(desk);
            data.Regions.Add(region);
            var partnerKinds = new[] { PartnerKind.Board, PartnerKind.School, PartnerKind.School, PartnerKind.School, PartnerKind.TrainingProgramme, PartnerKind.Municipality };
            var partners = new List<PartnerOrganisation>();
            for (var i = 0; i < partnerKinds.Length; i++)
            {
                var city = Cities[(r * 3 + i) % Cities.Length];
                var kind = partnerKinds[i];
                var p = new PartnerOrganisation
                {
                    Id = Guid.CreateVersion7(), RegionId = region.Id, Kind = kind, City = city,
                    Name = kind switch
                    {
                        PartnerKind.Board => $"Stichting Onderwijs {city}", PartnerKind.School => $"{(i % 2 == 0 ? "Het Lyceum" : "Basisschool De Brug")} {city} {i}",
                        PartnerKind.TrainingProgramme => $"Hogeschool {city}, lerarenopleidingen", _ => $"Gemeente {city}",
                    },
                };
                partners.Add(p);
                data.ContactPersons.Add(new ContactPerson { Id = Guid.CreateVersion7(), PartnerOrganisationId = p.Id, Name = $"{Pick(rnd, FirstNames)} {Pick(rnd, LastNames)}",
                    Function = kind == PartnerKind.TrainingProgramme ? "Opleidingscoördinator" : "HR-adviseur", Email = $"contact{r}{i}@voorbeeld.invalid", Phone = $"030 {rnd.Next(1000000, 9999999)}" });
            }
            data.Partners.AddRange(partners);
            var employers = partners.Where(p => p.Kind is PartnerKind.School or PartnerKind.Board).ToList();
            for (var v = 0; v < vacanciesPerRegion; v++)
            {
                var subject = Pick(rnd, subjects);
                var sector = subject == "groepsleerkracht" ? Sector.Po : rnd.Next(4) == 0 ? Sector.Mbo : Sector.Vo;
                data.Vacancies.Add(new Vacancy
                {
                    Id = Guid.CreateVersion7(), RegionId = region.Id, PartnerOrganisationId = Pick(rnd, employers).Id,
                    Title = $"Docent {CareerCodes.SubjectLabel(subject).ToLowerInvariant()}", Subject = subject, Sector = sector,
                    Hours = 8 + rnd.Next(0, 8) * 4, StartDate = today.AddDays(rnd.Next(14, 300)), MinimumLevel = rnd.Next(3) == 0 ? EducationLevel.Wo : EducationLevel.Hbo,
                });
            }
            var institute = partners.First(p => p.Kind == PartnerKind.TrainingProgramme);
            data.Programmes.Add(new TrainingProgramme { Id = Guid.CreateVersion7(), RegionId = region.Id, PartnerOrganisationId = institute.Id, Name = "Pabo deeltijd", Subjects = ["groepsleerkracht"], Sector = Sector.Po, EntryLevel = EducationLevel.Mbo, StartDate = new DateOnly(today.Year + 1, 9, 1), PartTime = true });
            data.Programmes.Add(new TrainingProgramme { Id = Guid.CreateVersion7(), RegionId = region.Id, PartnerOrganisationId = institute.Id, Name = "Tweedegraads lerarenopleiding bèta", Subjects = ["wiskunde", "natuurkunde", "scheikunde"], Sector = Sector.Vo, EntryLevel = EducationLevel.Hbo, StartDate = new DateOnly(today.Year + 1, 9, 1), PartTime = true });
            data.Programmes.Add(new TrainingProgramme { Id = Guid.CreateVersion7(), RegionId = region.Id, PartnerOrganisationId = institute.Id, Name = "PDG mbo", Subjects = ["techniek", "zorg", "economie"], Sector = Sector.Mbo, EntryLevel = EducationLevel.Hbo, StartDate = new DateOnly(today.Year + 1, 2, 1), PartTime = true });

            for (var c = 0; c < candidatesPerRegion; c++) AddCandidate(data, rnd, region, data.Regions, nowUtc, subjects, routes, bottlenecks, r * candidatesPerRegion + c);
        }
        return data;
    }

    private static void AddCandidate(CareersDemoData data, Random rnd, Region region, List<Region> regions, DateTime now, string[] subjects, string[] routes, string[] bottlenecks, int n)
    {
        var first = Pick(rnd, FirstNames);
        var last = Pick(rnd, LastNames);
        var created = now.AddDays(-rnd.Next(10, 700));
        // Fewer candidates in each later phase: a realistic funnel.
        var phase = (Phase)Math.Min(5, 1 + (int)Math.Floor(-Math.Log(1 - rnd.NextDouble()) * 1.2));
        var po = rnd.Next(3) == 0;
        var c = new Candidate
        {
            Id = Guid.CreateVersion7(), RegionId = region.Id, FirstName = first, LastName = last,
            Email = $"{first.ToLowerInvariant()}.{last.Replace(" ", "").ToLowerInvariant()}{n}@voorbeeld.invalid", Phone = $"06 {20000000 + n}",
            BirthDate = new DateOnly(1965 + rnd.Next(0, 35), rnd.Next(1, 13), rnd.Next(1, 29)), City = Pick(rnd, Cities),
            PriorEducation = $"{(rnd.Next(2) == 0 ? "Bachelor" : "Master")} {Pick(rnd, Professions).ToLowerInvariant()}", EducationLevel = (EducationLevel)rnd.Next(1, 4),
            CurrentProfession = Pick(rnd, Professions),
            Subjects = po ? ["groepsleerkracht"] : subjects.Where(s => s != "groepsleerkracht").OrderBy(_ => rnd.Next()).Take(rnd.Next(1, 3)).ToList(),
            InterestPo = po, InterestVo = !po && rnd.Next(4) != 0, InterestMbo = !po && rnd.Next(3) == 0,
            PreferredRegionIds = rnd.Next(5) == 0 ? [Pick(rnd, regions).Id] : [],
            AvailableFrom = DateOnly.FromDateTime(now.AddDays(rnd.Next(-60, 365))), HoursPerWeek = 8 + rnd.Next(0, 9) * 4,
            RouteOptions = [Pick(rnd, routes)], Bottlenecks = rnd.Next(3) == 0 ? [Pick(rnd, bottlenecks)] : [],
            ConsentUtc = created, ConsentPurpose = CandidateCommands.DefaultConsentPurpose, Phase = phase, CreatedUtc = created, PhaseSinceUtc = created,
            OwnerName = "Demo-adviseur",
        };
        var at = created;
        data.PhaseChanges.Add(new PhaseChange { Id = Guid.CreateVersion7(), CandidateId = c.Id, To = Phase.Interest, AtUtc = at, AuthorName = "Aanmeldformulier website" });
        for (var p = Phase.Orientation; p <= phase; p++)
        {
            at = at.AddDays(rnd.Next(7, 60));
            if (at > now) at = now;
            data.PhaseChanges.Add(new PhaseChange { Id = Guid.CreateVersion7(), CandidateId = c.Id, From = p - 1, To = p, AtUtc = at, AuthorName = "Demo-adviseur" });
            data.ContactMoments.Add(new ContactMoment { Id = Guid.CreateVersion7(), CandidateId = c.Id, Kind = (ContactKind)rnd.Next(1, 5), AtUtc = at.AddHours(-2), AuthorName = "Demo-adviseur", Summary = $"Gesprek over {CareerCodes.PhaseLabel(p).ToLowerInvariant()}" });
        }
        c.PhaseSinceUtc = at;
        if (phase < Phase.Start && rnd.Next(2) == 0)
            data.Tasks.Add(new CandidateTask { Id = Guid.CreateVersion7(), CandidateId = c.Id, Title = "Terugbellen over de volgende stap", OwnerName = "Demo-adviseur", DueDate = DateOnly.FromDateTime(now.AddDays(rnd.Next(1, 30))) });
        CandidateWrite.Rekey(c);
        data.Candidates.Add(c);
    }

    public static async Task WriteAsync(LeerkluisDb db, CareersDemoData d, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.WriteAsync(db, d.Desks, ct);
        await BulkInsert.WriteAsync(db, d.Regions, ct);
        await BulkInsert.WriteAsync(db, d.Partners, ct);
        await BulkInsert.WriteAsync(db, d.ContactPersons, ct);
        await BulkInsert.WriteAsync(db, d.Candidates, ct);
        await BulkInsert.WriteAsync(db, d.PhaseChanges, ct);
        await BulkInsert.WriteAsync(db, d.ContactMoments, ct);
        await BulkInsert.WriteAsync(db, d.Tasks, ct);
        await BulkInsert.WriteAsync(db, d.Vacancies, ct);
        await BulkInsert.WriteAsync(db, d.Programmes, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The demo hook of <c>./leerkluis demo</c>: three regions, 400 candidates, and four log-ins.</summary>
    public static async Task<IReadOnlyList<DemoLogin>> SeedDemoAsync(LeerkluisDb db, UserManager<AppUser> users, int seed, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var data = Generate(seed, regions: 3, candidatesPerRegion: 134, vacanciesPerRegion: 12, now);
        await WriteAsync(db, data, ct);

        var logins = new List<DemoLogin>();
        async Task<AppUser> Account(string role, string email, string name, string description, Guid? org)
        {
            var user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = org, PreferredCulture = "nl-NL", CreatedUtc = now };
            Check(await users.CreateAsync(user, DemoAccounts.Password));
            Check(await users.AddToRoleAsync(user, role));
            string? key = null;
            if (DemoAccounts.NeedsTwoFactor(role))
            {
                key = DemoAccounts.AuthenticatorKey(seed, email);
                Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key));
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
            logins.Add(new DemoLogin(role, email, DemoAccounts.Password, name, description, key));
            return user;
        }
        var advisor = await Account(Roles.RegionalAdvisor, "adviseur@regio.demo.invalid", "Ria Regio", $"regio-adviseur van {data.Regions[0].Name}", data.Desks[0].Id);
        var (board, institute) = await CareersDemoExtras.LinkPartnersAsync(db, data, ct);
        await Account(Roles.HrOfficer, "hr@regio.demo.invalid", "Henk HR", $"HR-adviseur van {board.Name} (vacatures en voorgestelde kandidaten)", board.Id);
        await Account(Roles.TrainingCoordinator, "opleiding@regio.demo.invalid", "Olga Opleiding", $"coördinator van {institute.Name} (geïnteresseerden)", institute.Id);
        var candidateUser = await Account(Roles.Candidate, "overstapper@regio.demo.invalid", "Otto Overstapper", "overstapper met een eigen log-in", null);

        // The demo candidate and the advisor's own pipeline: a recognisable person owned by Ria.
        var own = data.Candidates.Where(c => c.RegionId == data.Regions[0].Id).Take(40).Select(c => c.Id).ToList();
        foreach (var c in db.Set<Candidate>().Where(c => own.Contains(c.Id))) { c.OwnerUserId = advisor.Id; c.OwnerName = advisor.DisplayName; }
        var demo = db.Set<Candidate>().First(c => c.Id == own[0]);
        demo.UserId = candidateUser.Id;
        demo.FirstName = "Otto";
        demo.LastName = "Overstapper";
        demo.Email = candidateUser.Email;
        CandidateWrite.Rekey(demo);
        await db.SaveChangesAsync(ct);
        await CareersDemoExtras.SeedWorkAsync(db, data, seed, now, advisor.DisplayName, ct);
        return logins;
    }

    private static string Name(int r) => r < RegionNames.Length ? RegionNames[r] : $"Onderwijsregio {r + 1}";
    private static T Pick<T>(Random rnd, IReadOnlyList<T> list) => list[rnd.Next(list.Count)];

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
