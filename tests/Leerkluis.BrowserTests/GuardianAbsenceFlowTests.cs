using System.Globalization;
using Leerkluis.BrowserTests.Infrastructure;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Leerkluis.BrowserTests;

/// <summary>A parent on a phone reports illness and recovery, and asks for leave that the head grants.</summary>
public sealed class GuardianAbsenceFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly SchoolDayFrom(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }

    private DateOnly Today => Amsterdam.Today(app.Services.GetRequiredService<TimeProvider>());

    /// <summary>No same-day deadline: the flow must not depend on the hour the suite runs.</summary>
    private async Task NoDeadlineAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AttendanceDefaults>().EnsureAsync(app.World.SchoolA.Id);
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var settings = await db.Set<AttendanceSettings>().FirstAsync(s => s.SchoolId == app.World.SchoolA.Id);
        settings.SameDayDeadline = null;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Guardian_ReportsIllnessThenRecovery_SeesBothInTheList()
    {
        await NoDeadlineAsync();
        var learner = app.World.LearnerA.Id;
        var day = SchoolDayFrom(Today.AddDays(1));
        var parent = await app.NewPageAsync(phone: true);
        await parent.LoginAsync(app.World.ParentA);
        await parent.GotoAsync($"/Ouder/Kind/{learner}");
        await parent.ClickAsync("#absentie-melden");
        await parent.WaitForURLAsync($"**/Ouder/Absentie/{learner}/Melden");
        Assert.Contains("Sanne de Testvries ziek of afwezig melden", await parent.InnerTextAsync("h1"));
        Assert.True(await parent.IsCheckedAsync("#code-Z"));
        await BrowserApp.AssertAccessibleAsync(parent);

        // An end before the start comes back with the message at the field, and nothing is sent.
        await parent.FillAsync("#Input_From", Iso(day));
        await parent.FillAsync("#Input_To", Iso(day.AddDays(-1)));
        await parent.ClickAsync("#versturen");
        Assert.Contains("De einddatum ligt vóór de begindatum.", await parent.InnerTextAsync("#foutmeldingen"));
        Assert.Equal("true", await parent.GetAttributeAsync("#Input_To", "aria-invalid"));
        await BrowserApp.AssertAccessibleAsync(parent);

        await parent.FillAsync("#Input_To", "");
        await parent.FillAsync("#Input_Reason", "Koorts");
        await parent.ClickAsync("#versturen");
        await parent.WaitForURLAsync($"**/Ouder/Absentie/{learner}");
        Assert.Contains("De melding is verstuurd naar de school.", await parent.InnerTextAsync("#melding"));
        var list = await parent.InnerTextAsync("#meldingen");
        Assert.Contains($"vanaf {Amsterdam.Date(day)}, nog niet beter gemeld", list);
        Assert.Contains("Ziek", list);
        Assert.Contains("Koorts", list);
        await BrowserApp.AssertAccessibleAsync(parent);

        await parent.FillAsync("#BackDay", Iso(day.AddDays(3)));
        await parent.ClickAsync("#beter");
        await parent.WaitForURLAsync($"**/Ouder/Absentie/{learner}");
        Assert.Contains("De beter-melding is verwerkt.", await parent.InnerTextAsync("#melding"));
        Assert.Contains($"{Amsterdam.Date(day)} t/m {Amsterdam.Date(day.AddDays(2))}", await parent.InnerTextAsync("#meldingen"));
        Assert.Equal(0, await parent.Locator("#beter").CountAsync());
    }

    [Fact]
    public async Task Guardian_RequestsLeaveWithEvidence_HeadGrants_GuardianSeesDecision()
    {
        var learner = app.World.LearnerA.Id;
        var from = SchoolDayFrom(Today.AddDays(21));
        var parent = await app.NewPageAsync(phone: true);
        await parent.LoginAsync(app.World.ParentA);
        await parent.GotoAsync($"/Ouder/Absentie/{learner}");
        await parent.ClickAsync("#verlof");
        await parent.WaitForURLAsync($"**/Ouder/Absentie/{learner}/Verlof");
        await BrowserApp.AssertAccessibleAsync(parent);

        await parent.CheckAsync("#soort-important");
        await parent.FillAsync("#Input_From", Iso(from));
        await parent.FillAsync("#Input_To", Iso(from));
        await parent.FillAsync("#Input_Reason", "Huwelijk van tante Ans");
        await parent.SetInputFilesAsync("#Input_Evidence", new FilePayload
        {
            Name = "uitnodiging.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%uitnodiging\n"u8.ToArray(),
        });
        await parent.ClickAsync("#aanvragen-knop");
        await parent.WaitForURLAsync($"**/Ouder/Absentie/{learner}/Verlof");
        Assert.Contains("De verlofaanvraag is verstuurd.", await parent.InnerTextAsync("#melding"));
        Assert.Contains("aangevraagd", await parent.InnerTextAsync("#aanvragen"));
        await BrowserApp.AssertAccessibleAsync(parent);

        var head = await app.NewPageAsync();
        await head.LoginAsync(app.World.AdminA);
        await head.GotoAsync("/School/Verlof");
        await BrowserApp.AssertAccessibleAsync(head);
        await head.ClickAsync("#aanvragen a:text('Sanne de Testvries')");
        await head.WaitForURLAsync($"**/School/Verlof/{learner}/**");
        Assert.Contains("Huwelijk van tante Ans", await head.InnerTextAsync("#aanvraag"));
        Assert.Contains("uitnodiging.pdf", await head.InnerTextAsync("#bewijsstuk"));
        await BrowserApp.AssertAccessibleAsync(head);
        await head.CheckAsync("#toekennen");
        await head.FillAsync("#Reason", "Veel plezier op de bruiloft");
        await head.ClickAsync("#beslissen");
        await head.WaitForURLAsync("**/School/Verlof");
        Assert.Contains("Het verlof is toegekend.", await head.InnerTextAsync("#melding"));

        await parent.ReloadAsync();
        var requests = await parent.InnerTextAsync("#aanvragen");
        Assert.Contains("toegekend", requests);
        Assert.Contains("Veel plezier op de bruiloft", requests);
        await parent.GotoAsync($"/Ouder/Absentie/{learner}");
        Assert.Contains("Verlof (toegekend)", await parent.InnerTextAsync("#meldingen"));
    }
}
