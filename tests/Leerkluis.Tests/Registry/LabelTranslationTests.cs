using System.Globalization;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Features.Vault.AuditTrail;
using Leerkluis.Web.Features.Vault.Consent;
using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Tests.Registry;

/// <summary>
/// Labels in code use the one translation mechanism (Dutch key, English in the resx beside the class). A resx that is
/// not found, or named after the wrong class, silently leaves Dutch, so each converted class is checked once.
/// </summary>
public sealed class LabelTranslationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StaffList_EnglishCulture_ShowsRoleLabelInEnglish()
    {
        var client = await app.LoginAsync(app.World.AdminA);

        var dutch = await client.GetStringAsync("/School/Medewerkers?culture=nl-NL", Ct);
        var english = await client.GetStringAsync("/School/Medewerkers?culture=en-GB", Ct);

        Assert.Contains("<td data-label=\"Rol\">leerkracht</td>", dutch);
        Assert.Contains("<td data-label=\"Role\">teacher</td>", english);
    }

    [Fact]
    public void CodeLabels_EnglishCulture_ComeFromTheirResx()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
            Assert.Equal("legal guardian", Labels.Of(GuardianRelation.Guardian));
            Assert.Equal("yes", Labels.YesNo(true));
            Assert.Equal("parent with authority", TrailLabels.Of(Basis.Guardian));
            Assert.Equal("Medical information", SectionLabels.Of(Section.Medical));

            CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
            Assert.Equal("voogd", Labels.Of(GuardianRelation.Guardian));
            Assert.Equal("ouder met gezag", TrailLabels.Of(Basis.Guardian));
            Assert.Equal("Medische gegevens", SectionLabels.Of(Section.Medical));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
