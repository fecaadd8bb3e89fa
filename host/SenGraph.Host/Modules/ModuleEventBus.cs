using SenGraph.Contracts.Modules.Events;

namespace SenGraph.Host.Modules;

/// <summary>
/// Delivers <see cref="IModuleEvent"/>s to the handlers every module of the current snapshot registered, module by
/// module, each handler in its own scope of its module's container. The snapshot is leased for the delivery, so a
/// module being replaced meanwhile is not released under its handler.
/// </summary>
public sealed class ModuleEventBus(SchemaHost host, ILogger<ModuleEventBus> logger) : IModuleEvents
{
    public async Task PublishAsync<TEvent>(TEvent moduleEvent, CancellationToken cancellationToken)
        where TEvent : class, IModuleEvent
    {
        ArgumentNullException.ThrowIfNull(moduleEvent);
        if (typeof(TEvent).Assembly != typeof(IModuleEvent).Assembly)
            throw new ArgumentException(
                $"{typeof(TEvent).FullName} is not declared in the contracts: only contracts event types reach other modules.", nameof(moduleEvent));
        if (!host.IsReady) return;

        using var lease = host.Acquire();
        foreach (var module in lease.Snapshot.LoadedModules)
        {
            await using var scope = module.Services.CreateAsyncScope();
            foreach (var handler in scope.ServiceProvider.GetServices<IModuleEventHandler<TEvent>>())
            {
                try
                {
                    await handler.HandleAsync(moduleEvent, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Module {ModuleId}: {Handler} failed handling {Event}.", module.Manifest.Id, handler.GetType().Name, typeof(TEvent).Name);
                }
            }
        }
    }
}

/// <summary>Events that go nowhere: for loading a module outside a running host (reading a package's manifest).</summary>
public sealed class NoModuleEvents : IModuleEvents
{
    public Task PublishAsync<TEvent>(TEvent moduleEvent, CancellationToken cancellationToken)
        where TEvent : class, IModuleEvent => Task.CompletedTask;
}
