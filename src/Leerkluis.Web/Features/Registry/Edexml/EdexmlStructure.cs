using System.Xml;
using System.Xml.Linq;

namespace Leerkluis.Web.Features.Registry.Edexml;

/// <summary>
/// Checks a document against <see cref="EdexmlSchema"/>: content models, attributes, simple types and the identity
/// constraints of EDEXML.structuur.xsd. Every problem is tied to the record element it occurs in (a group, teacher
/// or learner) so that skipInvalid can skip exactly that record; anything else belongs to the file.
/// </summary>
internal sealed class EdexmlStructure
{
    public List<EdexmlProblem> FileProblems { get; } = [];
    public Dictionary<XElement, List<EdexmlProblem>> RecordProblems { get; } = new(ReferenceEqualityComparer.Instance);

    private static readonly Dictionary<string, EdexmlRecordType> RecordLists = new()
    {
        ["groepen"] = EdexmlRecordType.Group, ["leerlingen"] = EdexmlRecordType.Learner, ["leerkrachten"] = EdexmlRecordType.Staff,
    };

    public static EdexmlStructure Validate(XDocument doc)
    {
        var s = new EdexmlStructure();
        var root = doc.Root!;
        if (root.Name != XName.Get(EdexmlSchema.Root.Name))
        {
            s.FileProblems.Add(new EdexmlProblem(EdexmlProblemKind.Structure,
                $"Dit is geen Edexml-bestand: het hoofdelement heet <{Show(root.Name)}>, verwacht is <EDEX>.", "/" + Show(root.Name), LineOf(root)));
            return s;
        }
        s.Element(root, EdexmlSchema.Root, "/EDEX", null);
        s.IdentityConstraints(root);
        return s;
    }

    public static int LineOf(XObject o) => ((IXmlLineInfo)o).HasLineInfo() ? ((IXmlLineInfo)o).LineNumber : 0;

    public static string Show(XName name) => name.NamespaceName.Length == 0 ? name.LocalName : $"{{{name.NamespaceName}}}{name.LocalName}";

    private void Add(XElement? record, XObject at, string path, string message)
    {
        var p = new EdexmlProblem(EdexmlProblemKind.Structure, message, path, LineOf(at),
            record is null ? null : RecordTypeOf(record), record?.Attribute("key")?.Value);
        if (record is null) FileProblems.Add(p);
        else
        {
            if (!RecordProblems.TryGetValue(record, out var list)) RecordProblems[record] = list = [];
            list.Add(p);
        }
    }

    public static EdexmlRecordType? RecordTypeOf(XElement e) =>
        e.Parent is { } list && list.Parent is { Parent: null } && RecordLists.TryGetValue(list.Name.LocalName, out var t) ? t : null;

    private void Element(XElement e, El decl, string path, XElement? record)
    {
        switch (decl.Type)
        {
            case SimpleT simple:
                foreach (var a in e.Attributes().Where(a => !IsSchemaAttribute(a)))
                    Add(record, a, path, $"Attribuut '{Show(a.Name)}' is niet toegestaan op <{decl.Name}>.");
                if (e.HasElements)
                {
                    Add(record, e, path, $"<{decl.Name}> mag alleen tekst bevatten, geen elementen.");
                    return;
                }
                if (simple.Check(e.Value) is { } complaint) Add(record, e, path, $"<{decl.Name}>: {complaint}.");
                break;
            case ComplexT complex:
                Complex(e, decl.Name, complex, path, record);
                break;
            case ExtensionBlockT block:
                var typeName = e.Attribute(EdexmlSchema.Xsi + "type")?.Value;
                var local = typeName?[(typeName.IndexOf(':') + 1)..];
                if (local is null) Add(record, e, path, $"<{decl.Name}> moet met xsi:type aangeven welk soort toevoeging het is.");
                else if (!block.Types.TryGetValue(local, out var concrete)) Add(record, e, path, $"<{decl.Name}>: het type '{typeName}' is onbekend.");
                else Complex(e, decl.Name, concrete, path, record);
                break;
        }
    }

    private static bool IsSchemaAttribute(XAttribute a) => a.IsNamespaceDeclaration || a.Name.Namespace == EdexmlSchema.Xsi;

