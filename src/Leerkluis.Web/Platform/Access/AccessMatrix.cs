namespace Leerkluis.Web.Platform.Access;

/// <summary>What a relation allows on a section. Portal: only what the school opened in the portal.</summary>
public enum Grant { None, Read, ReadWrite, ReadOwnWrite, Portal }

public enum Relation { Self, Guardian, Teacher, CareCoordinator, SchoolAdmin }

/// <summary>
/// The starting matrix of shared/ACCESS.md, in one place. Each cell is a test row
/// (AccessMatrixTests). Portal cells deny until the portal slice exists and opens them.
/// </summary>
public static class AccessMatrix
{
    private static readonly Dictionary<Section, Grant[]> Cells = new()
    {
        //                                 Self          Guardian             Teacher          CareCoordinator  SchoolAdmin
        [Section.Personalia] =      [Grant.Read,   Grant.Read,          Grant.Read,      Grant.Read,      Grant.ReadWrite],
        [Section.PersonalNumber] =  [Grant.Read,   Grant.Read,          Grant.None,      Grant.Read,      Grant.ReadWrite],
        [Section.Family] =          [Grant.Read,   Grant.Read,          Grant.Read,      Grant.Read,      Grant.ReadWrite],
        [Section.Enrolment] =       [Grant.Read,   Grant.Read,          Grant.Read,      Grant.Read,      Grant.ReadWrite],
        [Section.Absence] =         [Grant.Read,   Grant.ReadOwnWrite,  Grant.ReadWrite, Grant.Read,      Grant.ReadWrite],
        [Section.Medical] =         [Grant.Read,   Grant.ReadWrite,     Grant.Read,      Grant.Read,      Grant.None],
        [Section.Invoices] =        [Grant.None,   Grant.Read,          Grant.None,      Grant.None,      Grant.ReadWrite],
        [Section.Group] =           [Grant.Read,   Grant.Read,          Grant.Read,      Grant.Read,      Grant.ReadWrite],
        [Section.Schedule] =        [Grant.Read,   Grant.Read,          Grant.Read,      Grant.Read,      Grant.ReadWrite],
        [Section.Plans] =           [Grant.Portal, Grant.Portal,        Grant.Read,      Grant.ReadWrite, Grant.None],
        [Section.Reports] =         [Grant.Portal, Grant.Portal,        Grant.ReadWrite, Grant.Read,      Grant.Read],
        [Section.MethodTests] =     [Grant.Portal, Grant.Portal,        Grant.ReadWrite, Grant.Read,      Grant.None],
        [Section.StandardizedTests]=[Grant.Portal, Grant.Portal,        Grant.ReadWrite, Grant.Read,      Grant.None],
        [Section.Notes] =           [Grant.Portal, Grant.Portal,        Grant.ReadWrite, Grant.ReadWrite, Grant.None],
        [Section.CareNotes] =       [Grant.None,   Grant.Portal,        Grant.Read,      Grant.ReadWrite, Grant.None],
        [Section.TransferDossier] = [Grant.Read,   Grant.Read,          Grant.None,      Grant.ReadWrite, Grant.Read],
        // Documents is not in ACCESS.md; chosen like TransferDossier, with the school able to file documents.
        [Section.Documents] =       [Grant.Read,   Grant.Read,          Grant.None,      Grant.ReadWrite, Grant.ReadWrite],
        // The audit trail is read through its own rules (own part, own actions, school's trail).
        [Section.AuditTrail] =      [Grant.Read,   Grant.Read,          Grant.None,      Grant.None,      Grant.Read],
    };

    public static Grant GrantFor(Relation relation, Section section) =>
        Cells.TryGetValue(section, out var row) ? row[(int)relation] : Grant.None;

    /// <summary>Whether a grant allows an operation. Portal cells are closed until the portal opens them.</summary>
    public static bool Allows(Grant grant, Operation operation) => (grant, operation) switch
    {
        (Grant.Read, Operation.Read) => true,
        (Grant.ReadWrite, _) => true,
        (Grant.ReadOwnWrite, _) => true, // "own" (e.g. the guardian's own reports) is checked by the use case
        _ => false,
    };
}
