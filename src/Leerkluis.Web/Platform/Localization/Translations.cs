using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Leerkluis.Web.Platform.Localization;

/// <summary>
/// The one way to translate: text is written in Dutch (the key); English sits in a <c>.en.resx</c> beside what it
/// translates. Views use <c>IViewLocalizer</c> (Index.en.resx beside Index.cshtml); code outside a view (labels,
/// notices) uses this, with the resx beside its class (AbsenceLabels.en.resx beside AbsenceLabels.cs). A key with no
/// English entry stays Dutch.
/// </summary>
public static class Translations
{
    private static readonly ConcurrentDictionary<Type, ResourceManager> Managers = new();

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The English for <paramref name="dutch"/> from <typeparamref name="T"/>'s resx when the UI is English.</summary>
    public static string Of<T>(string dutch) => Of(typeof(T), dutch);

    public static string Of(Type owner, string dutch)
    {
        if (!English) return dutch;
        var manager = Managers.GetOrAdd(owner, t => new ResourceManager(t.FullName!, t.Assembly));
        try
        {
            return manager.GetString(dutch, CultureInfo.CurrentUICulture) ?? dutch;
        }
        catch (MissingManifestResourceException)
        {
            return dutch;
        }
    }
}
