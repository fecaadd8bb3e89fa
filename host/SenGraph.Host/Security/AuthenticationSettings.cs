using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SenGraph.Host.Security;

/// <summary>How bearer tokens are validated (configuration section <c>Authentication</c>).</summary>
public sealed class AuthenticationSettings
{
    public const string Section = "Authentication";

    /// <summary>
    /// The key of the embedded default, in appsettings.Development.json. Public by nature: the host
    /// refuses to start with it outside the Development environment.
    /// </summary>
    public const string DevelopmentSigningKey = "sengraph-development-signing-key--not-for-production--0001";

    public string Issuer { get; set; } = "sengraph";
    public string Audience { get; set; } = "sengraph";

    /// <summary>HMAC-SHA256 key, at least 32 bytes of UTF-8.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Lifetime of tokens printed by the <c>token</c> command.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Throws with a message naming the key to fix when the settings cannot be used here.</summary>
    public SymmetricSecurityKey Validate(IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(Issuer)) throw new InvalidOperationException("Authentication:Issuer must be set.");
        if (string.IsNullOrWhiteSpace(Audience)) throw new InvalidOperationException("Authentication:Audience must be set.");
        if (string.IsNullOrEmpty(SigningKey))
            throw new InvalidOperationException("Authentication:SigningKey must be set (at least 32 bytes).");
        if (SigningKey == DevelopmentSigningKey && !environment.IsDevelopment())
            throw new InvalidOperationException(
                $"The development signing key is refused in the {environment.EnvironmentName} environment: configure Authentication:SigningKey.");
        var bytes = Encoding.UTF8.GetBytes(SigningKey);
        if (bytes.Length < 32) throw new InvalidOperationException("Authentication:SigningKey must be at least 32 bytes.");
        return new SymmetricSecurityKey(bytes);
    }
}
