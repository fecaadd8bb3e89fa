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

    /// <summary>Every problem that keeps the settings from being used in <paramref name="environment"/>, naming the key to fix.</summary>
    public IReadOnlyList<string> Problems(IHostEnvironment environment)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Issuer)) problems.Add("Authentication:Issuer must be set.");
        if (string.IsNullOrWhiteSpace(Audience)) problems.Add("Authentication:Audience must be set.");
        if (string.IsNullOrEmpty(SigningKey))
            problems.Add("Authentication:SigningKey must be set (at least 32 bytes).");
        else if (SigningKey == DevelopmentSigningKey && !environment.IsDevelopment())
            problems.Add($"The development signing key is refused in the {environment.EnvironmentName} environment: configure Authentication:SigningKey.");
        else if (Encoding.UTF8.GetByteCount(SigningKey) < 32)
            problems.Add("Authentication:SigningKey must be at least 32 bytes.");
        return problems;
    }

    /// <summary>The signing key; throws naming every problem when the settings cannot be used in <paramref name="environment"/>.</summary>
    public SymmetricSecurityKey Validate(IHostEnvironment environment) =>
        Problems(environment) is { Count: > 0 } problems
            ? throw new InvalidOperationException(string.Join(" ", problems))
            : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey!));
}
