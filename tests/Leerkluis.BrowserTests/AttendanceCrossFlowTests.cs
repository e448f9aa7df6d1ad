using System.Globalization;
using Leerkluis.BrowserTests.Infrastructure;
using Leerkluis.Tests.Attendance;
using Leerkluis.Web.Platform.Time;
using Microsoft.Playwright;

namespace Leerkluis.BrowserTests;

/// <summary>
/// The two halves of the morning meet: what a parent reports is what the teacher's roll call shows, and what the teacher
/// records is what the parent sees. Both people click through their own pages; nothing is arranged in between.
/// </summary>
public sealed class AttendanceCrossFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Guardian_ReportsIllness_TeachersRollCallShowsItPrefilled()
    {
        var rc = await RollCallWorld.OfAsync(app);
        var day = rc.Day(0);
        var learner = app.World.LearnerA.Id;

        var parent = await app.NewPageAsync(phone: true);
        await parent.LoginAsync(app.World.ParentA);
        await parent.GotoAsync($"/Ouder/Absentie/{learner}/Melden");
        await parent.CheckAsync("#code-Z");
        await parent.FillAsync("#Input_From", Iso(day));
        await parent.FillAsync("#Input_To", Iso(day));
        await parent.FillAsync("#Input_Reason", "Oorontsteking");
        await parent.ClickAsync("#versturen");
        await parent.WaitForURLAsync($"**/Ouder/Absentie/{learner}");
        Assert.Contains("De melding is verstuurd naar de school.", await parent.InnerTextAsync("#melding"));

        var teacher = await app.NewPageAsync(phone: true);
        await teacher.LoginAsync(app.World.TeacherA);
        await teacher.GotoAsync($"/School/Absentie/Groep/{app.World.GroupA8.Id}?day={Iso(day)}&period=1");
        var line = teacher.Locator($"li[data-learner='{learner}']");
        Assert.Contains("Oorontsteking", await line.InnerTextAsync());
        Assert.True(await line.GetByLabel("Afwezig").IsCheckedAsync());
        Assert.Equal("Z", await line.Locator("select").InputValueAsync());
        await BrowserApp.AssertAccessibleAsync(teacher);
    }

    [Fact]
    public async Task Teacher_MarksLearnerAbsent_GuardianSeesIt()
    {
        var rc = await RollCallWorld.OfAsync(app);
        // Another day than the sick report of the other test: this absence is unreported.
        var day = rc.Day(1);
        var learner = app.World.LearnerA.Id;

        var teacher = await app.NewPageAsync(phone: true);
        await teacher.LoginAsync(app.World.TeacherA);
        await teacher.GotoAsync($"/School/Absentie/Groep/{app.World.GroupA8.Id}?day={Iso(day)}&period=1");
        await teacher.Locator($"li[data-learner='{learner}']").GetByText("Afwezig", new() { Exact = true }).ClickAsync();
        await teacher.ClickAsync("#opslaan");
        await teacher.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("opgeslagen", await teacher.InnerTextAsync("#melding"));

        var parent = await app.NewPageAsync(phone: true);
        await parent.LoginAsync(app.World.ParentA);
        await parent.GotoAsync($"/Ouder/Absentie/{learner}");
        var records = await parent.InnerTextAsync("#registraties");
        Assert.Contains(Amsterdam.Date(day), records);
        Assert.Contains("Ongeoorloofd", records);
        await BrowserApp.AssertAccessibleAsync(parent);
    }
}
