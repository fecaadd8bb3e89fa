using System.Security.Claims;

namespace SenGraph.Contracts.Security;

/// <summary>The claims a SenGraph token carries.</summary>
public static class SenGraphClaims
{
    /// <summary>The user name (JWT <c>sub</c>).</summary>
    public const string UserName = "sub";

    /// <summary>A role; one claim per role.</summary>
    public const string Role = "role";

    /// <summary>The code of the user's office (e.g. <c>SAC-NYC</c>).</summary>
    public const string Office = "office";

    /// <summary>The authenticated user's name, or null when anonymous.</summary>
    public static string? GetUserName(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(UserName)?.Value ?? user.Identity.Name : null;

    /// <summary>The authenticated user's office code, or null.</summary>
    public static string? GetOffice(this ClaimsPrincipal? user) => user?.FindFirst(Office)?.Value;
}
