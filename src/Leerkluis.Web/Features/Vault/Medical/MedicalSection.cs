using System.Text.Json;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Crypto;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Vault.Medical;

/// <summary>What the reader may see of the Medical section. NeedToKnowOnly: a teacher's view, only the shared items.</summary>
public sealed record MedicalView(Guid LearnerId, string LearnerName, MedicalData Data, bool NeedToKnowOnly, bool CanEdit, DateTime? UpdatedUtc);

/// <summary>
/// Reading and writing the Medical section. Guardians read and write, the learner and the care coordinator read
/// everything, a teacher of the learner's group reads only need-to-know items, anyone else gets 404 (ACCESS.md).
/// Every read and write is audited through <see cref="DossierGuard"/>; the content is sealed with the learner's key.
/// </summary>
public sealed class MedicalSection(LeerkluisDb db, DossierGuard guard, LearnerKeys keys, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<MedicalView> ReadAsync(Guid learnerId, CancellationToken ct = default)
    {
        var decision = await guard.ReadAsync(learnerId, Section.Medical, AuditEvent.Medical_Viewed, ct);
        var (data, updated) = await LoadAsync(learnerId, ct);
        // The name heads the page; like the search lists it is the registry's index, not a Personalia read (ADR 0003).
        var name = await db.Learners.AsNoTracking().Where(l => l.Id == learnerId)
            .Select(l => new { l.CallName, l.FirstNames, l.Prefix, l.LastName }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var teacher = decision.Relation == Relation.Teacher;
        var canEdit = decision.Relation is { } r && AccessMatrix.Allows(AccessMatrix.GrantFor(r, Section.Medical), Operation.Write);
        return new MedicalView(learnerId, PersonName.Format(name.CallName ?? name.FirstNames, name.Prefix, name.LastName), teacher ? data.NeedToKnowOnly() : data, teacher, canEdit, updated);
    }

    /// <summary>Replaces the whole section (the guardian's form and PUT both send all of it).</summary>
    public async Task SaveAsync(Guid learnerId, MedicalData input, CancellationToken ct = default)
    {
        await guard.RequireAsync(learnerId, Section.Medical, Operation.Write, AuditEvent.Medical_Updated, ct);
        var data = input.Normalize();
        var record = await db.Set<MedicalRecord>().FirstOrDefaultAsync(m => m.LearnerId == learnerId, ct);
        var sealedData = await keys.SealAsync(learnerId, MedicalRecord.SealedField, JsonSerializer.Serialize(data, Json), ct);
        if (record is null)
        {
            record = new MedicalRecord { LearnerId = learnerId, Id = Guid.CreateVersion7(), Sealed = sealedData };
            db.Add(record);
        }
        record.Sealed = sealedData;
        record.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        record.UpdatedByUserId = guard.Actor.UserId;
        // One SaveChanges: the audit entry, the sealed record and (the first time) the learner's new key commit together.
        await db.SaveChangesAsync(ct);
    }

    private async Task<(MedicalData Data, DateTime? Updated)> LoadAsync(Guid learnerId, CancellationToken ct)
    {
        var record = await db.Set<MedicalRecord>().AsNoTracking().FirstOrDefaultAsync(m => m.LearnerId == learnerId, ct);
        if (record is null) return (MedicalData.Empty, null);
        var json = await keys.OpenAsync(learnerId, MedicalRecord.SealedField, record.Sealed, ct);
        return (JsonSerializer.Deserialize<MedicalData>(json, Json) ?? MedicalData.Empty, record.UpdatedUtc);
    }
}
