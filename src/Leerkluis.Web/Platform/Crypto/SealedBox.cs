using System.Security.Cryptography;

namespace Leerkluis.Web.Platform.Crypto;

/// <summary>
/// AES-256-GCM with a fresh random nonce per value. The sealed form is one byte array:
/// version (1 byte) | nonce (12) | tag (16) | ciphertext. The associated data binds a value to where it
/// belongs (learner and field), so a sealed value copied to another learner or column does not open.
/// </summary>
public static class SealedBox
{
    public const int KeySize = 32;
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedValue = new byte[HeaderSize + plaintext.Length];
        sealedValue[0] = Version;
        var nonce = sealedValue.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(HeaderSize), sealedValue.AsSpan(1 + NonceSize, TagSize), associatedData);
        return sealedValue;
    }

    /// <summary>Opens a sealed value; throws <see cref="CryptographicException"/> on a wrong key, other associated data or any change.</summary>
    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> associatedData)
    {
        if (sealedValue.Length < HeaderSize || sealedValue[0] != Version)
            throw new CryptographicException("Not a sealed value of a known version.");
        var plaintext = new byte[sealedValue.Length - HeaderSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.Slice(1, NonceSize), sealedValue[HeaderSize..], sealedValue.Slice(1 + NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }
}
