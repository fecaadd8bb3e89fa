using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Workflow;

/// <summary>
/// Separation of duties for directory administration (PIA 8.1-8.2). Administrators keep accounts (8.1) and are often
/// the contractors doing IT maintenance (8.2); the roles are tailored "without exposing data to those without a need
/// to know". So: no one changes their own roles, office or disabled state (another administrator must), and an
/// account holding System Administrator never also holds a role that reads PII: the combination is refused, whoever
/// asks, so an administrator cannot read A-numbers by granting itself or a colleague-administrator a PII role.
/// </summary>
public static class SeparationOfDuties
{
    /// <summary>The <c>Entity</c> of the audit record that shows a user's access profile before and after a change.</summary>
    public const string AccessEntity = "UserAccess";

    public const string SelfAdministration = "SELF_ADMINISTRATION";
    public const string RoleConflict = "ROLE_CONFLICT";

    /// <summary>The user's office, roles and state, as the audit record shows them.</summary>
    public static string AccessProfile(DirectoryUser user) =>
        $"office {user.OfficeCode}; roles {string.Join(", ", user.Roles.Select(r => r.Role).Order(StringComparer.Ordinal))}; {(user.Disabled ? "disabled" : "enabled")}";

    /// <summary>Refuses System Administrator together with a PII-reading role.</summary>
    public static void CheckRoles(IReadOnlyList<string> roles, List<UserError> errors)
    {
        if (!roles.Contains(DirectoryRoles.SystemAdministrator)) return;
        var pii = roles.Where(HostPolicies.PiiNeedToKnowRoles.Contains).ToList();
        if (pii.Count == 0) return;
        errors.Add(UserError.ForField(RoleConflict,
            $"A System Administrator cannot also hold a role that reads PII ({string.Join(", ", pii)}): separation of duties (PIA 8.1).", "roles"));
    }

    /// <summary>Refuses an administrator changing its own access profile.</summary>
    public static void CheckNotSelf(string? actor, string userName, UpdateUserInput input, List<UserError> errors)
    {
        if (actor is null || DirectoryRules.NormalizeUserName(actor) != userName) return;
        var field = input.Roles.IsSet ? "roles" : input.Office.IsSet ? "office" : "disabled";
        errors.Add(UserError.ForField(SelfAdministration,
            "You cannot change your own roles, office or account state; another System Administrator must.", field));
    }
}
