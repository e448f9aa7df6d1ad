using Leerkluis.BrowserTests.Infrastructure;
using Leerkluis.Tests.Attendance;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Leerkluis.BrowserTests;

/// <summary>A teacher takes the roll on a phone: the parent's sick report is already filled in, one tap marks a learner absent.</summary>
public sealed class RollCallFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Teacher_MarksLearnerAbsentOnPhone_SavedShownPrefilledAndInDayOverview()
    {
        var rc = await RollCallWorld.OfAsync(app);
        var day = rc.Day(0);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
            var sick = await db.Set<AbsenceCode>().FirstAsync(c => c.SchoolId == app.World.SchoolA.Id && c.Code == "Z", TestContext.Current.CancellationToken);
            db.Add(new AbsenceNotice
            {
                LearnerId = rc.Bram.Id, Id = Guid.CreateVersion7(), SchoolId = app.World.SchoolA.Id, CodeId = sick.Id, Source = NoticeSource.Guardian,
                From = day, To = day, Reason = "Buikgriep", ReportedUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var page = await app.NewPageAsync(phone: true);
        await page.LoginAsync(app.World.TeacherA);
        await page.GotoAsync("/School/Absentie");
        Assert.Contains("Groep 8", await page.InnerTextAsync("#groepen"));
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GotoAsync($"/School/Absentie/Groep/{app.World.GroupA8.Id}?day={day:yyyy-MM-dd}&period=1");
        var bram = page.Locator($"li[data-learner='{rc.Bram.Id}']");
        Assert.Contains("Gemeld: afwezig (Z) Buikgriep", await bram.InnerTextAsync());
        Assert.True(await bram.GetByLabel("Afwezig").IsCheckedAsync());
        var sanne = page.Locator($"li[data-learner='{app.World.LearnerA.Id}']");
        Assert.True(await sanne.GetByLabel("Aanwezig").IsCheckedAsync());
        await BrowserApp.AssertAccessibleAsync(page);

        await sanne.GetByText("Afwezig", new() { Exact = true }).ClickAsync();
        await page.ClickAsync("#opslaan");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("opgeslagen", await page.InnerTextAsync("#melding"));
        sanne = page.Locator($"li[data-learner='{app.World.LearnerA.Id}']");
        Assert.True(await sanne.GetByLabel("Afwezig").IsCheckedAsync());
        Assert.Equal("OV", await sanne.Locator("select").InputValueAsync());
        Assert.Contains("Absentie opgenomen", await page.InnerTextAsync("#opgenomen"));
        await BrowserApp.AssertAccessibleAsync(page);

        await page.ClickAsync("#dagoverzicht");
        var grid = await page.InnerTextAsync("#dag");
        Assert.Contains("Sanne de Testvries", grid);
        Assert.Contains("OV", grid);
        Assert.Contains("Z", grid);
        await BrowserApp.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Teacher_SavesOverColleaguesChange_SeesConflictThenOverwrites()
    {
        var rc = await RollCallWorld.OfAsync(app);
        var day = rc.Day(1);
        var url = $"/School/Absentie/Groep/{app.World.GroupA8.Id}?day={day:yyyy-MM-dd}&period=1";
        var page = await app.NewPageAsync(phone: true);
        await page.LoginAsync(app.World.TeacherA);
        await page.GotoAsync(url);
        // Meanwhile the colleague marks Cato late from their own phone.
        var colleague = await app.NewPageAsync(phone: true);
        await colleague.LoginAsync(rc.TeacherA2);
        await colleague.GotoAsync(url);
        await colleague.Locator($"li[data-learner='{rc.Cato.Id}']").GetByText("Te laat", new() { Exact = true }).ClickAsync();
        await colleague.ClickAsync("#opslaan");
        await colleague.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.Locator($"li[data-learner='{rc.Cato.Id}']").GetByText("Afwezig", new() { Exact = true }).ClickAsync();
        await page.ClickAsync("#opslaan");

        var conflict = await page.InnerTextAsync("#conflict");
        Assert.Contains("Er is niets opgeslagen.", conflict);
        Assert.Contains("Cato Zwart: nu te laat (TL) (door Dirk Duo", conflict);
        Assert.Contains("u koos afwezig (OV)", conflict);
        Assert.Equal("Overschrijven", (await page.InnerTextAsync("#opslaan")).Trim());
        Assert.True(await page.Locator($"li[data-learner='{rc.Cato.Id}']").GetByLabel("Afwezig").IsCheckedAsync());
        await BrowserApp.AssertAccessibleAsync(page);

        await page.ClickAsync("#opslaan");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("opgeslagen", await page.InnerTextAsync("#melding"));
        Assert.True(await page.Locator($"li[data-learner='{rc.Cato.Id}']").GetByLabel("Afwezig").IsCheckedAsync());
    }

    [Fact]
    public async Task Admin_SetsUpStudyDayAndCode_ErrorsAtTheFieldNothingSaved()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(app.World.AdminA);
        await page.GotoAsync("/School/Absentie");
        await page.ClickAsync("#instellingen");
        await page.WaitForURLAsync("**/School/Absentie/Instellingen");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GotoAsync("/School/Absentie/Instellingen/Vrij");
        await page.FillAsync("#Input_Name", "Kerstvakantie");
        await page.FillAsync("#Input_From", "04-01-2027");
        await page.FillAsync("#Input_To", "19-12-2026");
        await page.ClickAsync("#toevoegen-knop");
        Assert.Contains("De einddatum ligt vóór de begindatum.", await page.InnerTextAsync("#foutmeldingen"));
        Assert.Contains("Nog geen vakanties", await page.InnerTextAsync("main"));
        await BrowserApp.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_From", "19-12-2026");
        await page.FillAsync("#Input_To", "03-01-2027");
        await page.ClickAsync("#toevoegen-knop");
        await page.WaitForURLAsync("**/School/Absentie/Instellingen/Vrij");
        Assert.Contains("19-12-2026", await page.InnerTextAsync("#vrij"));

        await page.GotoAsync("/School/Absentie/Instellingen/Codes");
        await page.FillAsync("#Input_Code", "Z");
        await page.FillAsync("#Input_Name", "Nog een keer ziek");
        await page.ClickAsync("#toevoegen-knop");
        Assert.Contains("De code Z bestaat al op deze school.", await page.InnerTextAsync("#foutmeldingen"));
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GotoAsync("/School/Absentie/Instellingen/Lestijden");
        Assert.Contains("08:30", await page.InputValueAsync("#uren-monday input[name=start]"));
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GotoAsync($"/School/Absentie/Instellingen/Rooster?groep={app.World.GroupA8.Id}");
        await BrowserApp.AssertAccessibleAsync(page);
    }
}
