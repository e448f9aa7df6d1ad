using Leerkluis.Web.Features.Vault.Rights.Corrections;
using Leerkluis.Web.Features.Vault.Rights.Objections;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.Rights.Export;

public sealed record CorrectionExport(DateTime RequestedUtc, string Status, string? Note, DateTime? HandledUtc, string? Reason,
    IReadOnlyList<CorrectionChangeExport> Changes);
public sealed record CorrectionChangeExport(string Field, string? PreviousValue, string? ProposedValue);

/// <summary>The family's correction requests and the school's decisions are part of the dossier too.</summary>
internal sealed class CorrectionRequestExporter(LeerkluisDb db) : IDossierSectionExporter
{
    public string Key => "correctionRequests";
    public Section Section => Section.Personalia;
    public int Order => 180;

    public async Task<ExportedSection> ExportAsync(Guid learnerId, CancellationToken ct)
    {
        var list = await db.Set<CorrectionRequest>().AsNoTracking().Include(r => r.Changes).Where(r => r.LearnerId == learnerId)
            .OrderByDescending(r => r.RequestedUtc).ToListAsync(ct);
        var data = list.Select(r => new CorrectionExport(r.RequestedUtc, r.Status.ToString(), r.Note, r.HandledUtc, r.Reason,
            r.Changes.OrderBy(c => c.Field).Select(c => new CorrectionChangeExport(char.ToLowerInvariant(c.Field.ToString()[0]) + c.Field.ToString()[1..], c.CurrentValue, c.ProposedValue)).ToList())).ToList();
        var table = new SummaryTable(["Aangevraagd", "Gegevens", "Beslissing"],
            list.Select(r => (IReadOnlyList<string>)[Amsterdam.DateTime(r.RequestedUtc),
                string.Join("; ", r.Changes.OrderBy(c => c.Field).Select(c => $"{CorrectionFields.Label(c.Field)}: {CorrectionFields.Display(c.Field, c.ProposedValue)}")),
                r.Status switch
                {
                    CorrectionStatus.Approved => "goedgekeurd",
                    CorrectionStatus.Rejected => $"afgewezen: {r.Reason}",
                    _ => "in behandeling",
                }]).ToList(),
            "Geen correctieverzoeken.");
        return new ExportedSection("Correctieverzoeken", data, [table]);
    }
}

public sealed record ObjectionExport(string Purpose, string Name, DateTime ObjectedUtc, DateTime? WithdrawnUtc);

internal sealed class ObjectionExporter(LeerkluisDb db) : IDossierSectionExporter
{
    public string Key => "objections";
    public Section Section => Section.Personalia;
    public int Order => 190;

    public async Task<ExportedSection> ExportAsync(Guid learnerId, CancellationToken ct)
    {
        var list = await db.Set<Objection>().AsNoTracking().Where(o => o.LearnerId == learnerId).OrderBy(o => o.ObjectedUtc).ToListAsync(ct);
        var data = list.Select(o => new ObjectionExport(o.Purpose.ToString(), ProcessingPurposes.Of(o.Purpose).Name, o.ObjectedUtc, o.WithdrawnUtc)).ToList();
        var table = new SummaryTable(["Verwerking", "Bezwaar sinds", "Ingetrokken"],
            list.Select(o => (IReadOnlyList<string>)[ProcessingPurposes.Of(o.Purpose).Name, Amsterdam.DateTime(o.ObjectedUtc),
                o.WithdrawnUtc is { } w ? Amsterdam.DateTime(w) : "–"]).ToList(),
            "Geen bezwaren.");
        return new ExportedSection("Bezwaren tegen verwerking", data, [table]);
    }
}
