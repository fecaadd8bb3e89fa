using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Modules;

namespace SenGraph.Host.Modules;

/// <summary>A role the directory can assign: the host's (PIA 8.1) or one a loaded module adds.</summary>
/// <param name="Name">As tokens and the directory spell it.</param>
/// <param name="Description">Who holds it.</param>
/// <param name="Module">The id of the module that adds it; null for the host's.</param>
public sealed record DirectoryRole(string Name, string Description, string? Module);

/// <summary>
/// The roles administrators may assign now: the host's, then those of the modules the current snapshot serves. A
/// module role stays on the users who hold it when its module is removed (and counts again when it comes back), but
/// cannot be newly assigned meanwhile.
/// </summary>
public sealed class RoleCatalog(SchemaHost host)
{
    /// <summary>The host's roles, in the order the PIA lists them.</summary>
    public static IReadOnlyList<DirectoryRole> HostRoles { get; } =
    [
        new(DirectoryRoles.Agent, "Field agents and officers: write reports of their office.", null),
        new(DirectoryRoles.Supervisor, "Review their office's reports before submission.", null),
        new(DirectoryRoles.OfficeManager, "Manage an office; read its reports.", null),
        new(DirectoryRoles.IrocStaff, "The ICE Reporting and Operations Center: watch every submitted report.", null),
        new(DirectoryRoles.HeadquartersAgent, "Headquarters staff: read submitted reports across offices.", null),
        new(DirectoryRoles.HsiIntelligence, "HSI intelligence analysts: read submitted reports across offices.", null),
        new(DirectoryRoles.PublicAffairsOfficer, "Statistics and PII-free views only.", null),
        new(DirectoryRoles.ProfessionalResponsibility, "Investigators of the Office of Professional Responsibility.", null),
        new(DirectoryRoles.StatisticsAnalyst, "Run statistical reports only.", null),
        new(DirectoryRoles.SystemAdministrator, "Keep the directory and the modules; read no PII.", null),
        new(DirectoryRoles.PartnerAgencyConsumer, "Partner-agency users under an MOU: the external sharing feed only.", null),
    ];

    /// <summary>Every assignable role: the host's, then the modules' by module id.</summary>
    public IReadOnlyList<DirectoryRole> All =>
        host.IsReady
            ? [.. HostRoles, .. host.Current.LoadedModules.OrderBy(m => m.Manifest.Id, StringComparer.Ordinal)
                .SelectMany(m => m.Roles.Select(r => new DirectoryRole(r.Name, r.Description, m.Manifest.Id)))]
            : HostRoles;

    /// <summary>The role as spelled in <see cref="All"/> (case-insensitive match), or null when no one declares it.</summary>
    public string? Canonical(string role) =>
        All.FirstOrDefault(r => string.Equals(r.Name, role.Trim(), StringComparison.OrdinalIgnoreCase))?.Name;

    /// <summary>Why <paramref name="module"/> cannot join: a role of its is already the host's or another module's; else null.</summary>
    internal static string? Clash(LoadedModule module, IEnumerable<LoadedModule> others)
    {
        var taken = HostRoles.Select(r => (r.Name, Owner: "the host"))
            .Concat(others.SelectMany(o => o.Roles.Select(r => (r.Name, Owner: $"module '{o.Manifest.Id}'"))));
        foreach (var role in module.Roles)
        {
            var owner = taken.FirstOrDefault(t => string.Equals(t.Name, role.Name, StringComparison.OrdinalIgnoreCase)).Owner;
            if (owner is not null) return $"Role '{role.Name}' is already declared by {owner}.";
        }

        return null;
    }

    /// <summary>The module roles granted <paramref name="grant"/>.</summary>
    public static IEnumerable<string> Granted(IEnumerable<ModuleRole> roles, HostGrant grant) =>
        roles.Where(r => r.Grants.HasFlag(grant)).Select(r => r.Name);
}
