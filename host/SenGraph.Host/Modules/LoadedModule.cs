using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Authorization;
using SenGraph.Contracts.Modules;

namespace SenGraph.Host.Modules;

/// <summary>A module whose assembly is loaded and whose contributions are collected.</summary>
public sealed class LoadedModule(
    ModuleManifest manifest,
    string path,
    Assembly assembly,
    PluginLoader loader,
    ServiceProvider services,
    ModuleSchemaBuilder schema,
    IReadOnlyDictionary<string, AuthorizationPolicy> policies) : IAsyncDisposable
{
    public ModuleManifest Manifest { get; } = manifest;
    public string Path { get; } = path;
    public Assembly Assembly { get; } = assembly;

    /// <summary>The module's own container: its services, its graph types, its database.</summary>
    public IServiceProvider Services => services;

    public ModuleSchemaBuilder Schema { get; } = schema;
    public IReadOnlyDictionary<string, AuthorizationPolicy> Policies { get; } = policies;

    public ModuleDescriptor Describe() =>
        new(Manifest.Id, Manifest.DisplayName, Manifest.Version, Manifest.ContractsVersion, ModuleStatus.Loaded, null, Path);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        loader.Dispose();
    }
}
