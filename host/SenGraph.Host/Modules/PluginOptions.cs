namespace SenGraph.Host.Modules;

/// <summary>Where the host looks for modules, and how it follows changes there.</summary>
public sealed class PluginOptions
{
    public const string Section = "Plugins";

    /// <summary>The plugins folder; relative paths are resolved against the host's base directory.</summary>
    public string Path { get; set; } = "plugins";

    /// <summary>Reload modules when the plugins folder changes.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the folder must stay quiet before a change is loaded (copies take a while).</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often the folder is compared with what was last loaded, for changes no file-system event announces (a
    /// module store on a network share written by another machine); zero: never. With several replicas, the bound
    /// within which every replica serves what the store holds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Older versions of one module still in memory (the runtime could not unload them) at which
    /// <c>modules</c> recommends a restart.
    /// </summary>
    public int RestartRecommendedAfter { get; set; } = 10;

    /// <summary>
    /// How long a module version's background services get to stop (upgrade, removal, disabling, host shutdown)
    /// before they are abandoned.
    /// </summary>
    public TimeSpan ServiceStopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public string ResolvedPath => System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, Path));

    /// <summary>Ids of modules an administrator disabled, one per line; survives restarts.</summary>
    public string DisabledModulesFile => System.IO.Path.Combine(ResolvedPath, ".disabled-modules");
}
