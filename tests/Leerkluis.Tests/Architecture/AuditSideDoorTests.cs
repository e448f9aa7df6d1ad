using System.Reflection;
using System.Reflection.Emit;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;

namespace Leerkluis.Tests.Architecture;

/// <summary>
/// No way around <see cref="DossierGuard"/>: read from the compiled IL of Leerkluis.Web (async state machines and lambdas
/// included), not from the source text. Only the guard writes to the audit log, only the access decision builds a
/// decision, and nothing outside the kernel compares a role with "System". Each rule also checks that it saw the
/// kernel's own uses, so a scan that reads nothing fails instead of passing.
/// </summary>
public sealed class AuditSideDoorTests
{
    private static readonly Assembly Web = typeof(AuditLog).Assembly;

    private static readonly Dictionary<short, OpCode> OneByte = OpCodesOf(b => (ushort)b.Value < 0x100);
    private static readonly Dictionary<short, OpCode> TwoByte = OpCodesOf(b => (ushort)b.Value >= 0x100);

    private static Dictionary<short, OpCode> OpCodesOf(Func<OpCode, bool> which) =>
        typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!)
            .Where(which).ToDictionary(o => unchecked((short)((ushort)o.Value & 0xFF)));

    private sealed record Use(Type Caller, string Method, object Target);

    /// <summary>Every method call, constructor call and string literal in the web assembly, with the type that holds it.</summary>
    private static readonly Lazy<List<Use>> Uses = new(() =>
    {
        var uses = new List<Use>();
        foreach (var type in Web.GetTypes())
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
                uses.AddRange(Scan(type, method));
        }
        return uses;
    });

    private static IEnumerable<Use> Scan(Type type, MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception e) when (e is InvalidOperationException or BadImageFormatException) { yield break; }
        if (il is null) yield break;
        var typeArgs = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var op = il[i] == 0xFE ? TwoByte[il[++i]] : OneByte[il[i]];
            i++;
            var size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            if (op.OperandType == OperandType.InlineMethod)
                yield return new Use(type, method.Name, method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArgs, methodArgs)!);
            else if (op.OperandType == OperandType.InlineString)
                yield return new Use(type, method.Name, method.Module.ResolveString(BitConverter.ToInt32(il, i)));
            i += size;
        }
    }

    private static bool Within(Type caller, params Type[] owners)
    {
        for (var t = caller; t is not null; t = t.DeclaringType)
            if (owners.Contains(t)) return true;
        return false;
    }

    private static string Describe(IEnumerable<Use> uses) =>
        string.Join(Environment.NewLine, uses.Select(u => $"{u.Caller.FullName}.{u.Method} → {u.Target}").Distinct());

    [Fact]
    public void AuditLog_WrittenOnlyByTheGuard()
    {
        var writes = Uses.Value.Where(u => u.Target is MethodInfo m && m.DeclaringType == typeof(AuditLog) && m.Name != nameof(AuditLog.VerifyAsync))
            .Where(u => !Within(u.Caller, typeof(AuditLog))).ToList();
        Assert.Contains(writes, u => Within(u.Caller, typeof(DossierGuard)));
        var outside = writes.Where(u => !Within(u.Caller, typeof(DossierGuard))).ToList();
        Assert.True(outside.Count == 0, "Write audit entries through DossierGuard:" + Environment.NewLine + Describe(outside));
    }

    [Fact]
    public void AuditEntry_CreatedOnlyInTheAuditKernel()
    {
        var created = Uses.Value.Where(u => u.Target is ConstructorInfo c && c.DeclaringType == typeof(AuditEntry)).ToList();
        Assert.Contains(created, u => Within(u.Caller, typeof(AuditLog)));
        var outside = created.Where(u => u.Caller.Namespace != typeof(AuditLog).Namespace).ToList();
        Assert.True(outside.Count == 0, "Only Platform/Audit creates audit entries:" + Environment.NewLine + Describe(outside));
    }

    [Fact]
    public void Decision_BuiltOnlyByTheAccessDecision()
    {
        // A constructor call or a `with` copy (<Clone>$) of a Decision is building one by hand.
        var built = Uses.Value.Where(u => u.Target is MethodBase m && m.DeclaringType == typeof(Decision) && (m is ConstructorInfo || m.Name == "<Clone>$"))
            .Where(u => u.Caller != typeof(Decision)).ToList();
        Assert.Contains(built, u => Within(u.Caller, typeof(AccessDecision)));
        var outside = built.Where(u => !Within(u.Caller, typeof(AccessDecision))).ToList();
        Assert.True(outside.Count == 0, "Ask AccessDecision (through DossierGuard) instead of building a Decision:" + Environment.NewLine + Describe(outside));
    }

    [Fact]
    public void SystemRole_ComparedNowhereOutsideTheKernel()
    {
        var literals = Uses.Value.Where(u => u.Target is string s && s == Actor.SystemRole).ToList();
        Assert.Contains(literals, u => u.Caller == typeof(Actor));
        var outside = literals.Where(u => u.Caller.Namespace?.StartsWith("Leerkluis.Web.Platform", StringComparison.Ordinal) != true).ToList();
        Assert.True(outside.Count == 0, "Use Actor.IsSystem or a SystemActor, not the role string:" + Environment.NewLine + Describe(outside));
    }
}
