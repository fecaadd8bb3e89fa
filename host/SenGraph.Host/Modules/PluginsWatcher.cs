using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace SenGraph.Host.Modules;

/// <summary>
/// Watches the plugins folder and reloads the modules once it has been quiet for
/// <see cref="PluginOptions.ReloadDelay"/>: a module folder that appears is loaded, one that changes is
/// upgraded side by side, one that disappears is removed.
/// </summary>
public sealed class PluginsWatcher(ModuleCatalog catalog, IOptions<PluginOptions> options, ILogger<PluginsWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Watch) return;
        Directory.CreateDirectory(settings.ResolvedPath);

        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = new FileSystemWatcher(settings.ResolvedPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, _) => changes.Writer.TryWrite(true);
        watcher.Changed += (_, _) => changes.Writer.TryWrite(true);
        watcher.Deleted += (_, _) => changes.Writer.TryWrite(true);
        watcher.Renamed += (_, _) => changes.Writer.TryWrite(true);
        watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "Watching the plugins folder failed; reloading to catch up.");
            changes.Writer.TryWrite(true);
        };
        watcher.EnableRaisingEvents = true;
        logger.LogInformation("Watching {PluginsPath} for module changes.", settings.ResolvedPath);

        try
        {
            while (await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                // Let the copy finish: wait until a whole delay passes without a new change.
                do
                {
                    changes.Reader.TryRead(out _);
                    await Task.Delay(settings.ReloadDelay, stoppingToken);
                }
                while (changes.Reader.TryRead(out _));

                try
                {
                    await catalog.ReloadAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Reloading modules failed; the running modules keep serving.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
