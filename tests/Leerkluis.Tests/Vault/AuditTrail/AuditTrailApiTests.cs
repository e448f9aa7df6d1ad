using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Vault.AuditTrail;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Identity;

namespace Leerkluis.Tests.Vault.AuditTrail;

public sealed class AuditTrailApiSqliteTests(SqliteApp app) : AuditTrailApiTests<SqliteApp>(app);
public sealed class AuditTrailApiPostgresTests(PostgresApp app) : AuditTrailApiTests<PostgresApp>(app);

/// <summary>"Wie keek er in mijn dossier" over HTTP: the family's view, one's own actions, the school's trail and its CSV.</summary>
public abstract class AuditTrailApiTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TrailPage> TrailAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<TrailPage>(Json, Ct))!;
    }

    [Fact]
    public async Task LearnerTrail_AfterTeacherReadsCard_GuardianSeesWhoWhenAndBasis()
    {
        var teacher = await App.LoginAsync(W.TeacherA);
        (await teacher.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).EnsureSuccessStatusCode();

        var parent = await App.LoginAsync(W.ParentA);
        var trail = await TrailAsync(parent, $"/api/v1/learners/{W.LearnerA.Id}/audit-trail?section=Personalia");

        Assert.Contains(trail.Rows, r => r.ActorName == "TeacherA");
        var row = trail.Rows.First(r => r.ActorName == "TeacherA");
        Assert.Equal(Roles.Teacher, row.ActorRole);
        Assert.Equal("Basisschool De Testboom", row.Organisation);
        Assert.Equal(Basis.Enrolment, row.Basis);
        Assert.Equal(Operation.Read, row.Operation);
        Assert.True(row.Allowed);
        Assert.True(DateTime.UtcNow - row.AtUtc < TimeSpan.FromMinutes(5));
        // The family sees names, never ids or the staff member's address.
        Assert.Null(row.ClientAddress);
        Assert.Null(row.LearnerId);
    }

    [Fact]
    public async Task LearnerTrail_OtherGuardianOrStaff_NotFound()
    {
        var other = await App.LoginAsync(W.ParentB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/audit-trail", Ct)).StatusCode);
        // Staff read their own actions and the school's trail, not a learner's whole trail.
        var admin = await App.LoginAsync(W.AdminA);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/audit-trail", Ct)).StatusCode);
    }

    [Fact]
    public async Task LearnerTrail_DeniedAttemptOfOtherSchool_ShownAsRefused()
    {
        var adminB = await App.LoginAsync(W.AdminB);
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).StatusCode);

        var parent = await App.LoginAsync(W.ParentA);
        var trail = await TrailAsync(parent, $"/api/v1/learners/{W.LearnerA.Id}/audit-trail");
        var refused = Assert.Single(trail.Rows, r => r.ActorName == "AdminB");
        Assert.False(refused.Allowed);
        Assert.Equal("Testcollege", refused.Organisation);
        // The labels follow the UI language; the runner's own language (en in ./leerkluis test) must not decide.
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("nl-NL");
        Assert.Equal("geweigerde poging", TrailLabels.Of(refused.Operation, refused.Allowed));
    }

    [Fact]
    public async Task LearnerTrail_Filters_SectionPeriodAndTrailReads()
    {
        var care = await App.LoginAsync(W.CareA);
        (await care.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).EnsureSuccessStatusCode();
        var parent = await App.LoginAsync(W.ParentA);
        var url = $"/api/v1/learners/{W.LearnerA.Id}/audit-trail";

        var family = await TrailAsync(parent, url + "?section=Family&pageSize=200");
        Assert.Contains(family.Rows, r => r.ActorName == "CareA");
        Assert.All(family.Rows, r => Assert.Equal(Section.Family, r.Section));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(0, (await TrailAsync(parent, url + $"?from={today.AddDays(2):yyyy-MM-dd}")).Total);
        Assert.True((await TrailAsync(parent, url + $"?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}")).Total > 0);

        // Opening the trail is recorded, but only shown when asked for.
        var plain = await TrailAsync(parent, url + "?pageSize=200");
        Assert.DoesNotContain(plain.Rows, r => r.Section == Section.AuditTrail);
        var withReads = await TrailAsync(parent, url + "?includeTrailReads=true&pageSize=200");
        var read = Assert.Single(withReads.Rows.Where(r => r.Section == Section.AuditTrail).Take(1));
        Assert.Equal(Basis.Guardian, read.Basis);

        // Paging: one row per page, the total stays.
        var first = await TrailAsync(parent, url + "?pageSize=1&page=1");
        var second = await TrailAsync(parent, url + "?pageSize=1&page=2");
        Assert.Single(first.Rows);
        Assert.Equal(first.Total, second.Total);
        Assert.NotEqual(first.Rows[0], second.Rows[0]);
    }

    [Fact]
    public async Task LearnerTrail_PeriodReversed_BadRequestNamingField()
    {
        var parent = await App.LoginAsync(W.ParentA);
        var response = await parent.GetAsync($"/api/v1/learners/{W.LearnerA.Id}/audit-trail?from=2026-10-01&to=2026-09-01", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"tot\"", body);
        Assert.Contains("De einddatum ligt vóór de begindatum.", body);
    }

    [Fact]
    public async Task MyTrail_Teacher_ShowsOwnActionsWithLearnerNames()
    {
        var teacher = await App.LoginAsync(W.TeacherA);
        (await teacher.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).EnsureSuccessStatusCode();
        var admin = await App.LoginAsync(W.AdminA);
        (await admin.GetAsync($"/api/v1/learners/{W.LearnerA7.Id}", Ct)).EnsureSuccessStatusCode();

        var mine = await TrailAsync(teacher, "/api/v1/audit-trail/mine?pageSize=200");
        Assert.NotEmpty(mine.Rows);
        Assert.All(mine.Rows, r => Assert.Equal("TeacherA", r.ActorName));
        Assert.Contains(mine.Rows, r => r.LearnerName == "Sanne de Testvries");
        Assert.DoesNotContain(mine.Rows, r => r.LearnerId == W.LearnerA7.Id);
    }

    [Fact]
    public async Task SchoolTrail_Admin_OnlyOwnSchoolsEntries()
    {
        var teacher = await App.LoginAsync(W.TeacherA);
        (await teacher.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).EnsureSuccessStatusCode();
        var adminB = await App.LoginAsync(W.AdminB);
        (await adminB.GetAsync($"/api/v1/learners/{W.LearnerB.Id}", Ct)).EnsureSuccessStatusCode();

        var adminA = await App.LoginAsync(W.AdminA);
        var school = await TrailAsync(adminA, "/api/v1/audit-trail/school?pageSize=200");
        Assert.Contains(school.Rows, r => r.ActorName == "TeacherA" && r.LearnerName == "Sanne de Testvries");
        Assert.All(school.Rows, r => Assert.Equal("Basisschool De Testboom", r.Organisation));
        Assert.DoesNotContain(school.Rows, r => r.ActorName == "AdminB" || r.LearnerId == W.LearnerB.Id);

        var schoolB = await TrailAsync(adminB, "/api/v1/audit-trail/school?pageSize=200");
        Assert.Contains(schoolB.Rows, r => r.LearnerId == W.LearnerB.Id);
        Assert.DoesNotContain(schoolB.Rows, r => r.ActorName == "TeacherA");

        // A teacher is not the school's admin: the route answers 404.
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync("/api/v1/audit-trail/school", Ct)).StatusCode);
    }

    [Fact]
    public async Task SchoolTrailCsv_Admin_DownloadsOwnSchoolsRows()
    {
        var teacher = await App.LoginAsync(W.TeacherA);
        (await teacher.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).EnsureSuccessStatusCode();
        var adminB = await App.LoginAsync(W.AdminB);
        (await adminB.GetAsync($"/api/v1/learners/{W.LearnerB.Id}", Ct)).EnsureSuccessStatusCode();

        var admin = await App.LoginAsync(W.AdminA);
        foreach (var url in new[] { "/api/v1/audit-trail/school.csv?section=Personalia", "/School/Audit?handler=Csv&onderdeel=Personalia" })
        {
            var response = await admin.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var lines = (await response.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("Tijdstip;Leerling;Door;Rol;Organisatie;Onderdeel;Wat;Grondslag;Handeling;Adres", lines[0].TrimEnd('\n').Trim());
            Assert.Contains(lines, l => l.Contains(";Sanne de Testvries;TeacherA;leerkracht;Basisschool De Testboom;personalia;bekeken;inschrijving op school;learner-card;", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("AdminB", StringComparison.Ordinal) || l.Contains("Noor", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Pages_GuardianAndSchool_ShowTrailAndAnswer404ToOthers()
    {
        var teacher = await App.LoginAsync(W.TeacherA);
        (await teacher.GetAsync($"/api/v1/learners/{W.LearnerA.Id}", Ct)).EnsureSuccessStatusCode();

        var parent = await App.LoginAsync(W.ParentA);
        var html = await parent.GetStringAsync($"/Ouder/Kind/{W.LearnerA.Id}/WieKeek", Ct);
        Assert.Contains("TeacherA (leerkracht, Basisschool De Testboom)", html);
        Assert.Contains("inschrijving op school", html);
        Assert.DoesNotContain(W.TeacherA.UserId.ToString(), html);
        var reversed = await parent.GetStringAsync($"/Ouder/Kind/{W.LearnerA.Id}/WieKeek?van=10-10-2026&tot=01-10-2026", Ct);
        Assert.Contains("De einddatum ligt vóór de begindatum.", WebUtility.HtmlDecode(reversed));
        var other = await App.LoginAsync(W.ParentB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Ouder/Kind/{W.LearnerA.Id}/WieKeek", Ct)).StatusCode);

        var admin = await App.LoginAsync(W.AdminA);
        Assert.Contains("TeacherA (leerkracht, Basisschool De Testboom)", await admin.GetStringAsync("/School/Audit", Ct));
        Assert.Contains("Sanne de Testvries", await teacher.GetStringAsync("/Account/MijnSporen", Ct));
        var adult = await App.LoginAsync(W.AdultLearner);
        Assert.Contains("Wie keek er in mijn dossier", await adult.GetStringAsync("/Account/MijnSporen", Ct));
    }
}
