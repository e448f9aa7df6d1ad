using Leerkluis.Web.Platform.Errors;

namespace Leerkluis.Web.Features.Vault.Medical;

/// <summary>An allergy, medication or condition. NeedToKnow: the guardian shares it with the learner's teachers.</summary>
public sealed record MedicalItem(string? Name, string? Notes, bool NeedToKnow);

public sealed record EmergencyContact(string? Name, string? Relation, string? Phone, bool NeedToKnow);

/// <summary>The huisarts.</summary>
public sealed record GeneralPractitioner(string? Name, string? Phone, bool NeedToKnow);

/// <summary>The content of the Medical section, as the guardian writes it and the API carries it.</summary>
public sealed record MedicalData(
    IReadOnlyList<MedicalItem>? Allergies, IReadOnlyList<MedicalItem>? Medications, IReadOnlyList<MedicalItem>? Conditions,
    IReadOnlyList<EmergencyContact>? EmergencyContacts, GeneralPractitioner? GeneralPractitioner)
{
    public static readonly MedicalData Empty = new([], [], [], [], null);

    public const int MaxItems = 20;

    /// <summary>
    /// What a teacher reads (ACCESS.md: only the items the guardian marked as need-to-know, such as allergies and
    /// emergency contacts). The one place this rule lives.
    /// </summary>
    public MedicalData NeedToKnowOnly() => new(
        (Allergies ?? []).Where(i => i.NeedToKnow).ToList(),
        (Medications ?? []).Where(i => i.NeedToKnow).ToList(),
        (Conditions ?? []).Where(i => i.NeedToKnow).ToList(),
        (EmergencyContacts ?? []).Where(c => c.NeedToKnow).ToList(),
        GeneralPractitioner is { NeedToKnow: true } gp ? gp : null);

    public bool IsEmpty => (Allergies ?? []).Count + (Medications ?? []).Count + (Conditions ?? []).Count
        + (EmergencyContacts ?? []).Count == 0 && GeneralPractitioner is null;

    /// <summary>Trims texts, drops empty rows and checks every line; throws with a message per line and field.</summary>
    public MedicalData Normalize()
    {
        var v = new Validation();
        var allergies = Items(v, "allergies", "Allergie", Allergies);
        var medications = Items(v, "medications", "Medicijn", Medications);
        var conditions = Items(v, "conditions", "Aandoening", Conditions);

        var contacts = new List<EmergencyContact>();
        foreach (var (c, i) in (EmergencyContacts ?? []).Select((c, i) => (c, i)))
        {
            var name = Trim(c.Name); var relation = Trim(c.Relation); var phone = Trim(c.Phone);
            if (name is null && relation is null && phone is null) continue;
            var field = $"emergencyContacts[{i}]";
            var label = $"Contact bij nood {i + 1}";
            if (name is null) v.Add($"{field}.name", $"{label}: naam is verplicht.");
            else if (name.Length > 200) v.Add($"{field}.name", $"{label}: de naam mag hoogstens 200 tekens lang zijn.");
            if (relation is { Length: > 100 }) v.Add($"{field}.relation", $"{label}: de relatie mag hoogstens 100 tekens lang zijn.");
            if (phone is null) v.Add($"{field}.phone", $"{label}: telefoonnummer is verplicht.");
            else if (!PhoneNumber.IsPlausible(phone)) v.Add($"{field}.phone", $"{label}: vul een telefoonnummer in, bijvoorbeeld 06 12345678.");
            contacts.Add(new EmergencyContact(name, relation, phone, c.NeedToKnow));
        }
        if (contacts.Count > MaxItems) v.Add("emergencyContacts", $"Hoogstens {MaxItems} contacten bij nood.");

        GeneralPractitioner? gp = null;
        if (GeneralPractitioner is { } g && (Trim(g.Name) ?? Trim(g.Phone)) is not null)
        {
            gp = new GeneralPractitioner(Trim(g.Name), Trim(g.Phone), g.NeedToKnow);
            if (gp.Name is null) v.Add("generalPractitioner.name", "Huisarts: naam is verplicht.");
            else if (gp.Name.Length > 200) v.Add("generalPractitioner.name", "Huisarts: de naam mag hoogstens 200 tekens lang zijn.");
            if (gp.Phone is not null && !PhoneNumber.IsPlausible(gp.Phone))
                v.Add("generalPractitioner.phone", "Huisarts: vul een telefoonnummer in, bijvoorbeeld 030 1234567.");
        }
        v.ThrowIfInvalid();
        return new MedicalData(allergies, medications, conditions, contacts, gp);
    }

    private static List<MedicalItem> Items(Validation v, string list, string label, IReadOnlyList<MedicalItem>? items)
    {
        var result = new List<MedicalItem>();
        foreach (var (item, i) in (items ?? []).Select((item, i) => (item, i)))
        {
            var name = Trim(item.Name); var notes = Trim(item.Notes);
            if (name is null && notes is null) continue;
            if (name is null) v.Add($"{list}[{i}].name", $"{label} {i + 1}: vul in wat het is.");
            else if (name.Length > 200) v.Add($"{list}[{i}].name", $"{label} {i + 1}: hoogstens 200 tekens.");
            if (notes is { Length: > 1000 }) v.Add($"{list}[{i}].notes", $"{label} {i + 1}: de toelichting mag hoogstens 1000 tekens lang zijn.");
            result.Add(new MedicalItem(name, notes, item.NeedToKnow));
        }
        if (result.Count > MaxItems) v.Add(list, $"{label}: hoogstens {MaxItems} regels.");
        return result;
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public static class PhoneNumber
{
    /// <summary>Digits with the usual separators (spaces, dashes, brackets, a leading +), 6 to 20 digits.</summary>
    public static bool IsPlausible(string phone)
    {
        if (phone.Length > 30 || !phone.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-' or '(' or ')' or '+')) return false;
        if (phone.IndexOf('+') > 0) return false;
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 20;
    }
}
