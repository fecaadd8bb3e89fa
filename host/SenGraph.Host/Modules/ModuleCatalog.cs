using Microsoft.Extensions.Options;
using SenGraph.Contracts.Modules;
using SenGraph.Host.Hosting;

namespace SenGraph.Host.Modules;

/// <summary>
/// Brings the set of loaded modules in line with the plugins folder: loads new and changed module
/// folders side by side with what is running, composes the schema, applies migrations, and only then
/// hands the result over. A module that fails (or an upgrade that would break clients without a new
/// major version) is reported and, when an older version was running, the older version keeps serving.
/// One module's failure never stops the others. Folders whose names start with '.' or '_' are ignored.
/// </summary>
public sealed class ModuleCatalog(
    ModuleLoader loader,
    SchemaComposer composer,
    SchemaHost host,
    IOptions<PluginOptions> options,
    TimeProvider clock,
    SenGraph.Host.Hosting.StartupTimings timings,
    ILogger<ModuleCatalog> logger)
{
    private readonly PluginsDirectory folder = new(options, logger);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, ModuleChange> _lastChanges = new(StringComparer.Ordinal);

    // Folders that failed to load, or whose upgrade was refused, by content: not retried until they change.
    private readonly Dictionary<string, (string Fingerprint, string Reason, ModuleManifest? Manifest)> _refusedFolders = new(StringComparer.Ordinal);

    /// <summary>Loads and composes every module without publishing anything (host commands).</summary>
    public Task<SchemaSnapshot> LoadAllAsync(bool applyMigrations, CancellationToken cancellationToken) =>
        ComposeAsync(previous: null, applyMigrations, cancellationToken);

    /// <summary>
    /// Brings the running host in line with the plugins folder and publishes the result. A host command that only runs
    /// the schema in process (<c>seed demo</c>, <c>records disposition</c>) passes <paramref name="startServices"/> false:
    /// its modules' background services (the LENS dispatcher) must not run in it, nor outlive it.
    /// </summary>
    public async Task<SchemaSnapshot> ReloadAsync(CancellationToken cancellationToken, bool startServices = true)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var previous = host.IsReady ? host.Current : null;
            var next = await ComposeAsync(previous, applyMigrations: true, cancellationToken);
            // The versions that leave stop their services first (within the deadline), so a successor's never run next to
            // its predecessor's, and once the change is visible the old services are gone.
            await Task.WhenAll((previous?.LoadedModules ?? []).Except(next.LoadedModules).Select(m => m.BackgroundServices.StopAsync()));
            host.Publish(next);
            if (startServices)
                foreach (var module in next.LoadedModules) await module.BackgroundServices.StartAsync(cancellationToken);
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops every running module's background services (the host is stopping).</summary>
    public async Task StopServicesAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (host.IsReady) await Task.WhenAll(host.Current.LoadedModules.Select(m => m.BackgroundServices.StopAsync()));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Switches a module off or on (remembered across restarts) and reloads.</summary>
    public async Task<ModuleDescriptor?> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await folder.SetDisabledAsync(id, !enabled, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        // Not the caller's token: a client that gives up must not abort a reload half-way.
        var snapshot = await ReloadAsync(CancellationToken.None);
        return snapshot.Modules.FirstOrDefault(m => m.Id == id);
    }

    private async Task<SchemaSnapshot> ComposeAsync(SchemaSnapshot? previous, bool applyMigrations, CancellationToken cancellationToken)
    {
        var disabled = folder.ReadDisabled();
        var running = previous?.LoadedModules.ToDictionary(m => m.Path, StringComparer.Ordinal) ?? [];
        var outcomes = new Dictionary<string, ModuleDescriptor>(StringComparer.Ordinal);
        var kept = new List<LoadedModule>();
        var pending = new List<(LoadedModule Module, LoadedModule? Predecessor)>();

        foreach (var path in folder.ModuleFolders())
        {
            var fingerprint = ModuleLoader.Fingerprint(path);
            running.TryGetValue(path, out var predecessor);
            if (predecessor is not null && predecessor.Fingerprint == fingerprint)
            {
                if (disabled.Contains(predecessor.Manifest.Id)) outcomes[path] = ModuleDescriptor.Disabled(predecessor);
                else kept.Add(predecessor);
                continue;
            }

            if (_refusedFolders.TryGetValue(path, out var refused) && refused.Fingerprint == fingerprint)
            {
                if (predecessor is not null && !disabled.Contains(predecessor.Manifest.Id)) kept.Add(predecessor);
                else outcomes[path] = ModuleDescriptor.Failed(Path.GetFileName(path), path, refused.Reason, refused.Manifest);
                continue;
            }

            LoadedModule module;
            try
            {
                module = timings.MeasureModule(Path.GetFileName(path), () => loader.Load(path, fingerprint));
            }
            catch (ModuleLoadException e)
            {
                _refusedFolders[path] = (fingerprint, e.Message, e.Manifest);
                if (predecessor is not null) RefuseUpgrade(predecessor, e.Manifest?.Version, e.Message, [], kept, e);
                else outcomes[path] = Fail(path, e.Message, e.Manifest, e.InnerException);
                continue;
            }

            _refusedFolders.Remove(path);
            if (disabled.Contains(module.Manifest.Id))
            {
                outcomes[path] = ModuleDescriptor.Disabled(module);
                await module.DisposeAsync();
                continue;
            }

            pending.Add((module, predecessor));
        }

        // Newcomers are checked against every running module (whatever their folder order), then each other.
        foreach (var (module, predecessor) in pending.ToList())
        {
            List<LoadedModule> others = [.. kept, .. pending.Select(p => p.Module).TakeWhile(m => m != module)];
            if ((ModuleClashes.Id(module, others) ?? ModuleClashes.Policy(module, others) ?? RoleCatalog.Clash(module, others)) is { } clash)
            {
                pending.RemoveAll(p => p.Module == module);
                await RejectAsync(module, predecessor, clash, [], kept, outcomes, remember: false);
            }
        }

        try
        {
            return await ComposeAndMigrateAsync(previous, applyMigrations, kept, pending, outcomes, cancellationToken);
        }
        catch
        {
            // Nothing half-loaded survives a failed reload: the running snapshot stays as it was.
            foreach (var (module, _) in pending) await module.DisposeAsync();
            throw;
        }
    }

    private async Task<SchemaSnapshot> ComposeAndMigrateAsync(SchemaSnapshot? previous, bool applyMigrations, List<LoadedModule> kept,
        List<(LoadedModule Module, LoadedModule? Predecessor)> pending, Dictionary<string, ModuleDescriptor> outcomes, CancellationToken cancellationToken)
    {
        var migrated = new HashSet<LoadedModule>();
        while (true)
        {
            // Running modules go first: a newcomer never pushes out what already serves.
            var composition = timings.Measure(StartupTimings.SchemaComposition, () => composer.Compose([.. kept, .. pending.Select(p => p.Module)]));
            var refusals = new List<(LoadedModule Module, LoadedModule? Predecessor, string Reason, IReadOnlyList<SchemaChange> Changes)>();
            foreach (var (module, reason) in composition.Rejected)
            {
                var entry = pending.FirstOrDefault(p => p.Module == module);
                if (entry.Module is not null) refusals.Add((module, entry.Predecessor, reason, []));
                else
                {
                    kept.Remove(module);
                    outcomes[module.Path] = Fail(module.Path, reason, module.Manifest, null);
                }
            }

            foreach (var (module, predecessor) in pending.Where(p => p.Predecessor is not null && composition.Accepted.Contains(p.Module)))
            {
                var changes = SchemaDiff.Compare(previous!.Contributions[predecessor!.Manifest.Id],
                    ModuleContribution.Extract(composition.Schema, module, composition.RootFieldOwners));
                if (ModuleClashes.BreakingUpgrade(module, predecessor, changes) is { } reason) refusals.Add((module, predecessor, reason, changes));
            }

            if (refusals.Count == 0 && applyMigrations)
            {
                foreach (var (module, predecessor) in pending.Where(p => composition.Accepted.Contains(p.Module) && !migrated.Contains(p.Module)))
                {
                    try
                    {
                        await timings.MeasureAsync(StartupTimings.ModuleLoading, async () =>
                        {
                            await ModuleLoader.MigrateAsync(module, cancellationToken);
                            await Kernel.Records.RetentionRecompute.OnModuleMigratedAsync(module, logger, cancellationToken);
                            return migrated.Add(module);
                        });
                    }
                    catch (ModuleLoadException e)
                    {
                        logger.LogError(e.InnerException, "Module {ModuleId}: {Reason}", module.Manifest.Id, e.Message);
                        refusals.Add((module, predecessor, e.Message, []));
                    }
                }
            }

            if (refusals.Count == 0) return Finish(composition, pending, previous, outcomes);

            foreach (var (module, predecessor, reason, changes) in refusals)
            {
                pending.RemoveAll(p => p.Module == module);
                await RejectAsync(module, predecessor, reason, changes, kept, outcomes, remember: true);
            }
        }
    }

    private SchemaSnapshot Finish(SchemaComposer.Result composition, List<(LoadedModule Module, LoadedModule? Predecessor)> pending,
        SchemaSnapshot? previous, Dictionary<string, ModuleDescriptor> outcomes)
    {
        var retained = host.RetainedVersions();
        var contributions = new Dictionary<string, ModuleContribution>(StringComparer.Ordinal);
        foreach (var module in composition.Accepted)
        {
            var contribution = ModuleContribution.Extract(composition.Schema, module, composition.RootFieldOwners);
            contributions[module.Manifest.Id] = contribution;
            var entry = pending.FirstOrDefault(p => p.Module == module);
            if (entry.Module is not null)
            {
                var before = entry.Predecessor is { } predecessor ? previous!.Contributions[predecessor.Manifest.Id] : ModuleContribution.Empty;
                var change = new ModuleChange(entry.Predecessor?.Manifest.Version, module.Manifest.Version, clock.GetUtcNow(), true, null,
                    SchemaDiff.Compare(before, contribution));
                _lastChanges[module.Manifest.Id] = change;
                logger.LogInformation("Loaded module {ModuleId} {ModuleVersion} from {ModulePath}{Upgrade}. Schema changes: {Changes}",
                    module.Manifest.Id, module.Manifest.Version, module.Path,
                    entry.Predecessor is null ? "" : $" (was {entry.Predecessor.Manifest.Version})", Describe(change.SchemaChanges));
            }

            var lastChange = _lastChanges.GetValueOrDefault(module.Manifest.Id);
            var retainedVersions = retained.GetValueOrDefault(module.Manifest.Id);
            outcomes[module.Path] = new ModuleDescriptor(module.Manifest.Id, module.Manifest.DisplayName, module.Manifest.Version,
                module.Manifest.ContractsVersion, ModuleStatus.Loaded,
                lastChange is { Applied: false } ? $"Version {lastChange.ToVersion} was not applied: {lastChange.Reason}" : null,
                module.Path)
            {
                LoadedAt = module.LoadedAt,
                Contribution = contribution,
                LastChange = lastChange,
                ReportTypes = module.Services.GetServices<SenGraph.Contracts.Reports.Workflow.IReportType>()
                    .Select(t => new ModuleReportType(t.Code, t.Name, t.Retention)).OrderBy(t => t.Code, StringComparer.Ordinal).ToList(),
                RetainedVersions = retainedVersions,
                RestartRecommended = retainedVersions >= options.Value.RestartRecommendedAfter,
            };
        }

        // The host's own policies first (joined by the modules' roles that are granted them): a module cannot redefine one.
        var policies = new Dictionary<string, Microsoft.AspNetCore.Authorization.AuthorizationPolicy>(
            SenGraph.Host.Security.HostPolicies.With(composition.Accepted.SelectMany(m => m.Roles)), StringComparer.Ordinal);
        foreach (var (name, policy) in composition.Accepted.SelectMany(m => m.Policies)) policies.TryAdd(name, policy);
        var descriptors = outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Value).ToList();
        return new SchemaSnapshot(composition.Schema, descriptors, composition.Accepted, policies, contributions);
    }

    /// <summary>
    /// Drops a newly loaded module. When it was meant to replace a running version, the running
    /// version stays and the refusal is recorded as that module's last change.
    /// </summary>
    private async Task RejectAsync(LoadedModule module, LoadedModule? predecessor, string reason, IReadOnlyList<SchemaChange> changes,
        List<LoadedModule> kept, Dictionary<string, ModuleDescriptor> outcomes, bool remember)
    {
        if (remember) _refusedFolders[module.Path] = (module.Fingerprint, reason, module.Manifest);
        if (predecessor is not null) RefuseUpgrade(predecessor, module.Manifest.Version, reason, changes, kept, null);
        else outcomes[module.Path] = Fail(module.Path, reason, module.Manifest, null);
        await module.DisposeAsync();
    }

    private void RefuseUpgrade(LoadedModule running, string? version, string reason, IReadOnlyList<SchemaChange> changes, List<LoadedModule> kept, Exception? exception)
    {
        kept.Add(running);
        _lastChanges[running.Manifest.Id] = new ModuleChange(running.Manifest.Version, version ?? "unknown", clock.GetUtcNow(), false, reason, changes);
        logger.LogError(exception, "Module {ModuleId}: version {Version} was not applied, {Running} keeps serving: {Reason} Schema changes: {Changes}",
            running.Manifest.Id, version ?? "unknown", running.Manifest.Version, reason, Describe(changes));
    }

    private static string Describe(IReadOnlyList<SchemaChange> changes) =>
        changes.Count == 0 ? "none" : string.Join("; ", changes.Select(c => $"{c.Level}: {c.Description}"));

    private ModuleDescriptor Fail(string path, string reason, ModuleManifest? manifest, Exception? exception)
    {
        var name = Path.GetFileName(path);
        logger.LogError(exception, "Module {Module} skipped: {Reason}", manifest?.Id ?? name, reason);
        return ModuleDescriptor.Failed(name, path, reason, manifest);
    }
}
