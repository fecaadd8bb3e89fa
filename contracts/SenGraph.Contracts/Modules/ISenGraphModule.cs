using Microsoft.Extensions.DependencyInjection;

namespace SenGraph.Contracts.Modules;

/// <summary>
/// The entry point of a module. The host finds the one public, non-abstract implementation in the
/// module assembly, creates it with its parameterless constructor, and asks it for its contributions.
/// </summary>
public interface ISenGraphModule
{
    /// <summary>Identity, version and targeted contracts version.</summary>
    ModuleManifest Manifest { get; }

    /// <summary>
    /// Registers the module's services (and its persistence, see
    /// <see cref="Persistence.ModuleDatabaseServiceCollectionExtensions"/>) in the module's own container.
    /// Every <see cref="GraphQL.Types.IGraphType"/> in the module assembly is registered by the host.
    /// Background work is an <see cref="Microsoft.Extensions.Hosting.IHostedService"/> registered here
    /// (<c>services.AddHostedService&lt;T&gt;()</c>): started once the module serves, stopped (within
    /// <c>Plugins:ServiceStopTimeout</c>) before a new version takes over, when it is removed or disabled, and
    /// when the host stops. Event handlers: <see cref="Events.IModuleEventHandler{TEvent}"/>.
    /// </summary>
    void ConfigureServices(IServiceCollection services, ModuleContext context);

    /// <summary>Declares the authorization policies the module's fields refer to.</summary>
    void ConfigureAuthorization(ModuleAuthorizationBuilder authorization)
    {
    }

    /// <summary>
    /// Declares the roles the module adds to the directory (e.g. LESC Staff): administrators assign them, the
    /// module's policies name them. A name already used by the host or another module refuses the module.
    /// </summary>
    void ConfigureRoles(ModuleRoleBuilder roles)
    {
    }

    /// <summary>Declares the module's root fields and extra types.</summary>
    void ConfigureSchema(ModuleSchemaBuilder schema);

    /// <summary>
    /// Declares command line verbs (e.g. <c>sc import</c>): the host's command line loads the modules, applies their
    /// migrations and runs the verb in the module's container.
    /// </summary>
    void ConfigureCommands(ModuleCommandBuilder commands)
    {
    }

    /// <summary>Declares HTTP paths the module serves outside GraphQL (a dashboard page and its scripts).</summary>
    void ConfigureEndpoints(ModuleEndpointBuilder endpoints)
    {
    }
}
