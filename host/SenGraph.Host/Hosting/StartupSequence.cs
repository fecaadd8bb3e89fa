using SenGraph.Host.Kernel.Demo;
using SenGraph.Host.Modules;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Hosting;

/// <summary>
/// The host's start, step by step, before it listens: the host's tables (migrations, and in Development the directory
/// seed), then the modules (their migrations may refer to host tables), then in Development the demo data (written
/// through the modules' report types), then following the plugins folder. Stopping runs the steps' stops in reverse.
/// </summary>
public sealed class StartupSequence(SenDatabaseStartup hostDatabase, ModuleStartup modules, DemoStartup demoData, PluginsWatcher pluginsWatcher)
    : IHostedService
{
    /// <summary>The steps, in the order they start.</summary>
    public IReadOnlyList<IHostedService> Steps { get; } = [hostDatabase, modules, demoData, pluginsWatcher];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var step in Steps) await step.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var step in Steps.Reverse()) await step.StopAsync(cancellationToken);
    }
}

public static class StartupSequenceServiceCollectionExtensions
{
    /// <summary>
    /// The start-up sequence, as one hosted service. Hosted services start in registration order: register it after the
    /// services it needs running (the live events backplane) and before the background services that need the modules.
    /// </summary>
    public static IServiceCollection AddStartupSequence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DemoOptions>(configuration, DemoOptions.Section);
        services.AddSingleton<DemoStartup>();
        services.AddSingleton<StartupSequence>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupSequence>());
        return services;
    }
}