    private void Complex(XElement e, string name, ComplexT type, string path, XElement? record)
    {
        foreach (var a in e.Attributes().Where(a => !IsSchemaAttribute(a)))
        {
            var attr = a.Name.NamespaceName.Length == 0 ? type.Attributes.FirstOrDefault(x => x.Name == a.Name.LocalName) : null;
            if (attr is null) Add(record, a, path, $"Attribuut '{Show(a.Name)}' is niet toegestaan op <{name}>.");
            else if (attr.Type.Check(a.Value) is { } complaint) Add(record, a, path + "/@" + attr.Name, $"Attribuut '{attr.Name}' van <{name}>: {complaint}.");
        }
        foreach (var attr in type.Attributes.Where(x => x.Required && e.Attribute(x.Name) is null))
            Add(record, e, path, $"<{name}> mist het verplichte attribuut '{attr.Name}'.");
        foreach (var text in e.Nodes().OfType<XText>().Where(t => !string.IsNullOrWhiteSpace(t.Value)))
            Add(record, text, path, $"<{name}> mag geen losse tekst bevatten ('{EdexmlSchema.Shorten(text.Value.Trim())}').");

        var kids = e.Elements().ToList();
        var matchedBy = new El?[kids.Count];
        var failure = new Failure();
        var end = type.Content is null ? 0 : Match(type.Content, kids, 0, matchedBy, failure);
        if (end < 0 || end < kids.Count)
        {
            var at = end >= 0 ? end : failure.Position;
            var expected = at == failure.Position ? string.Join(", ", failure.Expected.Distinct().Select(x => $"<{x}>")) : "";
            if (at < kids.Count)
                Add(record, kids[at], path + "/" + Show(kids[at].Name),
                    $"Element <{Show(kids[at].Name)}> is hier niet toegestaan in <{name}>" + (expected.Length > 0 ? $"; verwacht: {expected}." : "."));
            else
                Add(record, e, path, $"In <{name}> ontbreekt het verplichte element {expected}.");
        }

        var seen = new Dictionary<string, int>();
        for (var i = 0; i < kids.Count; i++)
        {
            var kid = kids[i];
            var local = Show(kid.Name);
            seen[local] = seen.GetValueOrDefault(local) + 1;
            if (matchedBy[i] is not { } decl) continue;
            var kidPath = $"{path}/{local}[{seen[local]}]";
            // A record starts at the children of groepen, leerlingen and leerkrachten directly under EDEX.
            var kidRecord = record ?? (RecordTypeOf(kid) is not null ? kid : null);
            Element(kid, decl, kidPath, kidRecord);
        }
    }

    private sealed class Failure
    {
        public int Position = -1;
        public List<string> Expected { get; } = [];
        public void Note(int pos, IEnumerable<string> names)
        {
            if (pos > Position) { Position = pos; Expected.Clear(); }
            if (pos == Position) Expected.AddRange(names);
        }
    }

    // Greedy matching is exact here: XSD's Unique Particle Attribution rule makes every content model deterministic.
    private static int Match(Particle p, List<XElement> kids, int pos, El?[] matchedBy, Failure f)
    {
        var count = 0;
        var cur = pos;
        while (count < p.Max)
        {
            var next = Once(p, kids, cur, matchedBy, f);
            if (next < 0) break;
            var progressed = next > cur;
            cur = next;
            count++;
            if (!progressed && count >= p.Min) break;
        }
        return count >= p.Min ? cur : -1;
    }

    private static int Once(Particle p, List<XElement> kids, int pos, El?[] matchedBy, Failure f)
    {
        switch (p)
        {
            case El el:
                if (pos < kids.Count && kids[pos].Name == XName.Get(el.Name)) { matchedBy[pos] = el; return pos + 1; }
                f.Note(pos, [el.Name]);
                return -1;
            case Seq seq:
                var cur = pos;
                foreach (var item in seq.Items)
                {
                    cur = Match(item, kids, cur, matchedBy, f);
                    if (cur < 0) return -1;
                }
                return cur;
            case Choice choice:
                if (pos < kids.Count)
                {
                    var name = kids[pos].Name;
                    foreach (var alt in choice.Items)
                        if (First(alt).Any(n => XName.Get(n) == name)) return Match(alt, kids, pos, matchedBy, f);
                }
                f.Note(pos, choice.Items.SelectMany(First));
                return choice.Items.Any(Nullable) ? pos : -1;
            default:
                throw new InvalidOperationException(p.GetType().Name);
        }
    }

