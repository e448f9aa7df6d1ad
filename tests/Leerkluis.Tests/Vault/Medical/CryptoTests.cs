using System.Security.Cryptography;
using System.Text;
using Leerkluis.Web.Platform.Crypto;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Leerkluis.Tests.Vault.Medical;

/// <summary>AES-GCM sealing and the master key ring (no database).</summary>
public sealed class CryptoTests
{
    private static readonly byte[] Ad = Encoding.UTF8.GetBytes("learner/MedicalRecord.Data");

    [Fact]
    public void Seal_ThenOpenWithSameKeyAndContext_ReturnsPlaintext()
    {
        var key = SealedBox.NewKey();
        var sealedValue = SealedBox.Seal(key, "Pinda-allergie"u8, Ad);
        Assert.Equal("Pinda-allergie", Encoding.UTF8.GetString(SealedBox.Open(key, sealedValue, Ad)));
        Assert.DoesNotContain("Pinda", Encoding.Latin1.GetString(sealedValue));
    }

    [Fact]
    public void Seal_SameValueTwice_GivesDifferentCiphertexts()
    {
        var key = SealedBox.NewKey();
        Assert.NotEqual(SealedBox.Seal(key, "zelfde"u8, Ad), SealedBox.Seal(key, "zelfde"u8, Ad));
    }

    [Fact]
    public void Open_WrongKey_Fails()
    {
        var sealedValue = SealedBox.Seal(SealedBox.NewKey(), "geheim"u8, Ad);
        Assert.ThrowsAny<CryptographicException>(() => SealedBox.Open(SealedBox.NewKey(), sealedValue, Ad));
    }

    [Fact]
    public void Open_OtherLearnerOrField_Fails()
    {
        var key = SealedBox.NewKey();
        var sealedValue = SealedBox.Seal(key, "geheim"u8, Ad);
        Assert.ThrowsAny<CryptographicException>(() => SealedBox.Open(key, sealedValue, "other-learner/MedicalRecord.Data"u8));
    }

    [Fact]
    public void Open_ChangedByte_Fails()
    {
        var key = SealedBox.NewKey();
        var sealedValue = SealedBox.Seal(key, "geheim"u8, Ad);
        sealedValue[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => SealedBox.Open(key, sealedValue, Ad));
    }

    [Fact]
    public void Rotate_RewrapWithNewActiveKey_SameDataKeyAndOldKeyNoLongerNeeded()
    {
        var k1 = SealedBox.NewKey();
        var k2 = SealedBox.NewKey();
        var learner = Guid.NewGuid();
        var dataKey = SealedBox.NewKey();
        var before = new MasterKeyRing(new Dictionary<string, byte[]> { ["k1"] = k1 }, "k1");
        var wrapped = before.Wrap(learner, dataKey);

        var during = new MasterKeyRing(new Dictionary<string, byte[]> { ["k1"] = k1, ["k2"] = k2 }, "k2");
        var rewrapped = during.Wrap(learner, during.Unwrap("k1", learner, wrapped));

        var after = new MasterKeyRing(new Dictionary<string, byte[]> { ["k2"] = k2 }, "k2");
        Assert.Equal(dataKey, after.Unwrap("k2", learner, rewrapped));
        Assert.Throws<CryptoConfigurationException>(() => after.Unwrap("k1", learner, wrapped));
        Assert.ThrowsAny<CryptographicException>(() => after.Unwrap("k2", Guid.NewGuid(), rewrapped));
    }

    [Fact]
    public void Load_ProductionWithoutKeys_RefusesWithInstructions()
    {
        var e = Assert.Throws<CryptoConfigurationException>(() => MasterKeyRing.Load(new CryptoOptions(), new Env("Production")));
        Assert.Contains("Crypto__MasterKeys__0__Key", e.Message);
        Assert.Contains("docs/operations.md", e.Message);
    }

    [Fact]
    public void Load_DevelopmentWithoutKeys_GeneratesOneKeyFileAndReusesIt()
    {
        var folder = Directory.CreateTempSubdirectory("leerkluis-key-");
        try
        {
            var options = new CryptoOptions { DevelopmentKeyFile = Path.Combine(folder.FullName, "data", "master-key.json") };
            var first = MasterKeyRing.Load(options, new Env("Development"));
            var wrapped = first.Wrap(Guid.Empty, SealedBox.NewKey());
            var second = MasterKeyRing.Load(options, new Env("Development"));
            Assert.Equal(first.ActiveId, second.ActiveId);
            Assert.Equal(32, second.Unwrap(second.ActiveId, Guid.Empty, wrapped).Length);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.DevelopmentKeyFile));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("geen base64!", "not base64")]
    [InlineData("AAAA", "must be 32 bytes")]
    public void Load_BadKey_NamesTheProblem(string key, string expected)
    {
        var options = new CryptoOptions { MasterKeys = [new MasterKeyOptions { Id = "k1", Key = key }], ActiveMasterKeyId = "k1" };
        var e = Assert.Throws<CryptoConfigurationException>(() => MasterKeyRing.Load(options, new Env("Production")));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Load_ActiveIdNotConfigured_Refuses()
    {
        var options = new CryptoOptions
        {
            MasterKeys = [new MasterKeyOptions { Id = "k1", Key = Convert.ToBase64String(SealedBox.NewKey()) }], ActiveMasterKeyId = "k2",
        };
        Assert.Contains("'k2'", Assert.Throws<CryptoConfigurationException>(() => MasterKeyRing.Load(options, new Env("Production"))).Message);
    }

    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Leerkluis.Web";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
