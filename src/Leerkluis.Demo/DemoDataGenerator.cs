using System.Globalization;
using System.Text;
using Bogus;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Time;
using BogusGender = Bogus.DataSets.Name.Gender;

namespace Leerkluis.Demo;

/// <summary>
/// Deterministic demo and benchmark data: the same options give the same rows, ids included. People are
/// invented by Bogus ("nl"); cities and municipality codes are real. Work is split into regions (one board
/// with up to <see cref="SchoolsPerRegion"/> schools and the families living around them), each with its own
/// seed, so a benchmark of any size is generated and written one region at a time in bounded memory.
/// </summary>
public sealed class DemoDataGenerator
{
    public const int SchoolsPerRegion = 10;
    private const double SeparatedShare = 0.15;

    private readonly DemoOptions options;
    private readonly DateOnly today;
    private readonly SchoolYear year;
    private readonly DemoNumbers numbers = new();

    public DemoDataGenerator(DemoOptions options)
    {
        this.options = options;
        today = options.Today ?? Amsterdam.Today(TimeProvider.System);
        year = SchoolYear.Containing(today);
    }

    public DateOnly Today => today;
    public SchoolYear SchoolYear => year;

    /// <summary>Everything at once: convenient for tests and the scale-1 demo.</summary>
    public static DemoDataSet Generate(int schools, int seed, DateOnly? today = null)
    {
        var all = new DemoDataSet();
        foreach (var part in new DemoDataGenerator(new DemoOptions { Scale = schools, Seed = seed, Today = today }).GenerateRegions())
            all.Append(part);
        return all;
    }

    public int RegionCount => options.IsDemo ? 1 : (options.Scale + SchoolsPerRegion - 1) / SchoolsPerRegion;

    /// <summary>One data set per region, in order. Enumerate once: numbers stay unique across regions of one enumeration.</summary>
    public IEnumerable<DemoDataSet> GenerateRegions()
    {
        for (var r = 0; r < RegionCount; r++)
        {
            var schools = options.IsDemo ? 2 : Math.Min(SchoolsPerRegion, options.Scale - r * SchoolsPerRegion);
            yield return new Region(this, r, schools).Build();
        }
    }

    /// <summary>A place in a group waiting for a child of the given age (on 1 October).</summary>
    private sealed class Seat(School school, Group group, int yearGroup, int age, bool oldestPossible)
    {
        public School School { get; } = school;
        public Group Group { get; } = group;
        public int YearGroup { get; } = yearGroup;
        public int Age { get; } = age;
        public bool OldestPossible { get; } = oldestPossible;
        public bool Taken { get; set; }
    }

    /// <summary>One board, its schools and the families around them.</summary>
    private sealed class Region
    {
        private readonly DemoDataGenerator g;
        private readonly int index;
        private readonly int schoolCount;
        private readonly Faker f;
        private readonly Random idRandom;
        private readonly DemoCity[] cities;
        private readonly DemoDataSet set = new();
        private readonly List<Seat> seats = [];
        private readonly Dictionary<Guid, int> externalKeys = [];
        private readonly List<Family> families = [];
        private long idClock;
        private int mailCounter;

        public Region(DemoDataGenerator g, int index, int schoolCount)
        {
            this.g = g;
            this.index = index;
            this.schoolCount = schoolCount;
            var seed = unchecked(g.options.Seed * 7919 + index);
            f = new Faker("nl") { Random = new Randomizer(seed) };
            idRandom = new Random(seed);
            cities = DemoPlaces.InRegion(g.options.IsDemo ? 0 : index % DemoPlaces.RegionCount);
            // Version-7-shaped ids with an invented clock: sorted within a region (cheap B-tree inserts), deterministic.
            idClock = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() + index * 100_000_000L;
        }

