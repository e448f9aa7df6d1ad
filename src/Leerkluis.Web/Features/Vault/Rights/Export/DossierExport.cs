using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.Rights.Export;

/// <summary>The whole dossier as the requester may read it: the JSON document of Rights/README.md.</summary>
public sealed record DossierExportDocument(
    string Format, int Version, Guid LearnerId, string LearnerName, DateTime ExportedAtUtc, ExportRequester RequestedBy,
    IReadOnlyDictionary<string, object> Sections)
{
    public const string FormatName = "leerkluis.dossier-export";
}

public sealed record ExportRequester(string Relation, string Basis);

/// <summary>A rendered export: the document plus the summary parts in order, for the HTML page.</summary>
public sealed record DossierExportResult(DossierExportDocument Document, IReadOnlyList<ExportedSection> Parts);

/// <summary>
/// Access and portability (AVG art. 15 and 20): collects every registered section exporter the requester may
/// read. Each section's read is audited (Operation.Read, action "export") and committed before data leaves.
/// </summary>
public sealed class DossierExport(RightsAccess rights, DossierGuard guard, LeerkluisDb db, IEnumerable<IDossierSectionExporter> exporters, TimeProvider clock)
{
    public const AuditEvent Action = AuditEvent.Rights_Export;

    public async Task<DossierExportResult> ExportAsync(Guid learnerId, CancellationToken ct = default)
    {
        var holder = await rights.RequireAsync(learnerId, Right.Export, Action, ct);
        var audited = new HashSet<Section>();
        var sections = new Dictionary<string, object>();
        var parts = new List<ExportedSection>();
        foreach (var exporter in exporters.OrderBy(e => e.Order))
        {
            if (!(await guard.PeekAsync(learnerId, exporter.Section, Operation.Read, ct)).Allowed) continue;
            if (audited.Add(exporter.Section)) await guard.RequireAsync(learnerId, exporter.Section, Operation.Read, Action, ct);
            var part = await exporter.ExportAsync(learnerId, ct);
            sections[exporter.Key] = part.Data;
            parts.Add(part);
        }
        // The audit entries commit before any of the data is returned.
        await db.SaveChangesAsync(ct);

        var name = await db.Learners.Where(l => l.Id == learnerId)
            .Select(l => (l.CallName ?? l.FirstNames) + " " + (l.Prefix != null ? l.Prefix + " " : "") + l.LastName).FirstAsync(ct);
        var document = new DossierExportDocument(DossierExportDocument.FormatName, 1, learnerId, name, clock.GetUtcNow().UtcDateTime,
            new ExportRequester(holder.Relation.ToString(), holder.Basis.ToString()), sections);
        return new DossierExportResult(document, parts);
    }
}
