namespace Leerkluis.Web.Platform.Access;

/// <summary>
/// What each system actor may do in a dossier, and on which basis: the system's column of the access matrix. A job
/// that is not listed for a section and operation cannot record an allowed entry for it (the guard throws).
/// </summary>
public static class SystemAccess
{
    private static readonly Dictionary<SystemActor, Dictionary<(Section, Operation), Basis>> Cells = new()
    {
        // Seeding and registry imports from the operator's command line act for the school whose data they load.
        [SystemActor.Operator] = new()
        {
            [(Section.Personalia, Operation.Read)] = Basis.Enrolment,
            [(Section.Personalia, Operation.Write)] = Basis.Enrolment,
            [(Section.PersonalNumber, Operation.Write)] = Basis.Enrolment,
            [(Section.Family, Operation.Write)] = Basis.Enrolment,
            [(Section.Enrolment, Operation.Write)] = Basis.Enrolment,
            [(Section.Group, Operation.Write)] = Basis.Enrolment,
        },
        // Reports and signals by the absence rule (Leerplichtwet art. 21a): the school's legal duty, not a person's look.
        [SystemActor.AbsenceRule] = new() { [(Section.Absence, Operation.Write)] = Basis.LegalDuty },
        // Mailing a guardian that their child is absent reads the absence the school holds.
        [SystemActor.GuardianAlerts] = new() { [(Section.Absence, Operation.Read)] = Basis.Enrolment },
        // Opening and closing a leerplicht case for a registered learner.
        [SystemActor.LeerplichtSweep] = new() { [(Section.Enrolment, Operation.Write)] = Basis.LegalDuty },
    };

    /// <summary>The basis on which <paramref name="who"/> may do this, or null when it may not.</summary>
    public static Basis? BasisFor(SystemActor who, Section section, Operation operation) =>
        Cells.TryGetValue(who, out var cells) && cells.TryGetValue((section, operation), out var basis) ? basis : null;
}
