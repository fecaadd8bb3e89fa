using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SenGraph.Host.Security;

/// <summary>
/// Bearer tokens outside the JWT bearer handler: <see cref="From"/> reads one from an <c>Authorization</c> value (to audit
/// a refused token over HTTP, or to take a socket's token from <c>connection_init</c>), and <see cref="ValidateAsync"/>
/// checks it as the handler would, for a WebSocket that authenticates after its upgrade.
/// </summary>
public sealed class BearerToken(IOptionsMonitor<JwtBearerOptions> jwtBearer, ILogger<BearerToken> logger)
{
    /// <summary>The token of an <c>Authorization: Bearer …</c> value; null for anything else.</summary>
    public static string? From(string? authorization) =>
        AuthenticationHeaderValue.TryParse(authorization, out var value)
        && string.Equals(value.Scheme, JwtBearerDefaults.AuthenticationScheme, StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(value.Parameter)
            ? value.Parameter.Trim()
            : null;

    /// <summary>
    /// Validates a bearer token as the JWT bearer handler does, with its configured options (the same token handlers and
    /// <see cref="TokenValidationParameters"/>): the token's own principal (the directory's view of it is taken per
    /// operation); null and why (for the audit) when the token is not valid.
    /// </summary>
    public async Task<(ClaimsPrincipal? User, string? Failure)> ValidateAsync(string token)
    {
        var failure = "malformed";
        var bearer = jwtBearer.Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = bearer.TokenValidationParameters.Clone();
        parameters.ConfigurationManager ??= bearer.ConfigurationManager as BaseConfigurationManager;
        foreach (var handler in bearer.TokenHandlers)
        {
            try
            {
                var result = await handler.ValidateTokenAsync(token, parameters);
                if (result.IsValid) return (new ClaimsPrincipal(result.ClaimsIdentity), null);
                failure = LogonGuard.TokenFailureReason(result.Exception);
                logger.LogInformation("graphql-transport-ws: bearer token refused: {Reason}", result.Exception?.Message);
            }
            catch (Exception e)
            {
                failure = LogonGuard.TokenFailureReason(e);
                logger.LogInformation(e, "graphql-transport-ws: bearer token could not be validated");
            }
        }

        return (null, failure);
    }
}
