using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Modules.Events;
using SenGraph.Contracts.Persistence;
using SenGraph.Modules.Lens.Data;
using SenGraph.Modules.Lens.OriDirectory;
using SenGraph.Modules.Lens.GraphQL;
using SenGraph.Modules.Lens.Outbox;
using SenGraph.Modules.Lens.Releases;

namespace SenGraph.Modules.Lens;

/// <summary>
/// LENS (seed 004, issue 18): a release from ICE custody of a subject with a qualifying conviction becomes NLETS
/// administrative messages to the ORIs the states chose: the rules that decide the messages
/// (<see cref="Notifications.LensNotices"/>), their text (<see cref="Notifications.NletsAmTemplate"/>), the module's
/// tables (<see cref="LensDbContext"/>), releases written with their outbox messages (<see cref="LensReleases"/>), the
/// dispatcher (<see cref="LensDispatcher"/>) and the GraphQL fields.
/// </summary>
public sealed class LensModule : ISenGraphModule
{
    /// <summary>Law Enforcement Support Center staff: keep the ORI directory, watch and re-queue deliveries.</summary>
    public const string LescStaff = "LESC Staff";

    /// <summary>May record custody releases: ERO officers.</summary>
    public const string RecorderPolicy = "lens.recorder";

    /// <summary>May manage the ORI directory and the outbox: LESC staff.</summary>
    public const string LescPolicy = "lens.lesc";

    /// <summary>May read custody releases: ERO officers and LESC staff.</summary>
    public const string ReaderPolicy = "lens.reader";

    /// <summary>May manage the state ORI directory: LESC staff and System Administrators.</summary>
    public const string DirectoryPolicy = "lens.directory";

    /// <summary>May manage the qualifying offense codes: LESC staff and System Administrators.</summary>
    public const string OffensesPolicy = "lens.offenses";

    public ModuleManifest Manifest { get; } = ModuleManifest.Of<LensModule>("lens", "LENS notifier");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDatabase<LensDbContext, SqliteLensDbContext, SqlServerLensDbContext, PostgreSqlLensDbContext>(context);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LensReleases>();
        services.AddSingleton<LensDirectory>();
        services.AddSingleton<LensOutbox>();
        services.AddSingleton<LensStatusFeed>();
        services.AddModuleEventHandler<LensMessageStatusChanged, LensStatusFeedHandler>();

        var outbox = new LensOutboxOptions();
        context.Configuration.GetSection(LensOutboxOptions.Section).Bind(outbox);
        if (outbox.Problems().ToList() is { Count: > 0 } problems) throw new OptionsValidationException(LensOutboxOptions.Section, typeof(LensOutboxOptions), problems);
        services.AddSingleton(Options.Create(outbox));
        switch (outbox.Transport)
        {
            case LensTransportKind.FileDrop:
                services.AddSingleton<ILensTransport>(new FileDropTransport(
                    Path.GetFullPath(outbox.FileDropPath ?? "lens-outbox", context.Environment.ContentRootPath)));
                break;
            case LensTransportKind.Http:
                services.AddSingleton<ILensTransport>(_ => new HttpGatewayTransport(new Uri(outbox.GatewayUrl!), outbox.GatewayTimeout));
                break;
        }

        if (outbox.Transport != LensTransportKind.None) services.AddHostedService<LensDispatcher>();
    }

    public void ConfigureRoles(ModuleRoleBuilder roles) =>
        roles.Add(LescStaff,
            "Law Enforcement Support Center staff: keep the states' LENS ORIs, watch deliveries, re-queue dead letters; read release subjects.",
            HostGrant.Records | HostGrant.PiiNeedToKnow);

    public void ConfigureAuthorization(ModuleAuthorizationBuilder authorization)
    {
        authorization.AddPolicy(RecorderPolicy, p => p.RequireAuthenticatedUser().RequireRole(DirectoryRoles.Agent, DirectoryRoles.Supervisor));
        authorization.AddPolicy(ReaderPolicy, p => p.RequireAuthenticatedUser().RequireRole(DirectoryRoles.Agent, DirectoryRoles.Supervisor, LescStaff));
        authorization.AddPolicy(DirectoryPolicy, p => p.RequireAuthenticatedUser().RequireRole(LescStaff, DirectoryRoles.SystemAdministrator));
        authorization.AddPolicy(LescPolicy, p => p.RequireAuthenticatedUser().RequireRole(LescStaff));
        authorization.AddPolicy(OffensesPolicy, p => p.RequireAuthenticatedUser().RequireRole(LescStaff, DirectoryRoles.SystemAdministrator));
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) =>
        schema.ExtendQuery<LensQueries>().ExtendMutation<LensMutations>().ExtendSubscription<LensSubscriptions>();
}