        public DemoDataSet Build()
        {
            var board = new Board
            {
                Id = NewId(),
                Name = $"Stichting {f.PickRandom(DemoPlaces.BoardNames)} {cities[0].Name}",
                BoardNumber = (40000 + index).ToString(CultureInfo.InvariantCulture),
            };
            set.Boards.Add(board);
            if (g.options.IsDemo)
            {
                AddPrimary(board, 0, cities[0], learners: 220);
                AddSecondary(board, 1, cities[2], learners: 600);
            }
            else
            {
                for (var s = 0; s < schoolCount; s++)
                {
                    var number = index * SchoolsPerRegion + s;
                    var city = f.PickRandom(cities);
                    // Every fifth school of a region is secondary, plus a random draw: about 40 % overall.
                    if (s % 5 == 1 || f.Random.Bool(0.25f)) AddSecondary(board, number, city, f.Random.Number(200, 450));
                    else AddPrimary(board, number, city, f.Random.Number(120, 280));
                }
            }
            FillSeatsWithFamilies();
            if (g.options.IsDemo) PickDemoAccounts();
            return set;
        }

        // ---- schools, groups, staff ------------------------------------------------------------

        private School AddSchool(Board board, int number, DemoCity city, SchoolSector sector, string name)
        {
            var school = new School
            {
                Id = NewId(), BoardId = board.Id, Brin = Brin(number), LocationCode = "00", Name = name, Sector = sector,
                City = city.Name, MunicipalityCode = city.MunicipalityCode,
            };
            set.Schools.Add(school);
            return school;
        }

        /// <summary>BRINs in the 9x block (demo: 99AA, 99AB; bench: 90AA upward), invented.</summary>
        private string Brin(int number)
        {
            if (g.options.IsDemo) number += 9 * 676;
            const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            return $"9{number / 676 % 10}{letters[number / 26 % 26]}{letters[number % 26]}";
        }

        private void AddPrimary(Board board, int number, DemoCity city, int learners)
        {
            var name = g.options.IsDemo ? "Basisschool De Regenboog" : $"{f.PickRandom(DemoPlaces.PrimaryKinds)} {f.PickRandom(DemoPlaces.PrimaryNames)}";
            var school = AddSchool(board, number, city, SchoolSector.Primary, name);
            var perYear = learners / 8.0;
            // Groups 1 and 2 are taught together (kleuters), in as many parallel groups as fit 27 children.
            var kleuterGroups = Math.Max(1, (int)Math.Round(2 * perYear / 27));
            var groups = new List<(Group Group, int[] Years)>();
            for (var k = 0; k < kleuterGroups; k++)
                groups.Add((NewGroup(school, kleuterGroups == 1 ? "1/2" : $"1/2{(char)('A' + k)}", [1, 2]), [1, 2]));
            for (var y = 3; y <= 8; y++)
            {
                var parallel = Math.Max(1, (int)Math.Ceiling(perYear / 30));
                for (var k = 0; k < parallel; k++)
                    groups.Add((NewGroup(school, parallel == 1 ? $"{y}" : $"{y}{(char)('A' + k)}", [y]), [y]));
            }
            foreach (var (group, years) in groups)
            {
                var size = (int)Math.Round(perYear * years.Length / groups.Count(x => x.Years.Contains(years[0]))) + f.Random.Number(-2, 2);
                for (var i = 0; i < size; i++)
                {
                    var yg = years[i % years.Length];
                    seats.Add(new Seat(school, group, yg, yg + 3, false));
                }
                // Po: one teacher, or two sharing the week (duo).
                AddStaff(school, StaffRole.Teacher, group);
                if (f.Random.Bool(0.35f)) AddStaff(school, StaffRole.Teacher, group);
            }
            AddStaff(school, StaffRole.CareCoordinator);
            AddStaff(school, StaffRole.SchoolAdmin);
            AddStaff(school, StaffRole.SchoolAdmin);
        }

        private static readonly int[] ClassWeights = [5, 5, 5, 4, 3, 2];

