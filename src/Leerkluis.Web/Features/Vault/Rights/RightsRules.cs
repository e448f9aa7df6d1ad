using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Web.Features.Vault.Rights;

/// <summary>The AVG rights a family exercises on a dossier (GLOSSARY: Gdpr Access, Portability, Rectification; and objection).</summary>
public enum Right { Export, Correction, Objection }

/// <summary>
/// Who may exercise a right for a learner (ACCESS.md "Age"): under 16 the guardians with authority, from 16 the
/// learner. Reading one's own dossier is never age-bound, so a learner may download the export at any age.
/// </summary>
public static class RightsRules
{
    public const int AgeOfOwnDecision = 16;

    public static bool MayExercise(Relation relation, int? age, Right right) => relation switch
    {
        // Without a known birth date the child is treated as a minor: the guardian keeps acting.
        Relation.Guardian => age is null or < AgeOfOwnDecision,
        Relation.Self => right == Right.Export || age is >= AgeOfOwnDecision,
        _ => false,
    };
}
