namespace Leerkluis.Web.Features.Registry.Learners;

/// <summary>
/// One child, one registration: a personal number belongs to at most one learner. The claim table's key enforces it in
/// the database; this is where it is decided and worded, for one learner (RegisterLearner) or a batch (RegistryBatch).
/// </summary>
public static class NumberClaimRule
{
    public const string Taken =
        "Er bestaat al een leerling met dit nummer. Een leerling wordt nooit twee keer geregistreerd: schrijf de bestaande leerling in.";

    public const string TwiceInBatch = "Dit nummer staat ook bij een andere leerling in dezelfde registratie. Een leerling wordt nooit twee keer geregistreerd.";

    /// <summary>
    /// For each entry of a batch that wants a number: null when it may have it, else why not. <paramref name="claims"/>
    /// (number → holder) may be empty to check the batch against itself only.
    /// </summary>
    public static NumberRefusal?[] Check(IReadOnlyList<(Guid LearnerId, string Number)?> wanted, IReadOnlyDictionary<string, Guid> claims)
    {
        var refusals = new NumberRefusal?[wanted.Count];
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < wanted.Count; i++)
        {
            if (wanted[i] is not { } entry) continue;
            var (learnerId, number) = entry;
            if (claims.TryGetValue(number, out var holder) && holder != learnerId) refusals[i] = new NumberRefusal(holder, null);
            else if (first.TryGetValue(number, out var earlier)) refusals[i] = new NumberRefusal(null, earlier);
            else first[number] = i;
        }
        return refusals;
    }
}

/// <summary>Why a number cannot be claimed: another learner holds it, or an earlier entry (index) of the same batch wants it.</summary>
public sealed record NumberRefusal(Guid? HeldBy, int? SameAsEntry)
{
    public string Message => HeldBy is not null ? NumberClaimRule.Taken : NumberClaimRule.TwiceInBatch;
}
