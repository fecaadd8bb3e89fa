using Microsoft.Extensions.DependencyInjection;

namespace SenGraph.Contracts.Modules.Events;

/// <summary>
/// An event modules can handle. Event types are declared in the contracts (never in a module), so a
/// publisher and its handlers in other modules see one and the same type.
/// </summary>
public interface IModuleEvent;

/// <summary>
/// Handles one event type. Register it in the module's container with
/// <see cref="ModuleEventServiceCollectionExtensions.AddModuleEventHandler{TEvent, THandler}"/>; each call
/// runs in its own scope of the module's container.
/// </summary>
public interface IModuleEventHandler<in TEvent>
    where TEvent : IModuleEvent
{
    Task HandleAsync(TEvent moduleEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Publishes an event to every loaded module's handlers (the host's, and every module's container, can ask
/// for it). Delivery is in process, after the publisher's commit, at most once: the publisher awaits the
/// handlers, one that throws is logged and does not stop the others nor fail the publisher. A module that
/// must not miss an event writes what it needs (its own outbox) in its handler.
/// </summary>
public interface IModuleEvents
{
    /// <exception cref="ArgumentException">The event type is not declared in the contracts.</exception>
    Task PublishAsync<TEvent>(TEvent moduleEvent, CancellationToken cancellationToken)
        where TEvent : class, IModuleEvent;
}

/// <summary>Registration of event handlers in a module's container.</summary>
public static class ModuleEventServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="THandler"/> (scoped) for <typeparamref name="TEvent"/>.</summary>
    public static IServiceCollection AddModuleEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IModuleEvent
        where THandler : class, IModuleEventHandler<TEvent>
    {
        services.AddScoped<IModuleEventHandler<TEvent>, THandler>();
        return services;
    }
}
