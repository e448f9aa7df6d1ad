using Leerkluis.BrowserTests.Infrastructure;
using Leerkluis.Tests.Vault.Consent;
using Microsoft.Playwright;

namespace Leerkluis.BrowserTests;

/// <summary>A parent grants a samenwerkingsverband consent on a phone, the partner sees exactly that, the parent revokes it.</summary>
public sealed class ConsentFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Guardian_GrantsAndRevokesConsent_PartnerSeesOnlyGrantedWhileLive()
    {
        var cw = await ConsentWorld.EnsureAsync(app);
        var learner = app.World.LearnerA;
        var page = await app.NewPageAsync(phone: true);
        await page.LoginAsync(app.World.ParentA);
        await page.GotoAsync($"/Ouder/Kind/{learner.Id}");
        await page.ClickAsync("#toestemming-link");
        await page.WaitForURLAsync($"**/Ouder/Kind/{learner.Id}/Toestemming");
        Assert.Contains("Er is nu aan niemand toestemming gegeven.", await page.InnerTextAsync("main"));
        await BrowserApp.AssertAccessibleAsync(page);

        // Forgetting the sections shows the message at the top and at the field, and grants nothing.
        await page.SelectOptionAsync("#Input_Grantee", new SelectOptionValue { Label = cw.Swv.Name });
        await page.FillAsync("#Input_Purpose", "Onderzoek naar extra ondersteuning");
        await page.ClickAsync("#toestemming-geven");
        Assert.Contains("Kies ten minste één onderdeel van het dossier.", await page.InnerTextAsync("#foutmeldingen"));
        Assert.Contains("Er is nu aan niemand toestemming gegeven.", await page.InnerTextAsync("main"));
        await BrowserApp.AssertAccessibleAsync(page);

        await page.CheckAsync("#sectie-Personalia");
        await page.CheckAsync("#sectie-Medical");
        await page.ClickAsync("#toestemming-geven");
        await page.WaitForSelectorAsync("#melding");
        var table = await page.InnerTextAsync("#toestemmingen");
        Assert.Contains(cw.Swv.Name, table);
        Assert.Contains("Medische gegevens", table);
        await BrowserApp.AssertAccessibleAsync(page);

        // The partner sees the learner and the granted personalia, never the BSN.
        var partner = await app.NewPageAsync();
        await partner.LoginAsync(cw.Partner);
        await partner.GotoAsync("/Partner");
        Assert.Contains("Sanne de Testvries", await partner.InnerTextAsync("#ontvangen"));
        await BrowserApp.AssertAccessibleAsync(partner);
        await partner.ClickAsync("text=Sanne de Testvries");
        await partner.WaitForURLAsync($"**/Partner/Leerling/{learner.Id}");
        var card = await partner.InnerTextAsync("main");
        Assert.Contains("Sanne", card);
        Assert.DoesNotContain("111222333", card);
        Assert.Equal(0, await partner.Locator("#inschrijvingen").CountAsync());
        await BrowserApp.AssertAccessibleAsync(partner);

        // The parent revokes after confirming; the partner's next request is refused.
        await page.ClickAsync("#toestemmingen >> text=Intrekken");
        await page.WaitForSelectorAsync("#intrekken-bevestigen");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ClickAsync("#bevestig-intrekken");
        await page.WaitForSelectorAsync("#melding");
        Assert.Contains("De toestemming is ingetrokken.", await page.InnerTextAsync("#melding"));
        var ended = await page.InnerTextAsync("#beeindigd");
        Assert.Contains(cw.Swv.Name, ended);
        Assert.Contains("ingetrokken op", ended);
        Assert.DoesNotContain("{0}", await page.InnerTextAsync("main"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "consent-revoked.png"), FullPage = true });

        var gone = await partner.GotoAsync($"/Partner/Leerling/{learner.Id}");
        Assert.Equal(404, gone!.Status);
        await partner.GotoAsync("/Partner");
        Assert.Contains("Er is nu geen toestemming aan uw organisatie gegeven.", await partner.InnerTextAsync("main"));

        // "Wie keek er in mijn dossier": the parent sees the partner's read on the consent basis, and the refused attempt after revocation.
        await page.GotoAsync($"/Ouder/Kind/{learner.Id}/WieKeek");
        var rows = await page.Locator("#spoor tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("toestemming") && r.Contains("personalia", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(rows, r => r.Contains("geweigerde poging"));
        await BrowserApp.AssertAccessibleAsync(page);
    }
}
