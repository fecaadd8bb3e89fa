using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Modules;

namespace SenGraph.Modules.Lens;

/// <summary>
/// LENS (seed 004, issue 18): a release from ICE custody of a subject with a qualifying conviction becomes NLETS
/// administrative messages to the ORIs the states chose. So far: the rules that decide the messages
/// (<see cref="Notifications.LensNotices"/>), their text (<see cref="Notifications.NletsAmTemplate"/>) and the
/// module's roles and policies.
/// </summary>
public sealed class LensModule : ISenGraphModule
{
    /// <summary>Law Enforcement Support Center staff: keep the ORI directory, watch and re-queue deliveries.</summary>
    public const string LescStaff = "LESC Staff";

    /// <summary>May record custody releases: ERO officers.</summary>
    public const string RecorderPolicy = "lens.recorder";

    /// <summary>May manage the ORI directory and the outbox: LESC staff.</summary>
    public const string LescPolicy = "lens.lesc";

    /// <summary>May manage the qualifying offense codes: LESC staff and System Administrators.</summary>
    public const string OffensesPolicy = "lens.offenses";

    public ModuleManifest Manifest { get; } = new("lens", "LENS notifier", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void ConfigureRoles(ModuleRoleBuilder roles) =>
        roles.Add(LescStaff,
            "Law Enforcement Support Center staff: keep the states' LENS ORIs, watch deliveries, re-queue dead letters; read release subjects.",
            HostGrant.Records | HostGrant.PiiNeedToKnow);

    public void ConfigureAuthorization(ModuleAuthorizationBuilder authorization)
    {
        authorization.AddPolicy(RecorderPolicy, p => p.RequireAuthenticatedUser().RequireRole(DirectoryRoles.Agent, DirectoryRoles.Supervisor));
        authorization.AddPolicy(LescPolicy, p => p.RequireAuthenticatedUser().RequireRole(LescStaff));
        authorization.AddPolicy(OffensesPolicy, p => p.RequireAuthenticatedUser().RequireRole(LescStaff, DirectoryRoles.SystemAdministrator));
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema)
    {
    }
}
