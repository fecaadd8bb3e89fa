using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Security;
using SenGraph.Host.Workflow;

namespace SenGraph.Host.Security;

/// <summary>
/// The directory is authoritative for the users it knows (PIA 8.1: the System Administrator keeps each user's
/// role and access profile): for them the roles and office a token claims are replaced by the directory's, on
/// every request, so a change the administrator makes applies to the next request and a token cannot claim more.
/// Users the directory does not know keep their token's claims.
/// </summary>
public sealed class DirectoryClaims(WorkflowDatabase database) : IClaimsTransformation
{
    /// <summary>Marks a principal whose roles and office came from the directory.</summary>
    public const string FromDirectory = "sengraph:directory";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.GetUserName() is not { } name || principal.HasClaim(c => c.Type == FromDirectory)) return principal;
        var key = DirectoryRules.NormalizeUserName(name);
        await using var db = database.CreateDbContext();
        var user = await db.Users.AsNoTracking().TagWith("logon check")
            .Where(u => u.UserName == key)
            .Select(u => new { u.OfficeCode, Roles = u.Roles.Select(r => r.Role).ToList() })
            .FirstOrDefaultAsync();
        if (user is null) return principal;

        var identity = new ClaimsIdentity(
            principal.Claims.Where(c => c.Type is not (SenGraphClaims.Role or SenGraphClaims.Office)),
            principal.Identity!.AuthenticationType, SenGraphClaims.UserName, SenGraphClaims.Role);
        identity.AddClaim(new Claim(SenGraphClaims.Office, user.OfficeCode));
        identity.AddClaims(user.Roles.Select(role => new Claim(SenGraphClaims.Role, role)));
        identity.AddClaim(new Claim(FromDirectory, "true"));
        return new ClaimsPrincipal(identity);
    }
}
