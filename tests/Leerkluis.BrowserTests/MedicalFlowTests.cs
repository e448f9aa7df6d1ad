using Leerkluis.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Leerkluis.BrowserTests;

/// <summary>A parent fills in an allergy on a phone; the care coordinator sees everything, the teacher only what is shared, the office nothing.</summary>
public sealed class MedicalFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static ILocator Field(IPage page, string id) => page.Locator($"[id='{id}']");

    [Fact]
    public async Task Guardian_FillsInAllergy_CareCoordinatorSeesItTeacherOnlyShared()
    {
        var learner = app.World.LearnerA.Id;
        var parent = await app.NewPageAsync(phone: true);
        await parent.LoginAsync(app.World.ParentA);
        await parent.GotoAsync($"/Ouder/Kind/{learner}");
        await parent.ClickAsync("#medisch");
        await parent.WaitForURLAsync($"**/Ouder/Kind/{learner}/Medisch");
        Assert.Contains("Medische gegevens van Sanne de Testvries", await parent.InnerTextAsync("h1"));
        await BrowserApp.AssertAccessibleAsync(parent);

        // An emergency contact without a phone number: the form comes back with the message at the line.
        await Field(parent, "Input_EmergencyContacts[0]_Name").FillAsync("Oma Jansen");
        await parent.ClickAsync("#opslaan");
        Assert.Contains("Contact bij nood 1: telefoonnummer is verplicht.", await parent.InnerTextAsync("#foutmeldingen"));
        Assert.Equal("true", await Field(parent, "Input_EmergencyContacts[0]_Phone").GetAttributeAsync("aria-invalid"));
        await BrowserApp.AssertAccessibleAsync(parent);

        await Field(parent, "Input_EmergencyContacts[0]_Phone").FillAsync("06 12345678");
        await Field(parent, "Input_Allergies[0]_Name").FillAsync("Pinda's");
        await Field(parent, "Input_Allergies[0]_Notes").FillAsync("EpiPen zit in de rugzak");
        await Field(parent, "Input_Medications[0]_Name").FillAsync("Ventolin");
        Assert.True(await Field(parent, "Input_Allergies[0]_NeedToKnow").IsCheckedAsync());
        Assert.False(await Field(parent, "Input_Medications[0]_NeedToKnow").IsCheckedAsync());
        await parent.ClickAsync("#opslaan");
        await parent.WaitForURLAsync($"**/Ouder/Kind/{learner}/Medisch");
        Assert.Contains("De medische gegevens zijn opgeslagen.", await parent.InnerTextAsync("main"));
        Assert.Equal("Pinda's", await Field(parent, "Input_Allergies[0]_Name").InputValueAsync());
        Assert.Equal("", await Field(parent, "Input_Allergies[1]_Name").InputValueAsync());

        var care = await app.NewPageAsync();
        await care.LoginAsync(app.World.CareA);
        await care.GotoAsync($"/School/Leerlingen/{learner}");
        await care.ClickAsync("#medisch");
        await care.WaitForURLAsync($"**/School/Leerlingen/{learner}/Medisch");
        Assert.Contains("Pinda's", await care.InnerTextAsync("#allergieen"));
        Assert.Contains("EpiPen zit in de rugzak", await care.InnerTextAsync("#allergieen"));
        Assert.Contains("Ventolin", await care.InnerTextAsync("#medicijnen"));
        Assert.Contains("Oma Jansen", await care.InnerTextAsync("#noodcontacten"));
        await BrowserApp.AssertAccessibleAsync(care);

        var teacher = await app.NewPageAsync(phone: true);
        await teacher.LoginAsync(app.World.TeacherA);
        await teacher.GotoAsync($"/School/Leerlingen/{learner}/Medisch");
        var seen = await teacher.InnerTextAsync("main");
        Assert.Contains("U ziet alleen wat de ouders met de leerkrachten delen.", seen);
        Assert.Contains("Pinda's", seen);
        Assert.DoesNotContain("Ventolin", seen);
        await BrowserApp.AssertAccessibleAsync(teacher);

        var office = await app.NewPageAsync();
        await office.LoginAsync(app.World.AdminA);
        await office.GotoAsync($"/School/Leerlingen/{learner}");
        Assert.Equal(0, await office.Locator("#medisch").CountAsync());
        var denied = await office.GotoAsync($"/School/Leerlingen/{learner}/Medisch");
        Assert.Equal(404, denied!.Status);
        Assert.DoesNotContain("Pinda", await office.InnerTextAsync("body"));
    }
}
