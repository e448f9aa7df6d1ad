namespace Leerkluis.Demo;

/// <summary>
/// The demo data tool, an executable of its own so the web app neither ships nor loads the generator (and Bogus):
/// <c>Leerkluis.Demo seed-demo [--scale N] [--seed S] [--no-accounts]</c>. Anything else is answered as the web app answers
/// an unknown command.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["seed-demo", .. var rest]) return await DemoCli.RunAsync(rest);
        Console.Error.WriteLine(args.Length == 0 ? DemoCli.Usage : $"Unknown command '{args[0]}'.");
        return 2;
    }
}
