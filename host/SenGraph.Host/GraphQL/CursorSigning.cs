using SenGraph.Contracts.Querying;

namespace SenGraph.Host.GraphQL;

/// <summary>The key that signs connection cursors (see <see cref="CursorSigner"/>).</summary>
public static class CursorSigning
{
    /// <summary>Configuration key of the cursor key: base64 of at least 32 bytes.</summary>
    public const string KeySetting = "Querying:CursorKey";

    /// <summary>
    /// Signs cursors with <c>Querying:CursorKey</c>; without it with a random key, so cursors stop being valid
    /// when the process restarts (instances behind one load balancer need the same configured key).
    /// </summary>
    public static IServiceCollection AddCursorSigning(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration[KeySetting];
        if (string.IsNullOrEmpty(configured)) return services.AddSingleton(CursorSigner.WithRandomKey());
        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{KeySetting} is not base64.");
        }
        if (key.Length < 32) throw new InvalidOperationException($"{KeySetting} must hold at least 32 bytes (it holds {key.Length}).");
        return services.AddSingleton(new CursorSigner(key));
    }
}
