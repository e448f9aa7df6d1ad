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
}
