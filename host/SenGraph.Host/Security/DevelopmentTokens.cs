using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SenGraph.Contracts.Security;

namespace SenGraph.Host.Security;

/// <summary>Issues tokens signed with the development key, for the embedded default only.</summary>
public static partial class DevelopmentTokens
{
    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z ]{1,63}$")]
    private static partial Regex RolePattern();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,31}$")]
    private static partial Regex OfficePattern();

    public static string Issue(AuthenticationSettings settings, IHostEnvironment environment, string user, IReadOnlyList<string> roles, string office, TimeProvider clock)
    {
        if (!environment.IsDevelopment() || settings.SigningKey != AuthenticationSettings.DevelopmentSigningKey)
            throw new InvalidOperationException(
                "The token command issues development tokens only: run it in the Development environment with the development signing key.");
        if (!UserNamePattern().IsMatch(user))
            throw new ArgumentException($"User name '{user}' is invalid: 1-64 letters, digits, '.', '_', '@' or '-'.");
        if (roles.Count == 0) throw new ArgumentException("At least one role is required.");
        foreach (var role in roles)
        {
            if (!RolePattern().IsMatch(role)) throw new ArgumentException($"Role '{role}' is invalid: letters and spaces.");
        }

        if (!OfficePattern().IsMatch(office))
            throw new ArgumentException($"Office code '{office}' is invalid: upper-case letters, digits and dashes.");

        var key = settings.Validate(environment);
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new(SenGraphClaims.UserName, user), new(SenGraphClaims.Office, office) };
        claims.AddRange(roles.Select(r => new Claim(SenGraphClaims.Role, r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.TokenLifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
