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
    /// </summary>
    void ConfigureServices(IServiceCollection services, ModuleContext context);

    /// <summary>Declares the authorization policies the module's fields refer to.</summary>
    void ConfigureAuthorization(ModuleAuthorizationBuilder authorization)
    {
    }

    /// <summary>Declares the module's root fields and extra types.</summary>
    void ConfigureSchema(ModuleSchemaBuilder schema);
}
