namespace Leerkluis.Tests.Architecture;

/// <summary>Each rule, run on the deliberate violations in Fixtures.cs: it finds exactly those, so a rule that stopped working fails here.</summary>
public sealed class BoundaryRuleTests
{
    private static readonly System.Reflection.Assembly Fixtures = typeof(BoundaryRuleTests).Assembly;

    [Fact]
    public void KernelNamingFeatures_FixtureKernelTypeNamingAFeature_IsFound() =>
        Assert.Equal(["Leerkluis.Web.Platform.ArchFixture.KernelNamingFeature"], Boundaries.KernelNamingFeatures(Fixtures));

    [Fact]
    public void CapabilitiesReachingInside_FixtureReachingAnotherCapabilitysInside_IsFound()
    {
        var found = Boundaries.CapabilitiesReachingInside(Fixtures, []);
        Assert.Equal(
            [
                "Leerkluis.Web.Features.ArchFixtureOther.ReachesInside → Leerkluis.Web.Features.ArchFixtureOwner.Inside",
                "Leerkluis.Web.Features.ArchFixtureOther.ReachesInsideInBody → Leerkluis.Web.Features.ArchFixtureOwner.Inside",
            ],
            found.Select(f => f.Replace("+", ".", StringComparison.Ordinal)).Where(f => !f.Contains('<')).Distinct());
    }

    [Fact]
    public void CapabilitiesReachingInside_ListedException_IsExcused()
    {
        var found = Boundaries.CapabilitiesReachingInside(Fixtures,
            [new("Leerkluis.Web.Features.ArchFixtureOther", "Leerkluis.Web.Features.ArchFixtureOwner.Inside", "fixture")]);
        Assert.Empty(found);
    }

    [Fact]
    public void FeaturesNamingLegacyPages_FixtureFeatureNamingALegacyPage_IsFound() =>
        Assert.Equal(["Leerkluis.Web.Features.ArchFixtureOther.UsesLegacyPage"], Boundaries.FeaturesNamingLegacyPages(Fixtures));
}
