using SenGraph.Host.GraphQL;
using SenGraph.Host.Hosting;

namespace SenGraph.Host.Modules;

public static class ModulesServiceCollectionExtensions
{
    /// <summary>
    /// Modules from the plugins folder: loading, schema composition, the catalog and its events, and the host's own root
    /// fields about them (<see cref="HostQueries"/>, <see cref="HostMutations"/>). Loading at start and following the folder
    /// afterwards are steps of <see cref="Hosting.StartupSequence"/>.
    /// </summary>
    public static IServiceCollection AddModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<PluginOptions>(configuration, PluginOptions.Section);
        services.AddSingleton<ModuleLoader>();
        services.AddSingleton<SchemaComposer>();
        services.AddSingleton<ModuleCatalog>();
        services.AddSingleton<SchemaHost>();
        services.AddSingleton<ModuleEventBus>();
        services.AddSingleton<SenGraph.Contracts.Modules.Events.IModuleEvents>(sp => sp.GetRequiredService<ModuleEventBus>());
        services.AddSingleton<RoleCatalog>();
        services.AddSingleton<ModuleStartup>();
        services.AddSingleton<PluginsWatcher>();
        services.AddRootFields<HostQueries>(RootOperation.Query);
        services.AddRootFields<HostMutations>(RootOperation.Mutation);
        return services;
    }
}
