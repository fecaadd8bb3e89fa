using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using SenGraph.Contracts.Security;

namespace SenGraph.Host.Security;

/// <summary>
/// The directory decides who anyone is (PIA 8.1: the System Administrator keeps each user's role and access
/// profile): for a user it knows, the roles and office a token claims are replaced by the directory's, read from
/// memory (<see cref="DirectoryAccounts"/>), so a change the administrator makes applies to the next request and a
/// token cannot claim more. Every <c>sengraph:</c> claim a token carries is dropped, so no token can mark itself as
/// directory-checked. Whether an unknown user may run at all is <see cref="LogonGuard"/>'s decision.
/// </summary>
public sealed class DirectoryClaims(DirectoryAccounts accounts) : IClaimsTransformation
{
    /// <summary>Marks a principal whose roles and office came from the directory (set here only, never taken from a token).</summary>
    public const string FromDirectory = "sengraph:directory";

    private const string HostClaimPrefix = "sengraph:";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true } original) return principal;
        var tokenClaims = principal.Claims.Where(c => !c.Type.StartsWith(HostClaimPrefix, StringComparison.Ordinal));
        DirectoryAccount? account = null;
        var known = false;
        if (principal.FindFirst(SenGraphClaims.UserName)?.Value is { Length: > 0 } name)
        {
            try
            {
                account = (await accounts.GetAsync(name)).Account;
                known = true;
            }
            catch (Exception)
            {
                // The logon check reads the same state, fails the same way and refuses the request (AUDIT_UNAVAILABLE).
            }
        }

        // Unknown to the directory (or not checkable): the token's own claims, minus the roles when they could not be checked.
        var identity = new ClaimsIdentity(
            account is null && known ? tokenClaims : tokenClaims.Where(c => c.Type is not (SenGraphClaims.Role or SenGraphClaims.Office)),
            original.AuthenticationType, SenGraphClaims.UserName, SenGraphClaims.Role);
        if (account is not null)
        {
            identity.AddClaim(new Claim(SenGraphClaims.Office, account.Office));
            identity.AddClaims(account.Roles.Select(role => new Claim(SenGraphClaims.Role, role)));
            identity.AddClaim(new Claim(FromDirectory, "true"));
        }

        return new ClaimsPrincipal(identity);
    }
}
