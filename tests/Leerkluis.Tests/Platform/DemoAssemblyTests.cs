namespace Leerkluis.Tests.Platform;

/// <summary>
/// Demo data and its generator (Bogus) live in the Leerkluis.Demo executable; the web app that runs in production
/// must neither load them nor ship them. Web may be referenced by Demo, never the other way round.
/// </summary>
public sealed class DemoAssemblyTests
{
    [Theory]
    [InlineData("Leerkluis.Demo")]
    [InlineData("Bogus")]
    public void WebAssembly_ReferencedAssemblies_DoNotInclude(string name)
    {
        var referenced = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        Assert.DoesNotContain(name, referenced);
    }

    /// <summary>A package reference that no code uses leaves no assembly reference, but it would still be deployed: the deps file says what is.</summary>
    [Theory]
    [InlineData("Leerkluis.Demo")]
    [InlineData("Bogus")]
    public void WebDepsFile_DoesNotList(string name)
    {
        var deps = Path.Combine(AppContext.BaseDirectory, "Leerkluis.Web.deps.json");
        Assert.True(File.Exists(deps), $"{deps} is missing");
        Assert.DoesNotContain($"\"{name}/", File.ReadAllText(deps));
    }
}
