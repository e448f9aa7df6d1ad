using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Leerkluis.Tests.Platform;

/// <summary>Dutch is the default; English must be complete: every literal L["..."] of a view has its English entry.</summary>
public sealed partial class LocalizationTests
{
    [GeneratedRegex("""L\["((?:[^"\\]|\\.)*)"(?:,|\])""")] private static partial Regex LocalizedLiteral();

    private static string WebRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Leerkluis.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Leerkluis.slnx not found above the test binaries"), "src", "Leerkluis.Web");
    }

    public static TheoryData<string> Views()
    {
        var root = WebRoot();
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories).Order())
        {
            if (f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var name = Path.GetFileName(f);
            if (name is "_ViewImports.cshtml" or "_ViewStart.cshtml") continue;
            if (LocalizedLiteral().IsMatch(File.ReadAllText(f))) data.Add(Path.GetRelativePath(root, f));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void View_EveryDutchText_HasEnglish(string view)
    {
        var root = WebRoot();
        var keys = LocalizedLiteral().Matches(File.ReadAllText(Path.Combine(root, view)))
            .Select(m => Regex.Unescape(m.Groups[1].Value)).Distinct().ToList();
        // The translation sits beside the view (ADR 0010).
        var resx = Path.Combine(root, Path.ChangeExtension(view, null) + ".en.resx");
        Assert.True(File.Exists(resx), $"{view}: no English resources at {Path.GetRelativePath(root, resx)}");
        var english = XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var missing = keys.Where(k => !english.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"{view}: no English for:\n" + string.Join("\n", missing));
    }
}
