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
        // The demo seeder composes every capability's demo data (a tool, like the composition root); it is moving to its own assembly.
        new("Leerkluis.Web.Features.Demo", "Leerkluis.Web.Features.Attendance.Demo", "demo seeding composes capabilities"),
        new("Leerkluis.Web.Features.Demo", "Leerkluis.Web.Features.Careers.Demo", "demo seeding composes capabilities"),
        // Partials in Features/Shared that render one capability's view model; they move beside that capability with the pages (ADR 0010).
        new("Leerkluis.Web.Features.Shared", "Leerkluis.Web.Features.Vault.AuditTrail", "shared partial _AuditTrail"),
        new("Leerkluis.Web.Features.Shared", "Leerkluis.Web.Features.Vault.Consent", "shared partial _Toestemmingen"),
        new("Leerkluis.Web.Features.Shared", "Leerkluis.Web.Features.Registry.Learners", "shared partial _LearnerCard"),
        // A correction request is applied through the Registry's UpdatePersonalia with its AddressInput and PostalCode rule:
        // commands meant for others, to be moved to Features/Registry (root) once RegisterLearner.cs is split.
        new("Leerkluis.Web.Features.Vault.Rights", "Leerkluis.Web.Features.Registry.Learners", "corrections apply through UpdatePersonalia"),
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
