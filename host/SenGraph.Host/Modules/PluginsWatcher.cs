using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SenGraph.Contracts.Modules.Events;
using SenGraph.Host.Events;

namespace SenGraph.Host.Modules;

/// <summary>
/// Keeps the loaded modules in line with the plugins folder (the module store, which several replicas may share) and
/// reloads once the folder has been quiet for <see cref="PluginOptions.ReloadDelay"/>: a module folder that appears is
/// loaded, one that changes is upgraded side by side, one that disappears is removed. A change is noticed three ways:
/// file-system events (<see cref="PluginOptions.Watch"/>), a comparison of the folder with what was last loaded every
/// <see cref="PluginOptions.PollInterval"/>, and a <see cref="ModulesChanged"/> notice from another replica that saw
/// the change first (through the live-event bus), so replicas that cannot watch a network share still follow promptly.
/// </summary>
public sealed class PluginsWatcher(ModuleCatalog catalog, LiveEventBus bus, IOptions<PluginOptions> options, ILogger<PluginsWatcher> logger)
    : BackgroundService
{
    private enum Trigger
    {
        Local,
        Notice,
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        Directory.CreateDirectory(settings.ResolvedPath);
        var loaded = StoreFingerprint(settings.ResolvedPath);

        var changes = Channel.CreateUnbounded<Trigger>(new UnboundedChannelOptions { SingleReader = true });
        using var watcher = settings.Watch ? Watch(settings.ResolvedPath, changes.Writer) : null;
        using var notices = bus.Watch<ModulesChanged>().Subscribe(new OnNotice(bus.ReplicaId, changes.Writer));
        var polling = settings.PollInterval > TimeSpan.Zero ? PollAsync(settings, () => Volatile.Read(ref loaded), changes.Writer, stoppingToken) : Task.CompletedTask;

        try
        {
            while (await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                // Let the copy finish: wait until a whole delay passes without a new change.
                var local = false;
                do
                {
                    while (changes.Reader.TryRead(out var trigger)) local |= trigger == Trigger.Local;
                    await Task.Delay(settings.ReloadDelay, stoppingToken);
                }
                while (changes.Reader.TryPeek(out _));

                var now = StoreFingerprint(settings.ResolvedPath);
                // Another replica's notice of what this one has already loaded (its own watcher was faster): nothing to do.
                if (!local && now == Volatile.Read(ref loaded)) continue;
                Volatile.Write(ref loaded, now);
                try
                {
                    await catalog.ReloadAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Reloading modules failed; the running modules keep serving.");
                }

                // Tell the other replicas what this one saw; one that reloads on a notice does not repeat it.
                if (local) bus.Publish(new ModulesChanged(bus.ReplicaId, now));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await polling;
    }

    private FileSystemWatcher Watch(string path, ChannelWriter<Trigger> changes)
    {
        var watcher = new FileSystemWatcher(path)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, _) => changes.TryWrite(Trigger.Local);
        watcher.Changed += (_, _) => changes.TryWrite(Trigger.Local);
        watcher.Deleted += (_, _) => changes.TryWrite(Trigger.Local);
        watcher.Renamed += (_, _) => changes.TryWrite(Trigger.Local);
        watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "Watching the plugins folder failed; reloading to catch up.");
            changes.TryWrite(Trigger.Local);
        };
        watcher.EnableRaisingEvents = true;
        logger.LogInformation("Watching {PluginsPath} for module changes.", path);
        return watcher;
    }

    /// <summary>Compares the folder with what was last loaded every <see cref="PluginOptions.PollInterval"/>.</summary>
    private async Task PollAsync(PluginOptions settings, Func<string> loaded, ChannelWriter<Trigger> changes, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (StoreFingerprint(settings.ResolvedPath) != loaded()) changes.TryWrite(Trigger.Local);
                }
                catch (IOException e)
                {
                    logger.LogWarning(e, "Reading the plugins folder {PluginsPath} failed; trying again in {Interval}.", settings.ResolvedPath, settings.PollInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Every file's path, size and time in the store (the disabled-modules list included).</summary>
    private static string StoreFingerprint(string path)
    {
        try
        {
            return ModuleLoader.Fingerprint(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder replaced while it is listed: taken as a change, the next look settles it.
            return Guid.NewGuid().ToString("N");
        }
    }

    private sealed class OnNotice(string self, ChannelWriter<Trigger> changes) : IObserver<ModulesChanged>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(ModulesChanged value)
        {
            if (value.Replica != self) changes.TryWrite(Trigger.Notice);
        }
    }
}

/// <summary>A replica saw the shared module store change and reloaded: the others look at the store now.</summary>
/// <param name="Replica">The replica that saw it (it ignores its own notice).</param>
/// <param name="Fingerprint">The store as that replica saw it.</param>
public sealed record ModulesChanged(string Replica, string Fingerprint) : ILiveEvent;
