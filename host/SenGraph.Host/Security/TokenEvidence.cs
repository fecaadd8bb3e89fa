using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Security;

namespace SenGraph.Host.Security;

/// <summary>
/// Decides whether a rejected bearer token is evidence against an account. It is when its signature verifies with
/// the host's signing key and it names a user (<c>sub</c>): a token our issuer made for that account, refused only
/// because it expired, is not yet valid, or names another audience or issuer, so someone is presenting that
/// account's credential wrongly. Anything else (a signature by another key, a malformed token, no <c>sub</c>) could
/// come from anyone and name anyone: it never counts toward an account's lockout.
/// </summary>
public sealed class TokenEvidence(IOptionsMonitor<JwtBearerOptions> jwtBearer)
{
    /// <summary>The normalized user name the token was genuinely issued for, or null when it proves nothing about any account.</summary>
    public async Task<string?> AccountOfAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        var parameters = jwtBearer.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters.Clone();
        parameters.ValidateLifetime = false;
        parameters.ValidateAudience = false;
        parameters.ValidateIssuer = false;
        try
        {
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
            return result.IsValid && result.Claims.TryGetValue(SenGraphClaims.UserName, out var sub) && sub is string name && !string.IsNullOrWhiteSpace(name)
                ? DirectoryRules.NormalizeUserName(name)
                : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