        private void AddSecondary(Board board, int number, DemoCity city, int learners)
        {
            var name = g.options.IsDemo ? "Het Lindeveld College" : f.PickRandom(DemoPlaces.SecondaryNames);
            var school = AddSchool(board, number, city, SchoolSector.Secondary, name);
            var classCount = Math.Max(6, (int)Math.Round(learners / 25.0));
            var classes = new List<Group>();
            for (var leerjaar = 1; leerjaar <= 6; leerjaar++)
            {
                var n = Math.Max(1, (int)Math.Round(classCount * ClassWeights[leerjaar - 1] / 24.0));
                for (var k = 0; k < n; k++)
                {
                    var group = NewGroup(school, $"{leerjaar}{(char)('A' + k)}", [leerjaar]);
                    classes.Add(group);
                    var size = learners / classCount + f.Random.Number(-3, 3);
                    for (var i = 0; i < size; i++)
                    {
                        // About 6 % repeated a year; the first seat of the top class always did and is 18+.
                        var forced = leerjaar == 6 && k == 0 && i == 0;
                        var repeated = forced || f.Random.Bool(0.06f);
                        seats.Add(new Seat(school, group, leerjaar, 11 + leerjaar + (repeated ? 1 : 0), forced));
                    }
                    AddStaff(school, StaffRole.Teacher, group); // mentor
                }
            }
            // Subject teachers each teach a handful of classes.
            for (var t = 0; t < classes.Count; t++)
            {
                var teacher = AddStaff(school, StaffRole.Teacher);
                foreach (var c in f.Random.ListItems(classes, Math.Min(classes.Count, f.Random.Number(4, 8))))
                    set.StaffGroups.Add(new StaffGroup { StaffId = teacher.Id, GroupId = c.Id });
            }
            AddStaff(school, StaffRole.CareCoordinator);
            AddStaff(school, StaffRole.SchoolAdmin);
            AddStaff(school, StaffRole.SchoolAdmin);
        }

        private Group NewGroup(School school, string name, List<int> years)
        {
            var group = new Group { Id = NewId(), SchoolId = school.Id, SchoolYearStart = g.year.StartYear, Name = name, YearGroups = years };
            set.Groups.Add(group);
            return group;
        }

        private Staff AddStaff(School school, StaffRole role, Group? group = null)
        {
            var gender = f.PickRandom(BogusGender.Female, BogusGender.Female, BogusGender.Male);
            var first = f.Name.FirstName(gender);
            var (prefix, last) = LastName();
            var staff = new Staff
            {
                Id = NewId(), SchoolId = school.Id, FirstName = first, Prefix = prefix, LastName = last, Role = role,
                Email = $"{Ascii(first[..1])}.{Ascii(last)}{++mailCounter}@{school.Brin.ToLowerInvariant()}.school.example.org",
            };
            set.Staff.Add(staff);
            if (group is not null) set.StaffGroups.Add(new StaffGroup { StaffId = staff.Id, GroupId = group.Id });
            return staff;
        }

        // ---- families ----------------------------------------------------------------------------

        private sealed class Family
        {
            public required Guardian First { get; init; }
            public Guardian? Second { get; init; }
            public bool Separated { get; init; }
            public List<(Learner Learner, Seat Seat)> Children { get; } = [];
        }

        /// <summary>Every seat gets a child; children come in families of 1–3 with siblings in other year groups,
        /// often at another school of the region, so guardians with children at two schools occur naturally.</summary>
        private void FillSeatsWithFamilies()
        {
            var order = f.Random.Shuffle(seats).ToList();
            var byAge = order.GroupBy(s => s.Age).ToDictionary(x => x.Key, x => new Stack<Seat>(x));
            foreach (var seat in order)
            {
                if (seat.Taken) continue;
                var family = NewFamily();
                AddChild(family, seat);
                var more = f.Random.WeightedRandom([0, 1, 2], [0.45f, 0.40f, 0.15f]);
                for (var m = 0; m < more; m++)
                {
                    var age = seat.Age + (f.Random.Bool(0.03f) ? 0 : f.Random.Number(1, 5) * (f.Random.Bool() ? 1 : -1));
                    if (!byAge.TryGetValue(age, out var pool)) continue;
                    while (pool.Count > 0 && pool.Peek().Taken) pool.Pop();
                    if (pool.Count > 0) AddChild(family, pool.Pop());
                }
                families.Add(family);
            }
        }

