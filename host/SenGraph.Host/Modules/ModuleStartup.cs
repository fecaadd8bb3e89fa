namespace SenGraph.Host.Modules;

/// <summary>Loads the modules before the server starts listening.</summary>
public sealed class ModuleStartup(ModuleCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => catalog.ReloadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => catalog.StopServicesAsync();
}
