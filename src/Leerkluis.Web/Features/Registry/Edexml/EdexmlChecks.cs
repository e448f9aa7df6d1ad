namespace Leerkluis.Web.Features.Registry.Edexml;

/// <summary>
/// The checks the XSD cannot make, record by record, each problem with its element path and line: the file's school,
/// the elfproef, dates that cannot be right, lengths of our columns. The planner adds the ones that need the database.
/// </summary>
internal static class EdexmlChecks
{
    public static void CheckSchool(FileSchool fs, School school, EdexmlImportPlan plan)
    {
        if (fs.Brin is null)
            plan.FileProblems.Add(Business("Het bestand heeft geen <brincode>. Leerkluis leest alleen Edexml-bestanden van Nederlandse scholen met een brincode.",
                fs.Record.Path, fs.Record.Line));
        else if (fs.Brin != school.Brin || (fs.LocationCode ?? "00") != school.LocationCode)
            plan.FileProblems.Add(Business(
                $"Dit bestand is van school {fs.Brin}{fs.LocationCode}, niet van {school.Name} ({school.Code}). Kies de juiste school of het juiste bestand.",
                fs.Record.Path + "/brincode[1]", fs.Record.Line));
        if (fs.Version is { } v && !v.Trim().StartsWith("2.", StringComparison.Ordinal))
            plan.FileProblems.Add(Business($"Edexml-versie '{EdexmlSchema.Shorten(v)}' wordt niet ondersteund; Leerkluis leest Edexml 2.0 en 2.1.",
                fs.Record.Path + "/xsdversie[1]", fs.Record.Line));
    }

    public static EdexmlProblem Business(string message, string? path, int? line, EdexmlRecord? record = null) =>
        new(EdexmlProblemKind.Business, message, path, line, record?.Type, record?.Key);

    public static void Problem(EdexmlRecord record, string message, string? path = null, int? line = null) =>
        record.Problems.Add(Business(message, path ?? record.Path, line ?? record.Line, record));


    public static string Label(string element) => element switch
    {
        "bsn" => "BSN",
        "onderwijsnummer" => "onderwijsnummer",
        "sofinummer" => "sofinummer",
        _ => "nummer",
    };


    public static void CheckLearner(FileLearner l, DateOnly today)
    {
        var rec = l.Record;
        if (rec.Key.Length > 128) Problem(rec, "De sleutel (key) van deze leerling is langer dan 128 tekens; Leerkluis kan hem niet bewaren.");
        if (l.Number is { Element: not "bsn_ondwnr-4" } n && PersonalNumber.Check(n.Value) is { IsValid: false } check)
            Problem(rec, $"<{n.Element}> van leerling '{rec.Key}' ({rec.Name}): {check.Error} Corrigeer het nummer in de leerlingadministratie of laat het weg; de leerling wordt niet ingelezen.", n.Path, n.Line);
        if (l.BirthDate is { } born && born > today) Problem(rec, "De geboortedatum ligt in de toekomst.", rec.Path + "/geboortedatum[1]");
        if (l.BirthDate is { } b && l.InflowDate is { } i && i < b) Problem(rec, "De instroomdatum ligt vóór de geboortedatum.", rec.Path + "/instroomdatum[1]");
        if (l.PostalCode is { Length: > 10 }) Problem(rec, "De postcode is langer dan 10 tekens.");
    }
}