        private Family NewFamily()
        {
            var (prefix, last) = LastName();
            var homeCity = f.PickRandom(cities);
            var home = NewAddress(homeCity);
            var firstGender = f.Random.Bool(0.7f) ? BogusGender.Female : BogusGender.Male;
            var first = NewGuardian(firstGender, f.Random.Bool(0.5f) ? (prefix, last) : LastName(), home);
            if (f.Random.Bool(0.12f)) return new Family { First = first };
            var separated = f.Random.Bool((float)SeparatedShare);
            // A separated parent lives elsewhere, sometimes in the next town.
            var secondHome = separated ? NewAddress(f.Random.Bool(0.6f) ? homeCity : f.PickRandom(cities)) : Copy(home);
            var second = NewGuardian(firstGender == BogusGender.Female ? BogusGender.Male : BogusGender.Female, (prefix, last), secondHome);
            return new Family { First = first, Second = second, Separated = separated };
        }

        private Guardian NewGuardian(BogusGender gender, (string? Prefix, string Last) name, Address address)
        {
            var first = f.Name.FirstName(gender);
            var guardian = new Guardian
            {
                Id = NewId(), FirstName = first, Prefix = name.Prefix, LastName = name.Last, Address = address,
                Email = $"{Ascii(first)}.{Ascii(name.Last)}{++mailCounter}@example.org",
                Phone = $"06-{f.Random.Number(10_000_000, 99_999_999)}",
            };
            set.Guardians.Add(guardian);
            return guardian;
        }

        private void AddChild(Family family, Seat seat)
        {
            seat.Taken = true;
            var gender = f.Random.Bool() ? Gender.Female : Gender.Male;
            var bogusGender = gender == Gender.Female ? BogusGender.Female : BogusGender.Male;
            var names = Enumerable.Range(0, f.Random.WeightedRandom([1, 2, 3], [0.35f, 0.45f, 0.20f])).Select(_ => f.Name.FirstName(bogusGender)).Distinct().ToList();
            // Children mostly carry the second (often the father's) name, as registered at birth.
            var parent = family.Second ?? family.First;
            var birth = BirthDate(seat);
            var learner = new Learner
            {
                Id = NewId(),
                FirstNames = string.Join(' ', names),
                CallName = f.Random.Bool(0.9f) ? names[0] : null,
                Prefix = parent.Prefix,
                LastName = parent.LastName,
                BirthDate = birth,
                Gender = gender,
                Address = Copy(family.First.Address),
                CreatedUtc = g.today.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc),
            };
            AssignNumber(learner);
            set.Learners.Add(learner);
            foreach (var guardian in new[] { family.First, family.Second }.OfType<Guardian>())
                set.LearnerGuardians.Add(new LearnerGuardian { LearnerId = learner.Id, Id = NewId(), GuardianId = guardian.Id });
            var key = externalKeys[seat.School.Id] = externalKeys.GetValueOrDefault(seat.School.Id) + 1;
            set.Enrolments.Add(new Enrolment
            {
                LearnerId = learner.Id, Id = NewId(), SchoolId = seat.School.Id, Kind = EnrolmentKind.Main,
                StartDate = EnrolmentStart(seat, birth, out var reason), StartReason = reason,
                ExternalKey = key.ToString(CultureInfo.InvariantCulture), YearGroup = seat.YearGroup,
            });
            set.GroupMemberships.Add(new GroupMembership { LearnerId = learner.Id, Id = NewId(), GroupId = seat.Group.Id });
            family.Children.Add((learner, seat));
        }

        /// <summary>Age on 1 October of the school year equals the seat's age (the usual cut-off for year groups).</summary>
        private DateOnly BirthDate(Seat seat)
        {
            var countDate = new DateOnly(g.year.StartYear, 10, 1);
            var latest = countDate.AddYears(-seat.Age);
            var earliest = latest.AddYears(-1).AddDays(1);
            if (seat.OldestPossible) latest = earliest.AddDays(60);
            // A child is only in group 1 once it has turned 4.
            if (seat.YearGroup == 1 && seat.School.Sector == SchoolSector.Primary)
            {
                var fourToday = g.today.AddYears(-4);
                if (latest > fourToday) latest = fourToday;
            }
            return earliest.AddDays(f.Random.Number(0, latest.DayNumber - earliest.DayNumber));
        }

