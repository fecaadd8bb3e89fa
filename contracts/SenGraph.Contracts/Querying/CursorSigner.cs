using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// Signs the cursors connection fields hand out, so that a cursor this server did not issue (forged, edited,
/// or from another field or ordering) is refused with <c>PAGING_INVALID_CURSOR</c> instead of being read.
/// The host registers one as a singleton; every instance serving the same clients needs the same key.
/// </summary>
public sealed class CursorSigner
{
    /// <summary>Bytes of the MAC appended to a cursor (HMAC-SHA256, truncated).</summary>
    private const int MacLength = 16;

    private readonly byte[] _key;

    /// <param name="key">At least 32 bytes of secret.</param>
    public CursorSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32) throw new ArgumentException("A cursor key needs at least 32 bytes.", nameof(key));
        _key = [.. key];
    }

    /// <summary>A signer with a random key: cursors stay valid for the life of the process only.</summary>
    public static CursorSigner WithRandomKey() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary><c>base64url(payload).base64url(mac)</c>, the MAC covering <paramref name="scope"/> too.</summary>
    internal string Sign(string scope, byte[] payload) =>
        $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Mac(scope, payload))}";

    /// <summary>The payload of a cursor signed for <paramref name="scope"/>; null when it is not one.</summary>
    internal byte[]? Verify(string scope, string cursor)
    {
        var dot = cursor.IndexOf('.');
        if (dot <= 0 || dot != cursor.LastIndexOf('.')) return null;
        try
        {
            var payload = Base64Url.DecodeFromChars(cursor.AsSpan(0, dot));
            var mac = Base64Url.DecodeFromChars(cursor.AsSpan(dot + 1));
            return CryptographicOperations.FixedTimeEquals(mac, Mac(scope, payload)) ? payload : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[] Mac(string scope, byte[] payload)
    {
        var scopeBytes = Encoding.UTF8.GetBytes(scope);
        var message = new byte[4 + scopeBytes.Length + payload.Length];
        BitConverter.TryWriteBytes(message, scopeBytes.Length);
        scopeBytes.CopyTo(message, 4);
        payload.CopyTo(message, 4 + scopeBytes.Length);
        return HMACSHA256.HashData(_key, message)[..MacLength];
    }
}
