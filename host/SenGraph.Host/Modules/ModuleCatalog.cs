using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace SenGraph.Host.Modules;

/// <summary>Where the host looks for modules.</summary>
public sealed class PluginOptions
{
    public const string Section = "Plugins";

    /// <summary>The plugins folder; relative paths are resolved against the host's base directory.</summary>
    public string Path { get; set; } = "plugins";

    public string ResolvedPath => System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, Path));
}

/// <summary>
/// Loads every module in the plugins folder, composes the schema and applies the migrations of the
/// modules that made it in. One module's failure never stops the others.
/// </summary>
public sealed class ModuleCatalog(ModuleLoader loader, SchemaComposer composer, IOptions<PluginOptions> options, ILogger<ModuleCatalog> logger)
{
    public async Task<SchemaSnapshot> LoadAllAsync(bool applyMigrations, CancellationToken cancellationToken)
    {
        var folder = options.Value.ResolvedPath;
        var folders = Directory.Exists(folder)
            ? Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToList()
            : [];
        if (folders.Count == 0)
            logger.LogWarning("No modules found in {PluginsPath}. Build the solution, or set Plugins:Path.", folder);

        var outcomes = new Dictionary<string, ModuleDescriptor>(StringComparer.Ordinal);
        var candidates = new List<LoadedModule>();
        var policyOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in folders)
        {
            var name = Path.GetFileName(path);
            LoadedModule module;
            try
            {
                module = loader.Load(path);
            }
            catch (ModuleLoadException e)
            {
                outcomes[path] = Fail(name, path, e.Message, e.Manifest, e.InnerException);
                continue;
            }

            var clash = IdClash(module, candidates) ?? PolicyClash(module, policyOwners);
            if (clash is not null)
            {
                outcomes[path] = Fail(name, path, clash, module.Manifest, null);
                await module.DisposeAsync();
                continue;
            }

            foreach (var policy in module.Policies.Keys) policyOwners[policy] = $"module '{module.Manifest.Id}'";
            candidates.Add(module);
        }

        var composition = composer.Compose(candidates);
        foreach (var (module, reason) in composition.Rejected)
        {
            outcomes[module.Path] = Fail(Path.GetFileName(module.Path), module.Path, reason, module.Manifest, null);
            await module.DisposeAsync();
        }

        var accepted = composition.Accepted.ToList();
        if (applyMigrations)
        {
            foreach (var module in composition.Accepted)
            {
                try
                {
                    await ModuleLoader.MigrateAsync(module, cancellationToken);
                }
                catch (ModuleLoadException e)
                {
                    outcomes[module.Path] = Fail(Path.GetFileName(module.Path), module.Path, e.Message, module.Manifest, e.InnerException);
                    accepted.Remove(module);
                    await module.DisposeAsync();
                }
            }
        }

        var schema = accepted.Count == composition.Accepted.Count ? composition.Schema : composer.Compose(accepted).Schema;
        foreach (var module in accepted)
        {
            outcomes[module.Path] = module.Describe();
            logger.LogInformation("Loaded module {ModuleId} {ModuleVersion} from {ModulePath}.", module.Manifest.Id, module.Manifest.Version, module.Path);
        }

        var policies = accepted.SelectMany(m => m.Policies).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var descriptors = folders.Where(outcomes.ContainsKey).Select(f => outcomes[f]).ToList();
        return new SchemaSnapshot(schema, descriptors, accepted, policies);
    }

    private static string? IdClash(LoadedModule module, List<LoadedModule> accepted) =>
        accepted.FirstOrDefault(c => c.Manifest.Id == module.Manifest.Id) is { } other
            ? $"Module id '{module.Manifest.Id}' is already used by {Path.GetFileName(other.Path)}."
            : null;

    private static string? PolicyClash(LoadedModule module, Dictionary<string, string> policyOwners) =>
        module.Policies.Keys.FirstOrDefault(policyOwners.ContainsKey) is { } policy
            ? $"Policy '{policy}' is already declared by {policyOwners[policy]}."
            : null;

    private ModuleDescriptor Fail(string name, string path, string reason, Contracts.Modules.ModuleManifest? manifest, Exception? exception)
    {
        logger.LogError(exception, "Module {Module} skipped: {Reason}", manifest?.Id ?? name, reason);
        return ModuleDescriptor.Failed(name, path, reason, manifest);
    }
}

/// <summary>Loads the modules before the server starts listening.</summary>
public sealed class ModuleStartup(ModuleCatalog catalog, SchemaHost host) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        host.Publish(await catalog.LoadAllAsync(applyMigrations: true, cancellationToken));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Resolves policy names against the policies of the modules in the current snapshot.</summary>
public sealed class ModulePolicyProvider(IOptions<AuthorizationOptions> options, SchemaHost host) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        host.IsReady && host.Current.Policies.TryGetValue(policyName, out var policy)
            ? policy
            : await base.GetPolicyAsync(policyName);
}