        private DateOnly EnrolmentStart(Seat seat, DateOnly birth, out string reason)
        {
            DateOnly usual;
            if (seat.School.Sector == SchoolSector.Primary)
            {
                usual = birth.AddYears(4);
                reason = "Eerste inschrijving (4 jaar)";
            }
            else
            {
                var entryYear = g.year.StartYear - (seat.YearGroup - 1) - (seat.Age - 11 - seat.YearGroup);
                usual = new DateOnly(entryYear, 8, 1);
                reason = "Overstap van het basisonderwijs";
            }
            if (f.Random.Bool(0.1f) && usual.Year < g.year.StartYear)
            {
                // Moved house: joined at the start of a later school year.
                reason = "Verhuizing";
                return new DateOnly(f.Random.Number(usual.Year + 1, g.year.StartYear), 8, 1);
            }
            return usual;
        }

        /// <summary>Most learners have a BSN; a few an onderwijsnummer; a few arrive with an incomplete identity.</summary>
        private void AssignNumber(Learner learner)
        {
            var roll = f.Random.Double();
            if (roll < 0.96)
            {
                learner.PersonalNumber = g.numbers.NextBsn(f.Random);
                learner.PersonalNumberKind = PersonalNumberKind.Bsn;
            }
            else if (roll < 0.98)
            {
                learner.PersonalNumber = g.numbers.NextEducationNumber(f.Random);
                learner.PersonalNumberKind = PersonalNumberKind.EducationNumber;
            }
            else
            {
                // Identity incomplete: Edexml gave only the last four digits, or nothing.
                learner.PersonalNumberLastFour = f.Random.Bool() ? f.Random.Number(0, 9999).ToString("D4", CultureInfo.InvariantCulture) : null;
                return;
            }
            learner.PersonalNumberLastFour = learner.PersonalNumber[^4..];
            set.PersonalNumberClaims.Add(new PersonalNumberClaim { PersonalNumber = learner.PersonalNumber, LearnerId = learner.Id });
        }

        // ---- demo accounts -----------------------------------------------------------------------

        private void PickDemoAccounts()
        {
            const string domain = "demo.leerkluis.nl";
            var po = set.Schools.Single(s => s.Sector == SchoolSector.Primary);
            var vo = set.Schools.Single(s => s.Sector == SchoolSector.Secondary);
            set.Accounts.Add(new DemoAccountSpec(Roles.PlatformAdmin, $"beheer@{domain}", "Beheerder Leerkluis", "platformbeheer (geen dossiers)"));
            StaffAccount(set.Staff.First(s => s.SchoolId == po.Id && s.Role == StaffRole.SchoolAdmin), Roles.SchoolAdmin, $"admin.po@{domain}", $"administratie {po.Name}");
            StaffAccount(set.Staff.First(s => s.SchoolId == vo.Id && s.Role == StaffRole.SchoolAdmin), Roles.SchoolAdmin, $"admin.vo@{domain}", $"administratie {vo.Name}");
            var group8 = set.Groups.First(x => x.SchoolId == po.Id && x.YearGroups.Contains(8));
            var teacher = set.Staff.First(s => s.Role == StaffRole.Teacher && set.StaffGroups.Any(sg => sg.StaffId == s.Id && sg.GroupId == group8.Id));
            StaffAccount(teacher, Roles.Teacher, $"leerkracht.groep8@{domain}", $"leerkracht groep {group8.Name}");
            StaffAccount(set.Staff.First(s => s.SchoolId == po.Id && s.Role == StaffRole.CareCoordinator), Roles.CareCoordinator, $"ib.po@{domain}", $"intern begeleider {po.Name}");

            // Prefer a parent who shares the children's surname: easier to follow in a demo.
            var bothSchools = families.Where(x => x.Second is not null && !x.Separated &&
                    x.Children.Any(c => c.Seat.School == po) && x.Children.Any(c => c.Seat.School == vo))
                .OrderByDescending(x => (x.First.Prefix, x.First.LastName) == (x.Children[0].Learner.Prefix, x.Children[0].Learner.LastName))
                .First();
            GuardianAccount(bothSchools.First, $"ouder@{domain}", $"ouder van {string.Join(" en ", bothSchools.Children.Select(c => c.Learner.DisplayName))}");
            var separated = families.Where(x => x.Separated && x != bothSchools).OrderByDescending(x => x.Children.Any(c => c.Seat.School == po)).First();
            GuardianAccount(separated.Second!, $"ouder.gescheiden@{domain}",
                $"gescheiden ouder (woont apart) van {string.Join(" en ", separated.Children.Select(c => c.Learner.DisplayName))}");
            var sixteen = families.Where(x => x != bothSchools && x != separated).SelectMany(x => x.Children)
                .First(c => c.Seat.School == vo && Age(c.Learner.BirthDate!.Value) is 16 or 17);
            var learner = sixteen.Learner;
            set.Accounts.Add(new DemoAccountSpec(Roles.Learner, $"leerling@{domain}", learner.DisplayName,
                $"leerling {Age(learner.BirthDate!.Value)} jaar, klas {sixteen.Seat.Group.Name}", LearnerId: learner.Id));
            var mentor = set.Staff.First(s => s.Role == StaffRole.Teacher && set.StaffGroups.Any(sg => sg.StaffId == s.Id && sg.GroupId == sixteen.Seat.Group.Id));
            StaffAccount(mentor, Roles.Teacher, $"mentor.vo@{domain}", $"mentor klas {sixteen.Seat.Group.Name}");
        }

