using System.Security.Claims;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Security;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>Who is asking: the user name, office and roles a token carries.</summary>
/// <param name="UserName">The user name; null for an anonymous caller.</param>
/// <param name="Office">The user's office code; null when the token names none.</param>
/// <param name="Roles">The user's roles, as <see cref="DirectoryRoles"/> spells them.</param>
public sealed record ReportViewer(string? UserName, string? Office, IReadOnlySet<string> Roles)
{
    /// <summary>Nobody: sees no report.</summary>
    public static ReportViewer Anonymous { get; } = new(null, null, new HashSet<string>());

    /// <summary>
    /// The report types whose every submitted report the viewer reads (<see cref="IReportType.SubmittedReaders"/>);
    /// none until <see cref="ReadingInFull"/> says which.
    /// </summary>
    public IReadOnlySet<string> TypesReadInFull { get; init; } = new HashSet<string>();

    /// <summary>Whether the viewer reads every submitted report of every report type <see cref="ReadingInFull"/> was given.</summary>
    public bool ReadsEverySubmitted { get; init; }

    public bool IsAuthenticated => UserName is not null;

    /// <summary>The viewer, knowing which of <paramref name="types"/> (every loaded type, or the one a query reads) it reads in full.</summary>
    public ReportViewer ReadingInFull(IEnumerable<IReportType> types)
    {
        var list = types.ToList();
        var full = list.Where(t => t.SubmittedReaders.Include(this)).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        return this with { TypesReadInFull = full, ReadsEverySubmitted = full.Count > 0 && full.Count == list.Select(t => t.Code).Distinct().Count() };
    }

    /// <summary>The viewer a request's user is.</summary>
    public static ReportViewer From(ClaimsPrincipal? user)
    {
        var userName = user.GetUserName();
        if (userName is null) return Anonymous;
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var identity in user!.Identities.Where(i => i.IsAuthenticated))
        {
            foreach (var claim in identity.FindAll(identity.RoleClaimType).Concat(identity.FindAll(SenGraphClaims.Role)))
            {
                if (DirectoryRoles.Canonical(claim.Value) is { } role) roles.Add(role);
            }
        }

        var office = user.GetOffice() is { Length: > 0 } code ? DirectoryRules.NormalizeCode(code) : null;
        return new ReportViewer(DirectoryRules.NormalizeUserName(userName), office, roles);
    }
}
