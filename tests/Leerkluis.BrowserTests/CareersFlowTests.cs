using Leerkluis.BrowserTests.Infrastructure;
using Leerkluis.Tests.Careers;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using System.Net;

namespace Leerkluis.BrowserTests;

/// <summary>The regional desk in a real browser: a website's embedded form, the advisor's board and card, the candidate's portal.</summary>
public sealed class CareersFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task IntakeForm_OnAnotherOrigin_LandsInThePipeline()
    {
        var cw = await CareersWorld.ForAsync(app);
        // The region's website: a static page on another origin (its own loopback port), embedding the form script.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var site = builder.Build();
        site.MapGet("/aanmelden", () => Results.Content($"""
            <!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Word leraar in Testregio A</title></head>
            <body><main><h1>Word leraar</h1><div id="leerkluis-aanmelden"></div>
            <script src="{app.BaseUrl}/api/v1/intake/form.js" data-key="{cw.RegionA.IntakeKey}"></script></main></body></html>
            """, "text/html; charset=utf-8"));
        await site.StartAsync(TestContext.Current.CancellationToken);
        var website = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
            await db.Set<Region>().Where(r => r.Id == cw.RegionA.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.AllowedOrigins, CareersWorld.WebsiteOrigin + " " + website), TestContext.Current.CancellationToken);
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync(website + "/aanmelden");
        await page.FillAsync("#lk-firstName", "Wieke");
        await page.FillAsync("#lk-lastName", "Webformulier");
        await page.FillAsync("#lk-email", "wieke@test.invalid");
        await page.CheckAsync("#lk-sectors-vo");
        await page.CheckAsync("#lk-subjects-wiskunde");
        await BrowserApp.AssertAccessibleAsync(page);

        // Without consent the desk's answer (a cross-origin problem response) is shown and nothing is stored.
        await page.ClickAsync("#lk-submit");
        await Assertions.Expect(page.Locator("#lk-status")).ToContainTextAsync("Geef toestemming");
        await page.CheckAsync("#lk-consent");
        await page.ClickAsync("#lk-submit");
        await Assertions.Expect(page.Locator("#lk-status")).ToContainTextAsync("Bedankt voor je aanmelding");

        var advisor = await app.NewPageAsync();
        await advisor.LoginAsync(cw.AdvisorA);
        await advisor.GotoAsync("/Regio");
        var interest = advisor.Locator("#kolom-1");
        await Assertions.Expect(interest).ToContainTextAsync("Wieke Webformulier");
        await BrowserApp.AssertAccessibleAsync(advisor);
    }

    [Fact]
    public async Task Advisor_MovesCandidateToNextPhase_CandidateSeesIt()
    {
        var cw = await CareersWorld.ForAsync(app);
        var advisor = await app.NewPageAsync();
        await advisor.LoginAsync(cw.AdvisorA);
        await advisor.GotoAsync($"/Regio/Kandidaat/{cw.CandidateOfA}");
        await Assertions.Expect(advisor.Locator("#fase")).ToHaveTextAsync("1. Interesse");
        await BrowserApp.AssertAccessibleAsync(advisor);
        await advisor.ClickAsync("#volgende-fase");
        await Assertions.Expect(advisor.Locator("#melding")).ToContainTextAsync("Naar fase 2. Oriëntatie");
        await Assertions.Expect(advisor.Locator("#fase")).ToHaveTextAsync("2. Oriëntatie");
        await Assertions.Expect(advisor.Locator("#historie")).ToContainTextAsync("Fase 1. Interesse → 2. Oriëntatie");
        await advisor.FillAsync("#TaskTitle", "Meeloopdag plannen");
        await advisor.FillAsync("#TaskDue", "15-01-2027");
        await advisor.ClickAsync("text=Taak toevoegen");
        await Assertions.Expect(advisor.Locator("#takenlijst")).ToContainTextAsync("Meeloopdag plannen · adviseur.a · 15-01-2027");
        await BrowserApp.AssertAccessibleAsync(advisor);

        await advisor.GotoAsync("/Regio/Dashboard");
        await Assertions.Expect(advisor.Locator("#per-vak")).ToContainTextAsync("Wiskunde");
        await BrowserApp.AssertAccessibleAsync(advisor);

        var candidate = await app.NewPageAsync(phone: true);
        await candidate.LoginAsync(cw.CandidateUser);
        await candidate.GotoAsync("/Overstapper");
        await Assertions.Expect(candidate.Locator("#mijn-fase")).ToHaveTextAsync("2. Oriëntatie");
        await Assertions.Expect(candidate.Locator("#volgende-stap")).ToHaveTextAsync(CareerCodes.NextStep(Phase.Orientation));
        await BrowserApp.AssertAccessibleAsync(candidate);

        // Another region's advisor gets the 404 page, not the candidate.
        var other = await app.NewPageAsync();
        await other.LoginAsync(cw.AdvisorB);
        var response = await other.GotoAsync($"/Regio/Kandidaat/{cw.CandidateOfA}");
        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain("Olaf", await other.InnerTextAsync("main"));
    }

    [Fact]
    public async Task Candidate_EditsProfile_ErrorsNamedThenSaved()
    {
        var cw = await CareersWorld.ForAsync(app);
        var (user, _) = await CareersWorld.NewCandidateAsync(app, cw.RegionA, "profiel@test.invalid");
        var page = await app.NewPageAsync(phone: true);
        await page.LoginAsync(user);
        await page.GotoAsync("/Overstapper");
        await page.ClickAsync("#profiel");
        await page.WaitForURLAsync("**/Overstapper/Profiel");
        await page.FillAsync("#Input_Phone", "12");
        await page.CheckAsync("#vak-informatica");
        await page.ClickAsync("#opslaan");
        await Assertions.Expect(page.Locator("#foutmeldingen")).ToContainTextAsync("Vul een geldig telefoonnummer in");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.FillAsync("#Input_Phone", "06 31313131");
        await page.ClickAsync("#opslaan");
        await page.WaitForURLAsync("**/Overstapper");
        await Assertions.Expect(page.Locator("#melding")).ToBeVisibleAsync();
        await page.GotoAsync("/Overstapper/Profiel");
        Assert.Equal("06 31313131", await page.InputValueAsync("#Input_Phone"));
        Assert.True(await page.IsCheckedAsync("#vak-informatica"));
    }
    [Fact]
    public async Task HrOfficer_SeesIntroducedCandidate_AndAcceptsIntroduction()
    {
        var cw = await CareersWorld.ForAsync(app);
        var pw = await PartnerWorld.ForAsync(app);
        var advisor = await app.NewPageAsync();
        await advisor.LoginAsync(cw.AdvisorA);
        await advisor.GotoAsync($"/Regio/Kandidaat/{cw.CandidateOfA}");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Voorstellen voor Docent wiskunde Testcollege" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#melding")).ToContainTextAsync("De kandidaat is voorgesteld.");
        await Assertions.Expect(advisor.Locator(".introductions")).ToContainTextAsync("Docent wiskunde Testcollege");
        await BrowserApp.AssertAccessibleAsync(advisor);

        var hr = await app.NewPageAsync(phone: true);
        await hr.LoginAsync(pw.Hr);
        await hr.GotoAsync("/Werkgever");
        var vacancy = hr.Locator("section.card", new() { HasText = "Docent wiskunde Testcollege" });
        await Assertions.Expect(vacancy.Locator(".introductions")).ToContainTextAsync("Olaf Overstapper");
        await Assertions.Expect(vacancy.Locator(".introductions")).ToContainTextAsync("overstapper@test.invalid");
        await Assertions.Expect(hr.Locator("main")).Not.ToContainTextAsync("Docent wiskunde Ander College");
        await BrowserApp.AssertAccessibleAsync(hr);

        await vacancy.GetByRole(AriaRole.Button, new() { Name = "Olaf Overstapper: accepteren" }).ClickAsync();
        await Assertions.Expect(hr.Locator("#melding")).ToContainTextAsync("De status van het voorstel is bijgewerkt.");
        await Assertions.Expect(hr.Locator("section.card", new() { HasText = "Docent wiskunde Testcollege" }).Locator(".introductions .badge")).ToHaveTextAsync("geaccepteerd");
        await advisor.ReloadAsync();
        await Assertions.Expect(advisor.Locator("#historie")).ToContainTextAsync("Voorstel voor Docent wiskunde Testcollege: geaccepteerd.");
    }

    [Fact]
    public async Task NewCareerScreens_AreAccessible()
    {
        var cw = await CareersWorld.ForAsync(app);
        var pw = await PartnerWorld.ForAsync(app);
        var advisor = await app.NewPageAsync();
        await advisor.LoginAsync(cw.AdvisorA);
        await advisor.GotoAsync("/Regio/Activiteiten");
        await advisor.FillAsync("#Input_Title", "Informatieavond");
        await advisor.FillAsync("#Input_Date", "31-02-2030");
        await advisor.FillAsync("#Input_Time", "19:30");
        await advisor.FillAsync("#Input_Location", "Stadhuis");
        await advisor.ClickAsync("#activiteit-toevoegen");
        await Assertions.Expect(advisor.Locator("#foutmeldingen")).ToContainTextAsync("Vul de datum in als dd-mm-jjjj");
        await BrowserApp.AssertAccessibleAsync(advisor);
        await advisor.FillAsync("#Input_Date", "01-03-2030");
        await advisor.ClickAsync("#activiteit-toevoegen");
        await Assertions.Expect(advisor.Locator("#activiteiten")).ToContainTextAsync("01-03-2030 19:30");
        foreach (var url in new[] { "/Regio/Nieuw", "/Regio/Dashboard", "/Regio?weergave=lijst" })
        {
            await advisor.GotoAsync(url);
            await BrowserApp.AssertAccessibleAsync(advisor);
        }
        var coordinator = await app.NewPageAsync();
        await coordinator.LoginAsync(pw.Coordinator);
        await coordinator.GotoAsync("/Opleiding");
        await Assertions.Expect(coordinator.Locator("h2").First).ToHaveTextAsync("Lerarenopleiding wiskunde deeltijd");
        await BrowserApp.AssertAccessibleAsync(coordinator);
    }
}
