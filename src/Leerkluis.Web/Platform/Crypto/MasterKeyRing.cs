using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Leerkluis.Web.Platform.Crypto;

/// <summary>Configuration section "Crypto".</summary>
public sealed class CryptoOptions
{
    public List<MasterKeyOptions> MasterKeys { get; set; } = [];
    /// <summary>The key that wraps new and re-wrapped learner keys; the others only unwrap until rotation has moved everything off them.</summary>
    public string? ActiveMasterKeyId { get; set; }
    /// <summary>Outside Production, where no key is configured, a key is generated into (and read from) this file.</summary>
    public string DevelopmentKeyFile { get; set; } = "data/master-key.json";
}

public sealed class MasterKeyOptions
{
    public string? Id { get; set; }
    /// <summary>32 random bytes, base64.</summary>
    public string? Key { get; set; }
}

/// <summary>A configuration problem that must stop the application from starting.</summary>
public sealed class CryptoConfigurationException(string message) : Exception(message);

/// <summary>
/// The master keys from configuration. They never touch the database: they only wrap the per-learner data
/// keys (table LearnerKeys), so rotating a master key re-wraps 32-byte keys, never the data itself.
/// </summary>
public sealed class MasterKeyRing
{
    private readonly Dictionary<string, byte[]> _keys;
    public string ActiveId { get; }
    public IReadOnlyCollection<string> Ids => _keys.Keys;

    public MasterKeyRing(IReadOnlyDictionary<string, byte[]> keys, string activeId)
    {
        if (!keys.ContainsKey(activeId)) throw new CryptoConfigurationException($"Crypto:ActiveMasterKeyId '{activeId}' is not one of Crypto:MasterKeys.");
        _keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray());
        ActiveId = activeId;
    }

    public byte[] Wrap(Guid learnerId, byte[] dataKey) => SealedBox.Seal(_keys[ActiveId], dataKey, WrapContext(learnerId));

    public byte[] Unwrap(string masterKeyId, Guid learnerId, byte[] wrapped)
    {
        if (!_keys.TryGetValue(masterKeyId, out var master))
            throw new CryptoConfigurationException($"Master key '{masterKeyId}' is needed but not configured (Crypto:MasterKeys). Keep retired keys configured until rotate-master-key has run.");
        return SealedBox.Open(master, wrapped, WrapContext(learnerId));
    }

    // A wrapped key only unwraps for the learner it was made for.
    private static byte[] WrapContext(Guid learnerId) => Encoding.UTF8.GetBytes($"leerkluis/learner-key/{learnerId:D}");

    /// <summary>
    /// Reads the configured keys. Without any: in Production a <see cref="CryptoConfigurationException"/> (the app must not
    /// start without the key that protects special-category data); elsewhere a key generated once into a local file.
    /// </summary>
    public static MasterKeyRing Load(CryptoOptions options, IHostEnvironment environment, ILogger? log = null)
    {
        var configured = options.MasterKeys.Where(k => !string.IsNullOrWhiteSpace(k.Id) || !string.IsNullOrWhiteSpace(k.Key)).ToList();
        if (configured.Count == 0)
        {
            if (environment.IsProduction())
                throw new CryptoConfigurationException(
                    "No master key configured. Set Crypto__MasterKeys__0__Id, Crypto__MasterKeys__0__Key (32 random bytes, base64: `openssl rand -base64 32`) " +
                    "and Crypto__ActiveMasterKeyId; see docs/operations.md, \"Encryption keys\". Leerkluis does not start without it in Production.");
            var path = Path.GetFullPath(options.DevelopmentKeyFile);
            var generated = LoadOrCreateDevelopmentKey(path);
            log?.UsingDevelopmentKey(path, environment.EnvironmentName);
            return new MasterKeyRing(new Dictionary<string, byte[]> { [generated.Id!] = Convert.FromBase64String(generated.Key!) }, generated.Id!);
        }

        var keys = new Dictionary<string, byte[]>();
        foreach (var k in configured)
        {
            if (string.IsNullOrWhiteSpace(k.Id)) throw new CryptoConfigurationException("Every entry of Crypto:MasterKeys needs an Id.");
            byte[] bytes;
            try { bytes = Convert.FromBase64String(k.Key ?? ""); }
            catch (FormatException) { throw new CryptoConfigurationException($"Crypto:MasterKeys '{k.Id}': Key is not base64."); }
            if (bytes.Length != SealedBox.KeySize) throw new CryptoConfigurationException($"Crypto:MasterKeys '{k.Id}': Key must be {SealedBox.KeySize} bytes (base64 of 32 random bytes), not {bytes.Length}.");
            if (!keys.TryAdd(k.Id, bytes)) throw new CryptoConfigurationException($"Crypto:MasterKeys: Id '{k.Id}' appears twice.");
        }
        var active = options.ActiveMasterKeyId ?? (keys.Count == 1 ? keys.Keys.Single() : null)
            ?? throw new CryptoConfigurationException("Crypto:ActiveMasterKeyId is required when more than one master key is configured.");
        return new MasterKeyRing(keys, active);
    }

    private static MasterKeyOptions LoadOrCreateDevelopmentKey(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var key = new MasterKeyOptions { Id = "dev-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture), Key = Convert.ToBase64String(SealedBox.NewKey()) };
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(key));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            // Several processes (parallel tests) may race here: the first move wins, the others read its key.
            try { File.Move(temp, path, overwrite: false); }
            catch (IOException) { File.Delete(temp); }
        }
        var read = JsonSerializer.Deserialize<MasterKeyOptions>(File.ReadAllText(path));
        if (read?.Id is null || read.Key is null) throw new CryptoConfigurationException($"The development key file {path} is unreadable; delete it to generate a new one (data encrypted with it is then lost).");
        return read;
    }
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class MasterKeyRingLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No master key configured: using the development key in {Path} ({Environment} only, never in Production)")]
    public static partial void UsingDevelopmentKey(this ILogger log, string path, string environment);
}
