using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Leerkluis.Tests.Architecture;

/// <summary>An allowed reach into another capability's inside, with the reason; the list should only shrink.</summary>
public sealed record Excused(string FromNamespace, string ToNamespace, string Why);

/// <summary>
/// The layout rules of docs/architecture.md, by namespace pattern (not by lists of today's types), so pages that move
/// into Features/&lt;Capability&gt;/&lt;UseCase&gt;/Pages and capabilities that split into sub-namespaces are covered
/// without touching this file:
/// - the kernel (<c>Leerkluis.Web.Platform.*</c>) names no feature type;
/// - a capability is <c>Leerkluis.Web.Features.&lt;Capability&gt;</c>; its root namespace is its public surface
///   (entities, read services, query extensions, commands for others), its sub-namespaces are its inside;
///   <c>Features.Shared</c> is open to all; types directly in <c>Leerkluis.Web.Features</c> are the composition root
///   (FeatureSetup), which wires every capability and may name anything;
/// - features do not depend on the legacy <c>Leerkluis.Web.Pages</c> namespace.
/// Each rule returns the offending types' names (IL level: signatures, bodies, lambdas and async state machines).
/// </summary>
public static class Boundaries
{
    public const string Platform = "Leerkluis.Web.Platform";
    public const string Features = "Leerkluis.Web.Features";
    public const string LegacyPages = "Leerkluis.Web.Pages";
    public const string Shared = "Shared";

    public static IReadOnlyList<string> KernelNamingFeatures(Assembly assembly) =>
        Failing(Types.InAssembly(assembly).That().ResideInNamespaceMatching(Under(Platform))
            .ShouldNot().HaveDependencyOn(Features).GetResult());

    public static IReadOnlyList<string> FeaturesNamingLegacyPages(Assembly assembly) =>
        Failing(Types.InAssembly(assembly).That().ResideInNamespaceMatching(Under(Features))
            .ShouldNot().HaveDependencyOn(LegacyPages).GetResult());

    /// <summary>Types of one capability that depend on another capability's inside, as "Type → namespace", less the excused.</summary>
    public static IReadOnlyList<string> CapabilitiesReachingInside(Assembly assembly, IReadOnlyCollection<Excused> exceptions) =>
        Reaches(assembly)
            .Where(r => !exceptions.Any(e => e.ToNamespace == r.Inside && Under(r.Type, e.FromNamespace)))
            .Select(r => $"{r.Type} → {r.Inside}").Distinct().Order().ToList();

    /// <summary>Every reach into another capability's inside: the reaching type's full name and the inside namespace.</summary>
    public static IReadOnlyList<(string Type, string Inside)> Reaches(Assembly assembly)
    {
        var types = Types.InAssembly(assembly);
        var insides = assembly.GetTypes().Select(t => t.Namespace).OfType<string>().Distinct()
            .Select(ns => (Namespace: ns, Capability: CapabilityOf(ns)))
            .Where(x => x.Capability is not null && x.Capability != Shared && x.Namespace != $"{Features}.{x.Capability}")
            .GroupBy(x => x.Capability!, x => x.Namespace);
        var reaches = new List<(string, string)>();
        foreach (var capability in insides)
        {
            // Every type of another capability (Shared included); the capability's own types and the composition root
            // (types directly in Leerkluis.Web.Features) may name its inside.
            PredicateList Others() => types.That().ResideInNamespaceMatching($@"^{Regex.Escape(Features)}\.(?!{Regex.Escape(capability.Key)}(\.|$))[^.]+");
            if (Others().ShouldNot().HaveDependencyOnAny(capability.ToArray()).GetResult().IsSuccessful) continue;
            // HaveDependencyOn matches the namespace and those below it, so a reach may be listed under a parent too.
            foreach (var inside in capability)
                reaches.AddRange(Failing(Others().ShouldNot().HaveDependencyOn(inside).GetResult()).Select(t => (t, inside)));
        }
        return reaches;
    }

    /// <summary>The capability a namespace belongs to (its third segment under Leerkluis.Web.Features), if any.</summary>
    public static string? CapabilityOf(string ns) =>
        ns.StartsWith(Features + ".", StringComparison.Ordinal) ? ns[(Features.Length + 1)..].Split('.')[0] : null;

    private static string Under(string ns) => $@"^{Regex.Escape(ns)}(\.|$)";

    private static bool Under(string typeFullName, string ns) => typeFullName.StartsWith(ns + ".", StringComparison.Ordinal);

    private static IReadOnlyList<string> Failing(NetArchTest.Rules.TestResult result) =>
        result.IsSuccessful ? [] : (result.FailingTypeNames ?? []).Order().ToList();
}
