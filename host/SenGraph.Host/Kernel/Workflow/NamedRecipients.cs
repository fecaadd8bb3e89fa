using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Workflow;

/// <summary>
/// The recipients a user names (of a report's submission, of a summary): each must be an active agency user or an
/// existing office. A partner agency's user is refused (<c>RECIPIENT_OUTSIDE_AGENCY</c>): partners read only the external
/// sharing feed, so a queue entry for them would name a report they can never open.
/// </summary>
internal static class NamedRecipients
{
    public static List<RecipientRef> Normalize(IReadOnlyList<RecipientInput> named) =>
        named.Select(r => r.Kind == RecipientKind.User
            ? RecipientRef.ForUser(DirectoryRules.NormalizeUserName(r.Code ?? ""))
            : RecipientRef.ForOffice(DirectoryRules.NormalizeCode(r.Code ?? ""))).ToList();

    /// <summary>One error per recipient that may not be named, with the path <c>recipients.i.code</c> (<paramref name="normalized"/>: <paramref name="named"/> normalized, same order).</summary>
    public static async Task<List<UserError>> CheckAsync(
        SenDbContext db, IReadOnlyList<RecipientInput> named, IReadOnlyList<RecipientRef> normalized, CancellationToken cancellationToken)
    {
        var users = normalized.Where(r => r.Kind == RecipientKind.User).Select(r => r.Code).Distinct().ToList();
        var offices = normalized.Where(r => r.Kind == RecipientKind.Office).Select(r => r.Code).Distinct().ToList();
        var activeUsers = await db.Users.Where(u => users.Contains(u.UserName) && !u.Disabled)
            .Select(u => new { u.UserName, Roles = u.Roles.Select(r => r.Role).ToList() })
            .ToDictionaryAsync(u => u.UserName, u => u.Roles, cancellationToken);
        var knownOffices = (await db.Offices.Where(o => offices.Contains(o.Code)).Select(o => o.Code).ToListAsync(cancellationToken)).ToHashSet();

        var errors = new List<UserError>();
        for (var i = 0; i < normalized.Count; i++)
        {
            var (kind, code) = (normalized[i].Kind, normalized[i].Code);
            var path = new[] { "recipients", i.ToString(CultureInfo.InvariantCulture), "code" };
            if (kind == RecipientKind.Office)
            {
                if (!knownOffices.Contains(code)) errors.Add(UserError.ForField(WorkflowErrorCodes.UnknownRecipient, $"'{named[i].Code}' is not an office.", path));
            }
            else if (!activeUsers.TryGetValue(code, out var roles))
                errors.Add(UserError.ForField(WorkflowErrorCodes.UnknownRecipient, $"'{named[i].Code}' is not an active user.", path));
            else if (roles.Count > 0 && roles.All(HostPolicies.ExternalSharingRoles.Contains))
                errors.Add(UserError.ForField(WorkflowErrorCodes.RecipientOutsideAgency,
                    $"'{named[i].Code}' is a partner agency's user: partners receive reports only through the external sharing feed.", path));
        }
        return errors;
    }
}