        private int Age(DateOnly birth)
        {
            var age = g.today.Year - birth.Year;
            return birth.AddYears(age) > g.today ? age - 1 : age;
        }

        private void StaffAccount(Staff staff, string role, string email, string description)
        {
            staff.Email = email;
            set.Accounts.Add(new DemoAccountSpec(role, email, staff.FullName, description, StaffId: staff.Id));
        }

        private void GuardianAccount(Guardian guardian, string email, string description)
        {
            guardian.Email = email;
            set.Accounts.Add(new DemoAccountSpec(Roles.Guardian, email, guardian.FullName, description, GuardianId: guardian.Id));
        }

        // ---- small parts -------------------------------------------------------------------------

        private (string? Prefix, string Last) LastName()
        {
            // Bogus' Dutch last names carry no tussenvoegsel; about a quarter of Dutch names have one.
            var last = f.Name.LastName();
            return (f.Random.Bool(0.25f) ? f.PickRandom(DemoPlaces.Prefixes) : null, char.ToUpperInvariant(last[0]) + last[1..]);
        }

        private Address NewAddress(DemoCity city)
        {
            string letters;
            do letters = f.Random.String2(2, DemoPlaces.PostalLetters);
            while (DemoPlaces.IsUnusedPostalPair(letters));
            var number = f.Random.Number(1, 240).ToString(CultureInfo.InvariantCulture);
            if (f.Random.Bool(0.1f)) number += f.PickRandom("a", "b", "-1", "-2", " bis");
            return new Address
            {
                Street = f.Address.StreetName(), HouseNumber = number,
                PostalCode = $"{f.Random.Number(city.PostalFrom, city.PostalTo)} {letters}",
                City = city.Name, MunicipalityCode = city.MunicipalityCode, Country = "NL",
            };
        }

        private static Address Copy(Address a) => new()
        {
            Street = a.Street, HouseNumber = a.HouseNumber, PostalCode = a.PostalCode, City = a.City,
            MunicipalityCode = a.MunicipalityCode, Country = a.Country,
        };

        private Guid NewId()
        {
            Span<byte> b = stackalloc byte[16];
            idRandom.NextBytes(b);
            var ms = (ulong)idClock++;
            for (var i = 0; i < 6; i++) b[i] = (byte)(ms >> (8 * (5 - i)));
            b[6] = (byte)((b[6] & 0x0F) | 0x70);
            b[8] = (byte)((b[8] & 0x3F) | 0x80);
            return new Guid(b, bigEndian: true);
        }

        private static string Ascii(string text)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var c in text.Normalize(NormalizationForm.FormD))
                if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            return sb.Length > 0 ? sb.ToString() : "x";
        }
    }
}
