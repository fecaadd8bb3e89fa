using System.Reflection;
using System.Runtime.Loader;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Authorization;
using SenGraph.Contracts.Modules;

namespace SenGraph.Host.Modules;

/// <summary>A module whose assembly is loaded and whose contributions are collected.</summary>
public sealed class LoadedModule(
    ModuleManifest manifest,
    string path,
    string fingerprint,
    DateTimeOffset loadedAt,
    Assembly assembly,
    PluginLoader loader,
    ServiceProvider services,
    ModuleSchemaBuilder schema,
    IReadOnlyDictionary<string, AuthorizationPolicy> policies,
    IReadOnlyList<ModuleRole> roles,
    TimeSpan serviceStopTimeout,
    ILogger logger) : IAsyncDisposable
{
    private int _disposed;

    public ModuleManifest Manifest { get; } = manifest;
    public string Path { get; } = path;

    /// <summary>Identifies the folder's content: a changed fingerprint means a new version to load.</summary>
    public string Fingerprint { get; } = fingerprint;

    public DateTimeOffset LoadedAt { get; } = loadedAt;
    public Assembly Assembly { get; } = assembly;

    /// <summary>
    /// Whether <paramref name="type"/> is the module's: declared in its assembly, or a generic type built over
    /// one of its types at any depth (<c>ConnectionGraphType&lt;ReportObjectGraphType&lt;SirReport&gt;&gt;</c>).
    /// </summary>
    public bool Owns(Type type) =>
        type.Assembly == Assembly || type.IsConstructedGenericType && type.GenericTypeArguments.Any(Owns);

    /// <summary>The module's own container: its services, its graph types, its database.</summary>
    public IServiceProvider Services => services;

    public ModuleSchemaBuilder Schema { get; } = schema;
    public IReadOnlyDictionary<string, AuthorizationPolicy> Policies { get; } = policies;

    /// <summary>The command line verbs the module adds (<see cref="ISenGraphModule.ConfigureCommands"/>).</summary>
    public IReadOnlyList<ModuleCommand> Commands { get; init; } = [];

    /// <summary>The HTTP paths the module serves (<see cref="ISenGraphModule.ConfigureEndpoints"/>).</summary>
    public IReadOnlyList<ModuleEndpoint> Endpoints { get; init; } = [];

    /// <summary>The roles the module adds to the directory.</summary>
    public IReadOnlyList<ModuleRole> Roles { get; } = roles;

    /// <summary>The module's background services: started once it serves, stopped before it is released.</summary>
    public ModuleServices BackgroundServices { get; } = new(services, manifest.Id, manifest.Version, serviceStopTimeout, logger);

    /// <summary>Tells whether the runtime has let go of the module's load context after disposal.</summary>
    public WeakReference<AssemblyLoadContext> LoadContext { get; } = new(loader.LoadContext);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await BackgroundServices.StopAsync();
        await services.DisposeAsync();
        loader.Dispose();
    }
}