    private static IEnumerable<string> First(Particle p) => p switch
    {
        El el => [el.Name],
        Choice c => c.Items.SelectMany(First),
        Seq s => FirstOfSequence(s.Items),
        _ => [],
    };

    private static IEnumerable<string> FirstOfSequence(Particle[] items)
    {
        foreach (var item in items)
        {
            foreach (var n in First(item)) yield return n;
            if (!Nullable(item)) yield break;
        }
    }

    private static bool Nullable(Particle p) => p.Min == 0 || p switch
    {
        Seq s => s.Items.All(Nullable),
        Choice c => c.Items.Any(Nullable),
        _ => false,
    };

    /// <summary>xs:key, xs:unique and xs:keyref of EDEXML.structuur.xsd.</summary>
    private void IdentityConstraints(XElement root)
    {
        var groups = root.Element("groepen")?.Elements().ToList() ?? [];
        var plainKeys = Keys(groups.Where(g => g.Name == "groep"));
        var combinedKeys = Keys(groups.Where(g => g.Name == "samengestelde_groep"));
        Unique(groups, "key", "groepsleutel");
        var learners = root.Element("leerlingen")?.Elements("leerling").ToList() ?? [];
        Unique(learners, "key", "leerlingsleutel");
        Unique(learners, "eckid", "ECK iD van een leerling");
        var teachers = root.Element("leerkrachten")?.Elements("leerkracht").ToList() ?? [];
        Unique(teachers, "key", "leerkrachtsleutel");
        Unique(teachers, "eckid", "ECK iD van een leerkracht");
        var locations = root.Element("vestigingen")?.Elements("vestiging").ToList() ?? [];
        Unique(locations, "key", "vestigingssleutel");
        var locationKeys = Keys(locations);

        foreach (var l in learners)
        {
            Refer(l, l.Elements("groep"), plainKeys, "groep");
            Refer(l, l.Elements("samengestelde_groepen").Elements("samengestelde_groep"), combinedKeys, "samengestelde groep");
            Refer(l, l.Elements("vestiging"), locationKeys, "vestiging");
        }
        foreach (var t in teachers)
        {
            Refer(t, t.Elements("groepen").Elements("groep"), plainKeys, "groep");
            Refer(t, t.Elements("groepen").Elements("samengestelde_groep"), combinedKeys, "samengestelde groep");
        }
    }

    private static HashSet<string> Keys(IEnumerable<XElement> elements) =>
        elements.Select(e => e.Attribute("key")?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private void Unique(List<XElement> elements, string attribute, string label)
    {
        var seen = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var e in elements)
        {
            if (e.Attribute(attribute)?.Value is not { } value) continue;
            if (seen.TryGetValue(value, out var first))
                Add(Owner(e), e, PathOf(e), $"De {label} '{EdexmlSchema.Shorten(value)}' komt vaker voor (ook op regel {LineOf(first)}).");
            else seen[value] = e;
        }
    }

    private void Refer(XElement owner, IEnumerable<XElement> references, HashSet<string> keys, string label)
    {
        foreach (var r in references)
            if (r.Attribute("key")?.Value is { } key && !keys.Contains(key))
                Add(owner, r, PathOf(r), $"Verwijzing naar {label} '{EdexmlSchema.Shorten(key)}', maar die {label} staat niet in het bestand.");
    }

    private static XElement? Owner(XElement e) => RecordTypeOf(e) is not null ? e : null;

    /// <summary>Path with 1-based positions among same-named siblings (for problems found outside the main walk).</summary>
    public static string PathOf(XElement e)
    {
        var parts = new List<string>();
        for (var x = e; x is not null; x = x.Parent)
        {
            var index = x.Parent is null ? 0 : x.ElementsBeforeSelf(x.Name).Count() + 1;
            parts.Add(index == 0 ? Show(x.Name) : $"{Show(x.Name)}[{index}]");
        }
        parts.Reverse();
        return "/" + string.Join('/', parts);
    }
}
