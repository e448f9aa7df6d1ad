using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Web.Features.Vault.Rights.Export;

/// <summary>
/// One slice's part of the dossier export (AVG access and portability). Each slice that keeps dossier data
/// implements this and registers it with <c>services.AddDossierSectionExporter&lt;T&gt;()</c>; the export asks
/// the access decision for <see cref="Section"/>, audits the read (action "export") and only then calls
/// <see cref="ExportAsync"/>. An exporter therefore never checks access itself and never sees a request it
/// may not answer.
/// </summary>
public interface IDossierSectionExporter
{
    /// <summary>Stable camelCase key in the JSON document's "sections" object (documented in Rights/README.md).</summary>
    string Key { get; }
    /// <summary>The dossier section whose read permission governs this part.</summary>
    Section Section { get; }
    /// <summary>Position in the document and the summary (registry parts 100–199, others from 200).</summary>
    int Order { get; }
    Task<ExportedSection> ExportAsync(Guid learnerId, CancellationToken ct);
}

/// <summary>
/// A part of the export: <paramref name="Data"/> is serialised as-is into the JSON document (machine-readable),
/// <paramref name="Summary"/> is what the readable HTML summary shows under the Dutch <paramref name="Title"/>.
/// </summary>
public sealed record ExportedSection(string Title, object Data, IReadOnlyList<SummaryBlock> Summary);

/// <summary>A block of the readable summary; values are already formatted for people (dates dd-MM-yyyy).</summary>
public abstract record SummaryBlock;

public sealed record SummaryFacts(IReadOnlyList<KeyValuePair<string, string>> Items) : SummaryBlock
{
    public static SummaryFacts Of(params (string Label, string? Value)[] items) =>
        new(items.Select(i => new KeyValuePair<string, string>(i.Label, string.IsNullOrWhiteSpace(i.Value) ? "–" : i.Value)).ToList());
}

public sealed record SummaryTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string WhenEmpty) : SummaryBlock;

public static class ExporterRegistration
{
    public static IServiceCollection AddDossierSectionExporter<T>(this IServiceCollection services) where T : class, IDossierSectionExporter =>
        services.AddScoped<IDossierSectionExporter, T>();
}
