namespace Leerkluis.Web;

/// <summary>
/// Command-line entry points of the one binary: `leerkluis serve` starts the web host (the default);
/// tools such as import-edexml and seed-demo run here and exit.
/// </summary>
public static class Cli
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0] == "serve") return false;
        var command = args[0];
        var rest = args[1..];
        Environment.ExitCode = command switch
        {
            "import-edexml" => await Features.Registry.Edexml.EdexmlCli.RunAsync(rest),
            _ => await Unknown(command),
        };
        return true;
    }

    private static Task<int> Unknown(string command)
    {
        Console.Error.WriteLine($"Unknown command '{command}'.");
        return Task.FromResult(2);
    }
}
