using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.CompulsoryEducation;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.CompulsoryEducation;

public sealed class LeerplichtSqliteTests(SqliteApp app) : LeerplichtTests<SqliteApp>(app);
public sealed class LeerplichtPostgresTests(PostgresApp app) : LeerplichtTests<PostgresApp>(app);

/// <summary>The leerplicht sweep, the officer's caseload, resident lists and the DUO count, over HTTP on both databases.
/// Each test uses municipality codes of its own, since the sweep looks at every learner in the database.</summary>
public abstract class LeerplichtTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly DateOnly Today = TestWorld.Today;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Api = "/api/v1/compulsory-education";

    private async Task<List<UnenrolledChildCase>> CasesAsync(params string[] municipalities)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().Set<UnenrolledChildCase>().AsNoTracking()
            .Where(c => municipalities.Contains(c.MunicipalityCode)).ToListAsync(Ct);
    }

    [Fact]
    public async Task Sweep_LearnersOfDutyAgeWithoutEnrolment_OpensExactlyTheirCasesOnceAndClosesOnEnrolment()
    {
        var s = App.Services;
        var child10 = await LeerplichtArrange.LearnerAsync(s, "Tien", Today.AddYears(-10), "0501");
        await LeerplichtArrange.LearnerAsync(s, "Vier", Today.AddYears(-4).AddDays(-1), "0501");
        var qualified = await LeerplichtArrange.LearnerAsync(s, "Gediplomeerd", Today.AddYears(-17).AddDays(-10), "0501");
        await LeerplichtArrange.QualifyAsync(s, qualified.Id, Today.AddDays(-1));
        var teen = await LeerplichtArrange.LearnerAsync(s, "Zeventien", Today.AddYears(-17).AddDays(-10), "0501");
        await LeerplichtArrange.LearnerAsync(s, "Negentien", Today.AddYears(-19), "0501");
        await LeerplichtArrange.LearnerAsync(s, "Ingeschreven", Today.AddYears(-9), "0501", school: W.SchoolB);
        var future = await LeerplichtArrange.LearnerAsync(s, "Straks", Today.AddYears(-7), "0501", school: W.SchoolA, from: Today.AddDays(1));
        var left = await LeerplichtArrange.LearnerAsync(s, "Vertrokken", Today.AddYears(-8), "0502", school: W.SchoolA, until: Today.AddDays(-1));

        await LeerplichtArrange.SweepAsync(s, Today);
        var cases = await CasesAsync("0501", "0502");
        Assert.Equal(new[] { child10.Id, teen.Id, future.Id, left.Id }.Order(), cases.Select(c => c.LearnerId!.Value).Order());
        Assert.All(cases, c => Assert.Equal((CaseStatus.Open, CaseReason.NotEnrolled, Today), (c.Status, c.Reason, c.OpenedOn)));
        Assert.Equal("0502", cases.Single(c => c.LearnerId == left.Id).MunicipalityCode);
        Assert.Equal("Kim Tien", cases.Single(c => c.LearnerId == child10.Id).ChildName);

        var second = await LeerplichtArrange.SweepAsync(s, Today);
        Assert.StartsWith("0 cases opened", second);
        Assert.Equal(cases.Select(c => c.Id).Order(), (await CasesAsync("0501", "0502")).Select(c => c.Id).Order());

        await LeerplichtArrange.EnrolAsync(s, child10.Id, W.SchoolA, Today);
        await LeerplichtArrange.SweepAsync(s, Today);
        var after = await CasesAsync("0501");
        var resolved = Assert.Single(after, c => c.LearnerId == child10.Id);
        Assert.Equal((CaseStatus.Closed, ClosingReason.Enrolled, Today), (resolved.Status, resolved.ClosingReason, resolved.ClosedOn));
        Assert.Equal(new[] { teen.Id, future.Id }.Order(), after.Where(c => c.Status == CaseStatus.Open).Select(c => c.LearnerId!.Value).Order());

        await using var scope = s.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var history = await db.Set<CaseEvent>().Where(e => e.SubjectId == child10.Id).OrderBy(e => e.AtUtc).Select(e => e.Kind).ToListAsync(Ct);
        Assert.Equal([CaseEventKind.Opened, CaseEventKind.Closed], history);
        var audit = await db.AuditEntries.Where(a => a.LearnerId == child10.Id).OrderBy(a => a.Sequence).ToListAsync(Ct);
        Assert.Equal(["leerplicht-case-opened", "leerplicht-case-closed"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal((Basis.LegalDuty, Section.Enrolment), (a.Basis, a.Section)));
    }

    [Fact]
    public async Task Caseload_OfficerOfMunicipalityX_SeesAndChangesOnlyXsCases()
    {
        var s = App.Services;
        var mine = await LeerplichtArrange.LearnerAsync(s, "Eigenstad", Today.AddYears(-11), "0511", number: ResidentListParserTests.Bsn(511));
        var other = await LeerplichtArrange.LearnerAsync(s, "Anderstad", Today.AddYears(-11), "0512");
        await LeerplichtArrange.SweepAsync(s, Today);
        var myCase = Assert.Single(await CasesAsync("0511"));
        var otherCase = Assert.Single(await CasesAsync("0512"));
        var x = await App.LoginAsync(await LeerplichtArrange.OfficerAsync(s, "0511", "Eigenstad"));

        var list = await x.GetFromJsonAsync<List<CaseRow>>($"{Api}/cases", Json, Ct);
        var row = Assert.Single(list!);
        Assert.Equal((mine.Id, ResidentListParserTests.Bsn(511), 11), (row.SubjectId, row.PersonalNumber, row.Age));
        var page = await x.GetStringAsync("/Leerplicht", Ct);
        Assert.Contains("Kim Eigenstad", page);
        Assert.DoesNotContain("Anderstad", page);
        var csv = await x.GetStringAsync($"{Api}/cases.csv", Ct);
        Assert.Contains("Kim Eigenstad", csv);
        Assert.DoesNotContain("Anderstad", csv);

        var otherUrl = $"{Api}/cases/{otherCase.SubjectId}/{otherCase.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await x.GetAsync(otherUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await x.PostAsJsonAsync($"{otherUrl}/notes", new AddNoteCommand("nee"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await x.PostAsJsonAsync($"{otherUrl}/status", new ChangeStatusCommand(CaseStatus.Closed, ClosingReason.Moved, null), Json, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await x.GetAsync($"/Leerplicht/Zaak/{otherCase.SubjectId}/{otherCase.Id}", Ct)).StatusCode);

        var url = $"{Api}/cases/{myCase.SubjectId}/{myCase.Id}";
        Assert.Equal(HttpStatusCode.NoContent, (await x.PostAsJsonAsync($"{url}/notes", new AddNoteCommand("Huisbezoek gepland."), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await x.PostAsJsonAsync($"{url}/status", new ChangeStatusCommand(CaseStatus.InProgress, null, null), Json, Ct)).StatusCode);
        var noReason = await x.PostAsJsonAsync($"{url}/status", new ChangeStatusCommand(CaseStatus.Closed, null, null), Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Kies de reden van sluiten.", await noReason.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NoContent, (await x.PostAsJsonAsync($"{url}/status", new ChangeStatusCommand(CaseStatus.Closed, ClosingReason.Exemption, "Vrijstelling art. 5 onder a."), Json, Ct)).StatusCode);

        var detail = await x.GetFromJsonAsync<CaseDetail>(url, Json, Ct);
        Assert.Equal((CaseStatus.Closed, ClosingReason.Exemption), (detail!.Status, detail.ClosingReason));
        Assert.Equal([CaseEventKind.Opened, CaseEventKind.Note, CaseEventKind.StatusChanged, CaseEventKind.Closed], detail.Events.Select(e => e.Kind));
        var note = detail.Events.Single(e => e.Kind == CaseEventKind.Note);
        Assert.Equal(("Huisbezoek gepland.", "Leerplicht Eigenstad"), (note.Text, note.AuthorName));
        Assert.Single(await x.GetFromJsonAsync<List<CaseRow>>($"{Api}/cases?status=Closed", Json, Ct) ?? []);
        Assert.Empty(await x.GetFromJsonAsync<List<CaseRow>>($"{Api}/cases?status=Open", Json, Ct) ?? []);
        Assert.Empty(await x.GetFromJsonAsync<List<CaseRow>>($"{Api}/cases?minAge=12", Json, Ct) ?? []);
        Assert.Single(await x.GetFromJsonAsync<List<CaseRow>>($"{Api}/cases?minAge=11&maxAge=11&since={Today:yyyy-MM-dd}", Json, Ct) ?? []);

        // Nothing of the other municipality's learner, and no caseload for school staff.
        await using (var scope = s.CreateAsyncScope())
        {
            var audit = await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().AuditEntries.Where(a => a.LearnerId == other.Id && a.ActorRole == "AttendanceOfficer").ToListAsync(Ct);
            Assert.NotEmpty(audit);
            Assert.All(audit, a => Assert.False(a.Allowed));
        }
        var admin = await App.LoginAsync(W.AdminA);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Api}/cases", Ct)).StatusCode);

        // Labels made outside the view take their English from the resx beside their class (CaseLabels.en.resx).
        var casePage = $"/Leerplicht/Zaak/{myCase.SubjectId}/{myCase.Id}";
        Assert.Contains("vrijstelling (art. 5)", await x.GetStringAsync(casePage, Ct));
        var english = await x.GetStringAsync(casePage + "?culture=en-GB", Ct);
        Assert.Contains("exemption (art. 5)", english);
        Assert.DoesNotContain("vrijstelling (art. 5)", english);
    }

    [Fact]
    public async Task ResidentList_MalformedLines_WritesNothingAndReportsEachLine()
    {
        var x = await App.LoginAsync(await LeerplichtArrange.OfficerAsync(App.Services, "0521", "Lijststad"));
        var text = "bsn;naam;geboortedatum;adres;postcode\n" +
                   $"{ResidentListParserTests.Bsn(5210)};Goed Kind;{Amsterdam.Date(Today.AddYears(-8))};Laan 1;1234 AB\n" +
                   $"123456789;Fout Nummer;{Amsterdam.Date(Today.AddYears(-8))};Laan 2;1234 AB\n" +
                   $"{ResidentListParserTests.Bsn(5211)};;32-13-2018;Laan 3;1234 AB\n";
        var response = await x.PostAsync($"{Api}/resident-lists", new StringContent(text, Encoding.UTF8, "text/csv"), Ct);
        var report = await response.Content.ReadFromJsonAsync<ResidentListReport>(Json, Ct);
        Assert.Null(report!.UploadId);
        Assert.Equal([(3, "bsn"), (4, "naam"), (4, "geboortedatum")], report.Problems.Select(p => (p.Line, p.Field)));
        Assert.Empty(await CasesAsync("0521"));
    }

    [Fact]
    public async Task ResidentList_ChildrenUnknownToSchools_GetCasesAfterConfirmationOnlyOnce()
    {
        var s = App.Services;
        var registered = await LeerplichtArrange.LearnerAsync(s, "Uitgeschreven", Today.AddYears(-9), "0344", number: ResidentListParserTests.Bsn(5301),
            school: W.SchoolA, from: Today.AddYears(-2), until: Today.AddDays(-3));
        var x = await App.LoginAsync(await LeerplichtArrange.OfficerAsync(s, "0531", "Inwonerstad"));
        var text = "\uFEFFbsn,naam,geboortedatum,adres,postcode,woonplaats\r\n" +
                   $"{ResidentListParserTests.Bsn(5300)},Onbekend Kind,{Amsterdam.Date(Today.AddYears(-8))},Laan 1,1234 AB,Inwonerstad\r\n" +
                   $"{registered.PersonalNumber},Kim Uitgeschreven,{Amsterdam.Date(Today.AddYears(-9))},Laan 2,1234 AB,Inwonerstad\r\n" +
                   $"{W.LearnerA.PersonalNumber},Sanne de Testvries,{Amsterdam.Date(W.LearnerA.BirthDate!.Value)},Laan 3,1234 AB,Inwonerstad\r\n" +
                   $"{ResidentListParserTests.Bsn(5302)},Te Jong,{Amsterdam.Date(Today.AddYears(-3))},Laan 4,1234 AB,Inwonerstad\r\n";
        var preview = await (await x.PostAsync($"{Api}/resident-lists", new StringContent(text, Encoding.UTF8, "text/csv"), Ct))
            .Content.ReadFromJsonAsync<ResidentListReport>(Json, Ct);
        Assert.Equal((4, 3, 1, 2, 1), (preview!.Rows, preview.UnderDuty, preview.Enrolled, preview.ToOpen, preview.NotInRegistry));
        Assert.Empty(await CasesAsync("0531"));

        var confirm = await x.PostAsync($"{Api}/resident-lists/{preview.UploadId}/confirm", null, Ct);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var cases = await CasesAsync("0531");
        Assert.Equal(2, cases.Count);
        Assert.All(cases, c => Assert.Equal(CaseReason.UnknownToSchools, c.Reason));
        var unknown = cases.Single(c => c.LearnerId is null);
        Assert.Equal((ResidentListParserTests.Bsn(5300), "Onbekend Kind", "Laan 1, Inwonerstad"), (unknown.PersonalNumber, unknown.ChildName, unknown.Address));
        Assert.Equal(registered.Id, cases.Single(c => c.LearnerId is not null).SubjectId);
        Assert.Equal(HttpStatusCode.NotFound, (await x.PostAsync($"{Api}/resident-lists/{preview.UploadId}/confirm", null, Ct)).StatusCode);

        var again = await (await x.PostAsync($"{Api}/resident-lists", new StringContent(text, Encoding.UTF8, "text/csv"), Ct))
            .Content.ReadFromJsonAsync<ResidentListReport>(Json, Ct);
        Assert.Equal((2, 0), (again!.AlreadyOpen, again.ToOpen));
        // The sweep does not open a second case for the registered child, though it lives elsewhere in the registry.
        await LeerplichtArrange.SweepAsync(s, Today);
        Assert.DoesNotContain(await CasesAsync("0344"), c => c.LearnerId == registered.Id);
        var detail = await x.GetFromJsonAsync<CaseDetail>($"{Api}/cases/{unknown.SubjectId}/{unknown.Id}", Json, Ct);
        Assert.False(detail!.InRegistry);
        Assert.Contains("regel 2", detail.Events.Single().Text);
    }

    [Fact]
    public async Task CountDate_SchoolAdmin_CountsMainEnrolmentsActiveOnFirstOctober()
    {
        var s = App.Services;
        var year = SchoolYear.Containing(Today);
        var date = CountDate.Of(year);
        var url = $"/api/v1/schools/{W.SchoolA.Id}/count-date?schoolYear={year}";
        var admin = await App.LoginAsync(W.AdminA);
        // Other tests of this class enrol learners at school A too: compare with the count before this arrangement.
        var before = await admin.GetFromJsonAsync<CountDateReport>(url, Json, Ct);
        Assert.Equal(1, before!.ByYearGroup.Single(r => r.YearGroup == "7").Learners); // LearnerA7 of the test world
        await LeerplichtArrange.LearnerAsync(s, "NaTeldatum", Today.AddYears(-6), "0344", school: W.SchoolA, from: date.AddDays(1));
        await LeerplichtArrange.LearnerAsync(s, "VoorTeldatumWeg", Today.AddYears(-6), "0344", school: W.SchoolA, from: date.AddDays(-30), until: date.AddDays(-1));
        await LeerplichtArrange.LearnerAsync(s, "OpTeldatumWeg", Today.AddYears(-6), "0344", school: W.SchoolA, from: date.AddDays(-30), until: date);
        await LeerplichtArrange.LearnerAsync(s, "Nevenschool", Today.AddYears(-6), "0344", school: W.SchoolA, from: date.AddDays(-30), kind: EnrolmentKind.Additional);
        await LeerplichtArrange.LearnerAsync(s, "Groepacht", Today.AddYears(-12), "0344", school: W.SchoolA, from: date.AddDays(-10), group: W.GroupA8);

        var report = await admin.GetFromJsonAsync<CountDateReport>(url, Json, Ct);
        int Count(CountDateReport r, string? yearGroup) => r.ByYearGroup.SingleOrDefault(x => x.YearGroup == yearGroup)?.Learners ?? 0;
        Assert.Equal((date, before.Total + 2), (report!.CountDate, report.Total));
        Assert.Equal((Count(before, "7"), Count(before, "8") + 1, Count(before, null) + 1), (Count(report, "7"), Count(report, "8"), Count(report, null)));
        Assert.Equal(report.Total, report.ByYearGroup.Sum(r => r.Learners));
        var csv = await admin.GetStringAsync($"/api/v1/schools/{W.SchoolA.Id}/count-date?schoolYear={year}&format=csv", Ct);
        Assert.Contains($"99AA00;Basisschool De Testboom;{year};{Amsterdam.Date(date)};totaal;{report.Total}", csv);
        var page = await admin.GetStringAsync($"/School/Teldatum?schooljaar={year}", Ct);
        Assert.Contains(Amsterdam.Date(date), page);

        var adminB = await App.LoginAsync(W.AdminB);
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync($"/api/v1/schools/{W.SchoolA.Id}/count-date", Ct)).StatusCode);
        var teacher = await App.LoginAsync(W.TeacherA);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/schools/{W.SchoolA.Id}/count-date", Ct)).StatusCode);
    }
}
