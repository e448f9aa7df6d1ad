namespace Leerkluis.Web.Platform.Access;

/// <summary>Every piece of dossier data belongs to exactly one section (DESIGN §2).</summary>
public enum Section
{
    Personalia, PersonalNumber, Family, Enrolment, Absence, Medical, Invoices, Group, Schedule,
    Plans, Reports, MethodTests, StandardizedTests, Notes, CareNotes, TransferDossier, Documents, AuditTrail,
    /// <summary>The learner's consents (who was granted what, until when): read and managed per the age rules.</summary>
    Consent,
}

public enum Sensitivity { Normal, Sensitive, Special }

public enum Operation { Read, Write }

/// <summary>Why access was allowed (DESIGN §2). Aggregate never opens a single dossier (analytics counts only).</summary>
public enum Basis { None, Self, Guardian, Enrolment, LegalDuty, Transfer, Consent, Aggregate }

public static class SectionInfo
{
    public static Sensitivity SensitivityOf(Section s) => s switch
    {
        Section.Medical or Section.Plans or Section.CareNotes => Sensitivity.Special,
        Section.PersonalNumber or Section.Absence or Section.Family or Section.Notes or Section.TransferDossier or Section.Consent => Sensitivity.Sensitive,
        _ => Sensitivity.Normal,
    };
}
