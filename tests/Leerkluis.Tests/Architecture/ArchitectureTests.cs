using System.Reflection;

namespace Leerkluis.Tests.Architecture;

/// <summary>The application's layout, checked on its compiled code (rules in <see cref="Boundaries"/>; docs/architecture.md).</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly App = typeof(Leerkluis.Web.Platform.Data.LeerkluisDb).Assembly;

    /// <summary>
    /// Reaches into another capability's inside that are allowed for now. Each names why; move the type to the owner's
    /// root namespace (its public surface) or behind a service there, and delete the line.
    /// </summary>
    public static readonly Excused[] Exceptions =
    [
        // None left: add one only with its reason, and remove it when the type moves to the owner's root namespace.
    ];

    [Fact]
    public void Platform_NamesNoFeatureType() => NoneOf(Boundaries.KernelNamingFeatures(App));

    [Fact]
    public void Features_ReachOtherCapabilitiesOnlyThroughTheirRootNamespace() =>
        NoneOf(Boundaries.CapabilitiesReachingInside(App, Exceptions));

    [Fact]
    public void Features_NameNoLegacyPage() => NoneOf(Boundaries.FeaturesNamingLegacyPages(App));

    [Fact]
    public void Exceptions_EachStillNeeded()
    {
        // An exception that no longer excuses anything is removed, so the list only shrinks.
        var reaches = Boundaries.Reaches(App);
        var unused = Exceptions.Where(e => !reaches.Any(r => r.Inside == e.ToNamespace && r.Type.StartsWith(e.FromNamespace + ".", StringComparison.Ordinal)));
        NoneOf(unused.Select(e => $"{e.FromNamespace} → {e.ToNamespace} ({e.Why})").ToList());
    }

    private static void NoneOf(IReadOnlyList<string> offenders) =>
        Assert.True(offenders.Count == 0, $"{offenders.Count} offending types:\n" + string.Join("\n", offenders));
}
