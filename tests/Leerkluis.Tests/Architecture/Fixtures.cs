// Deliberate violations, one per rule, so each rule is shown to fail (BoundaryRuleTests). They live in the test
// assembly under the application's namespaces, because the rules are written by namespace pattern.

namespace Leerkluis.Web.Features.ArchFixtureOwner
{
    /// <summary>The owner's public surface.</summary>
    public sealed class Open;
}

namespace Leerkluis.Web.Features.ArchFixtureOwner.Inside
{
    /// <summary>Inside the owner: not for other capabilities.</summary>
    public sealed class Secret
    {
        public static Task<int> CountAsync() => Task.FromResult(1);
    }

    /// <summary>The owner's own use of its inside is fine.</summary>
    public sealed class OwnUse(Secret secret)
    {
        public Secret Secret { get; } = secret;
    }
}

namespace Leerkluis.Web.Features.Shared.ArchFixture
{
    public sealed class Helper;
}

namespace Leerkluis.Web.Pages.ArchFixture
{
    public sealed class LegacyPage;
}

namespace Leerkluis.Web.Features.ArchFixtureOther
{
    using Leerkluis.Web.Features.ArchFixtureOwner;
    using Leerkluis.Web.Features.ArchFixtureOwner.Inside;
    using Leerkluis.Web.Features.Shared.ArchFixture;
    using Leerkluis.Web.Pages.ArchFixture;

    public sealed class UsesSurface(Open open, Helper helper)
    {
        public Open Open { get; } = open;
        public Helper Helper { get; } = helper;
    }

    public sealed class ReachesInside(Secret secret)
    {
        public Secret Secret { get; } = secret;
    }

    /// <summary>The dependency sits only in an async method's body (a compiler-generated state machine).</summary>
    public static class ReachesInsideInBody
    {
        public static async Task<int> RunAsync() => await Secret.CountAsync() + 1;
    }

    public sealed class UsesLegacyPage(LegacyPage page)
    {
        public LegacyPage Page { get; } = page;
    }
}

namespace Leerkluis.Web.Platform.ArchFixture
{
    using Leerkluis.Web.Features.ArchFixtureOwner;

    public sealed class KernelNamingFeature
    {
        public static bool Is(object o) => o is Open;
    }
}
