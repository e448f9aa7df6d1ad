using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Leerkluis.Tests.CompulsoryEducation;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Reports;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Attendance;

public sealed class ReportQueueSqliteTests(SqliteApp app) : ReportQueueTests<SqliteApp>(app);
public sealed class ReportQueuePostgresTests(PostgresApp app) : ReportQueueTests<PostgresApp>(app);

/// <summary>The school's verzuimmelding queue through HTTP: the rule on demand, excuses withdrawing, confirmation, exports, the officer.</summary>
public abstract class ReportQueueTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Reports => $"/api/v1/schools/{W.SchoolA.Id}/absence-reports";

    /// <summary>A learner of school A with four whole school days of unexcused absence (at least 16 hours), and the rule run.</summary>
    private async Task<(Guid LearnerId, JsonElement Recalculation)> TruantAsync(string lastName, string municipality = "0344", bool withNumber = true)
    {
        await ReportArrange.SetUpAsync(App.Services, W.SchoolA.Id);
        var learner = await ReportArrange.LearnerAsync(App.Services, W.SchoolA, W.GroupA8, lastName, municipality, withNumber);
        await ReportArrange.RecordsAsync(App.Services, W.SchoolA.Id, learner.Id, ReportArrange.PastSchoolDays(App.Services, 4));
        var admin = await App.LoginAsync(W.AdminA);
        var response = await admin.PostAsync($"{Reports}/recalculate", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (learner.Id, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    private async Task<List<ReportRow>> ListAsync(HttpClient client, string status)
    {
        var response = await client.GetAsync($"{Reports}?status={status}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<ReportRow>>(Json))!;
    }

    [Fact]
    public async Task Recalculate_SixteenHoursUnexcused_PendingReportWithItsDays()
    {
        var (learnerId, outcome) = await TruantAsync("Spijbelaar");
        Assert.True(outcome.GetProperty("created").GetInt32() >= 1);

        var pending = await ListAsync(await App.LoginAsync(W.AdminA), "pending");
        var row = Assert.Single(pending, r => r.LearnerId == learnerId);
        Assert.Equal("Lotte Spijbelaar", row.LearnerName);
        Assert.Equal(AbsenceReportType.SixteenHours, row.Type);
        Assert.True(row.Hours >= 16m, $"hours {row.Hours}");
        Assert.True(row.Days.Count >= 3);
        Assert.All(row.Days, d => Assert.Equal(new[] { "OV" }, d.Codes));
        Assert.Equal(row.Minutes, row.Days.Sum(d => d.Minutes));
        Assert.Equal(row.PeriodStart, row.Days[0].Day);
        Assert.Equal(row.PeriodEnd, row.Days[^1].Day);
    }

    [Fact]
    public async Task Recalculate_AfterTheSchoolExcuses_WithdrawsPendingReport()
    {
        var (learnerId, _) = await TruantAsync("Later-Geoorloofd");
        await ReportArrange.ExcuseAsync(App.Services, W.SchoolA.Id, learnerId);
        var admin = await App.LoginAsync(W.AdminA);

        var outcome = await (await admin.PostAsync($"{Reports}/recalculate", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.True(outcome.GetProperty("withdrawn").GetInt32() >= 1);
        Assert.DoesNotContain(await ListAsync(admin, "pending"), r => r.LearnerId == learnerId);
        var withdrawn = Assert.Single(await ListAsync(admin, "withdrawn"), r => r.LearnerId == learnerId);
        Assert.Contains("geoorloofd", withdrawn.WithdrawnReason);
    }

    [Fact]
    public async Task Confirm_PendingReport_FreezesDuoFieldsAndIsAudited()
    {
        var (learnerId, _) = await TruantAsync("Bevestigd", "0599");
        var report = await ReportArrange.ReportAsync(App.Services, learnerId);
        var admin = await App.LoginAsync(W.AdminA);

        var response = await admin.PostAsync($"{Reports}/{learnerId}/{report.Id}/confirm", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await ReportArrange.ReportAsync(App.Services, learnerId);
        Assert.Equal(AbsenceReportStatus.Confirmed, stored.Status);
        Assert.Equal("99AA", stored.Brin);
        Assert.Equal("00", stored.LocationCode);
        Assert.Equal("0599", stored.MunicipalityCode);
        Assert.Matches("^[0-9]{9}$", stored.PersonalNumber);
        Assert.Equal(W.AdminA.UserId, stored.ConfirmedByUserId);
        Assert.Single(await ListAsync(admin, "confirmed"), r => r.LearnerId == learnerId);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var actions = await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().AuditEntries.AsNoTracking()
                .Where(a => a.LearnerId == learnerId && a.ActorUserId == W.AdminA.UserId && a.Allowed).Select(a => a.Action).ToListAsync(Ct);
            Assert.Contains("absence-report-confirm", actions);
            Assert.Contains("absence-report-personal-number", actions);
        }

        var again = await admin.PostAsync($"{Reports}/{learnerId}/{report.Id}/confirm", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("al bevestigd", await again.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Confirm_LearnerWithoutPersonalNumber_SaysWhatIsMissingAndStaysPending()
    {
        var (learnerId, _) = await TruantAsync("Zonder-Nummer", withNumber: false);
        var report = await ReportArrange.ReportAsync(App.Services, learnerId);
        var admin = await App.LoginAsync(W.AdminA);

        var response = await admin.PostAsync($"{Reports}/{learnerId}/{report.Id}/confirm", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("BSN of onderwijsnummer van de leerling ontbreekt", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(AbsenceReportStatus.Pending, (await ReportArrange.ReportAsync(App.Services, learnerId)).Status);
    }

    [Fact]
    public async Task Export_ConfirmedReport_CsvAndXmlCarryTheDuoFields()
    {
        var (learnerId, _) = await TruantAsync("Export", "0598");
        var report = await ReportArrange.ReportAsync(App.Services, learnerId);
        var admin = await App.LoginAsync(W.AdminA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Reports}/{learnerId}/{report.Id}/confirm", null, Ct)).StatusCode);
        var confirmed = await ReportArrange.ReportAsync(App.Services, learnerId);

        var csvResponse = await admin.GetAsync($"{Reports}/export.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("pgn;soort_nummer;achternaam;voorvoegsel;voornamen;geboortedatum;brin;vestiging;woongemeente;verzuimsoort;periode_begin;periode_eind;aantal_uren;bevestigd_op", lines[0]);
        var line = Assert.Single(lines, l => l.Contains(confirmed.PersonalNumber!));
        Assert.Contains(";BSN;Export;;Lotte;", line);
        Assert.Contains(";99AA;00;0598;16 uur ongeoorloofd verzuim binnen 4 schoolweken;", line);
        Assert.Contains($";{confirmed.PeriodStart:yyyy-MM-dd};{confirmed.PeriodEnd:yyyy-MM-dd};{ReportHours.Of(confirmed.Minutes).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)};", line);

        var xmlResponse = await admin.GetAsync($"{Reports}/export.xml", Ct);
        Assert.Equal(HttpStatusCode.OK, xmlResponse.StatusCode);
        var xml = XDocument.Parse(await xmlResponse.Content.ReadAsStringAsync(Ct));
        XNamespace ns = AbsenceReportExport.Namespace;
        Assert.Equal("99AA00", xml.Root!.Attribute("school")!.Value);
        var melding = Assert.Single(xml.Root.Elements(ns + "verzuimmelding"), m => m.Attribute("id")!.Value == report.Id.ToString());
        Assert.Equal(confirmed.PersonalNumber, melding.Element(ns + "leerling")!.Element(ns + "pgn")!.Value);
        Assert.Equal("BSN", melding.Element(ns + "leerling")!.Element(ns + "pgn")!.Attribute("soort")!.Value);
        Assert.Equal("Export", melding.Element(ns + "leerling")!.Element(ns + "achternaam")!.Value);
        Assert.NotNull(melding.Element(ns + "leerling")!.Element(ns + "geboortedatum"));
        Assert.Equal("99AA", melding.Element(ns + "school")!.Element(ns + "brin")!.Value);
        Assert.Equal("00", melding.Element(ns + "school")!.Element(ns + "vestiging")!.Value);
        Assert.Equal("ongeoorloofd-16-uur", melding.Element(ns + "verzuimsoort")!.Attribute("code")!.Value);
        Assert.Equal(confirmed.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), melding.Element(ns + "periode")!.Element(ns + "begin")!.Value);
        Assert.Equal(confirmed.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), melding.Element(ns + "periode")!.Element(ns + "eind")!.Value);
        Assert.True(decimal.Parse(melding.Element(ns + "aantalUren")!.Value, System.Globalization.CultureInfo.InvariantCulture) >= 16m);
    }

    [Fact]
    public async Task CareCoordinator_ReadsQueueButCannotConfirmOrRecalculate_NotFound()
    {
        var (learnerId, _) = await TruantAsync("Alleen-Lezen");
        var report = await ReportArrange.ReportAsync(App.Services, learnerId);
        var care = await App.LoginAsync(W.CareA);

        Assert.Single(await ListAsync(care, "pending"), r => r.LearnerId == learnerId);
        Assert.Equal(HttpStatusCode.NotFound, (await care.PostAsync($"{Reports}/{learnerId}/{report.Id}/confirm", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await care.PostAsync($"{Reports}/recalculate", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await care.GetAsync($"{Reports}/export.csv", Ct)).StatusCode);
        Assert.Equal(AbsenceReportStatus.Pending, (await ReportArrange.ReportAsync(App.Services, learnerId)).Status);
    }

    [Fact]
    public async Task Queue_TeacherOrOtherSchoolsAdmin_NotFound()
    {
        var teacher = await App.LoginAsync(W.TeacherA);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync(Reports, Ct)).StatusCode);
        var adminB = await App.LoginAsync(W.AdminB);
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync(Reports, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.PostAsync($"{Reports}/recalculate", null, Ct)).StatusCode);
        var bad = await (await App.LoginAsync(W.AdminA)).GetAsync($"{Reports}?status=kwijt", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Kies de status", await bad.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Officer_OwnMunicipalityReport_OpensIt_OtherMunicipalityNotFound()
    {
        var (learnerId, _) = await TruantAsync("Gemeld", "0597");
        var report = await ReportArrange.ReportAsync(App.Services, learnerId);
        var admin = await App.LoginAsync(W.AdminA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Reports}/{learnerId}/{report.Id}/confirm", null, Ct)).StatusCode);
        var own = await App.LoginAsync(await LeerplichtArrange.OfficerAsync(App.Services, "0597", "Meldingdorp"));
        var other = await App.LoginAsync(await LeerplichtArrange.OfficerAsync(App.Services, "0596", "Buurdorp"));

        var list = await own.GetFromJsonAsync<List<OfficerReportRow>>("/api/v1/compulsory-education/absence-reports", Json, Ct);
        var row = Assert.Single(list!, r => r.LearnerId == learnerId);
        Assert.Equal("Basisschool De Testboom", row.SchoolName);
        var detail = await own.GetFromJsonAsync<OfficerReportDetail>($"/api/v1/compulsory-education/absence-reports/{learnerId}/{report.Id}", Json, Ct);
        Assert.Equal(row.PeriodStart, detail!.Days[0].Day);
        Assert.NotNull(detail.PersonalNumber);

        Assert.DoesNotContain(await other.GetFromJsonAsync<List<OfficerReportRow>>("/api/v1/compulsory-education/absence-reports", Json, Ct) ?? [], r => r.LearnerId == learnerId);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/compulsory-education/absence-reports/{learnerId}/{report.Id}", Ct)).StatusCode);
        // A school admin is no officer.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/compulsory-education/absence-reports", Ct)).StatusCode);

        await using var scope = App.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<LeerkluisDb>().AuditEntries.AsNoTracking()
            .Where(a => a.LearnerId == learnerId && a.Action == "absence-report-officer").Select(a => new { a.Allowed, a.Basis }).ToListAsync(Ct);
        Assert.Contains(audit, a => a.Allowed && a.Basis == Web.Platform.Access.Basis.LegalDuty);
        Assert.Contains(audit, a => !a.Allowed);
    }
}
