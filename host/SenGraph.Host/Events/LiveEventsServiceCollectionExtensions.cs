using Microsoft.Extensions.Diagnostics.HealthChecks;
using SenGraph.Contracts.Modules.Events;
using SenGraph.Host.Hosting;

namespace SenGraph.Host.Events;

/// <summary>Registers the live-event bus (<see cref="ILiveEvents"/>) and, with <c>Events:Redis</c>, its Redis backplane.</summary>
public static class LiveEventsServiceCollectionExtensions
{
    /// <summary>Before the services that publish at start: the backplane connects before modules load.</summary>
    public static IServiceCollection AddLiveEvents(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = services.AddSettings<LiveEventSettings>(configuration, LiveEventSettings.Section, s => s.Problems(), "live-event");
        services.AddSingleton<LiveEventBus>();
        services.AddSingleton<ILiveEvents>(sp => sp.GetRequiredService<LiveEventBus>());
        if (settings.RedisOptions is not null)
        {
            services.AddSingleton<RedisLiveEventBackplane>();
            services.AddHostedService(sp => sp.GetRequiredService<RedisLiveEventBackplane>());
            services.AddHealthChecks().AddCheck<LiveEventsHealthCheck>("events", tags: [Health.HealthEndpoints.ReadyTag]);
        }

        return services;
    }
}

/// <summary>
/// Degraded (still 200 on <c>/health/ready</c>) while the link to Redis is down: the replica serves queries and its own
/// subscribers, only other replicas' live events miss it; taking every replica out of the balancer for a Redis outage
/// would turn a partial loss into a full one.
/// </summary>
internal sealed class LiveEventsHealthCheck(RedisLiveEventBackplane backplane) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(backplane.IsConnected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("The link to Redis is down: other replicas' live events are not delivered here."));
}
