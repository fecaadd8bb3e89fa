using Microsoft.AspNetCore.Authorization;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Security;

namespace SenGraph.Host.Security;

/// <summary>
/// The authorization policies the host itself declares, next to the modules' in every schema snapshot
/// (<see cref="Modules.SchemaSnapshot.Policies"/>), so that <see cref="AccessControl"/> and the validation rule
/// evaluate them the same way. What each report type's readers, authors and reviewers are is the modules'
/// to say (their policies); these are the decisions that cut across every type (PIA 8.1, 2.1-2.2).
/// </summary>
public static class HostPolicies
{
    /// <summary>May select (or send) fields marked PII: the roles with a need to know the people a report names.</summary>
    public const string PiiNeedToKnow = HostPolicyNames.PiiNeedToKnow;

    /// <summary>May run the PII-free statistical queries (<c>reportStatistics</c>).</summary>
    public const string Statistics = HostPolicyNames.Statistics;

    /// <summary>May use root fields that are not statistical (records, the directory, queues, mutations).</summary>
    public const string Records = HostPolicyNames.Records;

    /// <summary>
    /// Need to know the people in a report: those who write, review, receive, analyse or investigate reports.
    /// Not Public Affairs (statistics and PII-free views only), not Statistics Analysts (statistical queries only),
    /// not System Administrators (they run the system, not its cases).
    /// </summary>
    public static readonly IReadOnlyList<string> PiiNeedToKnowRoles =
    [
        DirectoryRoles.Agent, DirectoryRoles.Supervisor, DirectoryRoles.OfficeManager, DirectoryRoles.IrocStaff,
        DirectoryRoles.HeadquartersAgent, DirectoryRoles.HsiIntelligence, DirectoryRoles.ProfessionalResponsibility,
        // Answers individuals' access and correction requests (PIA 7.1): sees people only through reportsNamingPerson, reading no report type.
        DirectoryRoles.PrivacyOfficer,
    ];

    /// <summary>
    /// Statistical reports are for managing programmes (PIA 2.1): supervisors, managers, the IROC, headquarters,
    /// intelligence, OPR, Public Affairs and Statistics Analysts. Not agents (no such need) and not System Administrators.
    /// </summary>
    public static readonly IReadOnlyList<string> StatisticsRoles =
    [
        DirectoryRoles.Supervisor, DirectoryRoles.OfficeManager, DirectoryRoles.IrocStaff, DirectoryRoles.HeadquartersAgent,
        DirectoryRoles.HsiIntelligence, DirectoryRoles.PublicAffairsOfficer, DirectoryRoles.ProfessionalResponsibility,
        DirectoryRoles.StatisticsAnalyst,
    ];

    /// <summary>Roles that "can only run reports that contain statistical information" (PIA 8.1).</summary>
    public static readonly IReadOnlyList<string> StatisticsOnlyRoles = [DirectoryRoles.StatisticsAnalyst];

    /// <summary>Roles outside ICE that reach the external sharing feed only (<c>externalReports</c>), never records.</summary>
    public static readonly IReadOnlyList<string> ExternalSharingRoles = [DirectoryRoles.PartnerAgencyConsumer];

    /// <summary>Who reads the log of shares outside ICE (PIA 5.x): System Administrators (who also manage the MOUs; no PII in either), OPR, and the records and privacy officers.</summary>
    public static readonly IReadOnlyList<string> ShareLogRoles =
        [DirectoryRoles.SystemAdministrator, DirectoryRoles.ProfessionalResponsibility, DirectoryRoles.RecordsOfficer, DirectoryRoles.PrivacyOfficer];

    /// <summary>Every role but the statistics-only and external ones: a caller needs one of them for any root field that is not statistical.</summary>
    public static IReadOnlyList<string> RecordsRoles { get; } = [.. DirectoryRoles.All.Except(StatisticsOnlyRoles).Except(ExternalSharingRoles)];

    /// <summary>The host's policies by name.</summary>
    public static IReadOnlyDictionary<string, AuthorizationPolicy> All { get; } = new Dictionary<string, AuthorizationPolicy>(StringComparer.Ordinal)
    {
        [PiiNeedToKnow] = RequireAnyRole(PiiNeedToKnowRoles),
        [Statistics] = RequireAnyRole(StatisticsRoles),
        [Records] = RequireAnyRole(RecordsRoles),
        [HostPolicyNames.ExternalSharing] = RequireAnyRole(ExternalSharingRoles),
        [HostPolicyNames.ShareLog] = RequireAnyRole(ShareLogRoles),
    };

    /// <summary>The host's policies, joined by the module roles granted them (<see cref="SenGraph.Contracts.Modules.HostGrant"/>).</summary>
    public static IReadOnlyDictionary<string, AuthorizationPolicy> With(IEnumerable<SenGraph.Contracts.Modules.ModuleRole> moduleRoles)
    {
        var roles = moduleRoles.ToList();
        if (roles.Count == 0) return All;
        IEnumerable<string> Plus(IReadOnlyList<string> hostRoles, SenGraph.Contracts.Modules.HostGrant grant) =>
            hostRoles.Concat(Modules.RoleCatalog.Granted(roles, grant));
        return new Dictionary<string, AuthorizationPolicy>(StringComparer.Ordinal)
        {
            [PiiNeedToKnow] = RequireAnyRole(Plus(PiiNeedToKnowRoles, SenGraph.Contracts.Modules.HostGrant.PiiNeedToKnow)),
            [Statistics] = RequireAnyRole(Plus(StatisticsRoles, SenGraph.Contracts.Modules.HostGrant.Statistics)),
            [Records] = RequireAnyRole(Plus(RecordsRoles, SenGraph.Contracts.Modules.HostGrant.Records)),
            [HostPolicyNames.ExternalSharing] = RequireAnyRole(ExternalSharingRoles),
            [HostPolicyNames.ShareLog] = RequireAnyRole(ShareLogRoles),
        };
    }

    private static AuthorizationPolicy RequireAnyRole(IEnumerable<string> roles) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(roles).Build();
}
