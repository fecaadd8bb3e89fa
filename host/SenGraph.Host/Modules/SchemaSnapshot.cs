using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;

namespace SenGraph.Host.Modules;

/// <summary>
/// One immutable state of the running host: the composed schema, the modules behind it and the
/// policies they declared. A request leases the current snapshot once and keeps it to its end.
/// </summary>
public sealed record SchemaSnapshot(
    ISchema Schema,
    IReadOnlyList<ModuleDescriptor> Modules,
    IReadOnlyList<LoadedModule> LoadedModules,
    IReadOnlyDictionary<string, AuthorizationPolicy> Policies,
    IReadOnlyDictionary<string, ModuleContribution> Contributions);

/// <summary>A request's hold on a snapshot: its modules stay loaded until every lease on it ends.</summary>
public sealed class SchemaLease(SchemaHost host, SchemaSnapshot snapshot) : IDisposable
{
    private int _released;

    public SchemaSnapshot Snapshot { get; } = snapshot;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) host.Release(Snapshot);
    }
}

/// <summary>
/// Holds the current <see cref="SchemaSnapshot"/> and replaces it atomically. Module versions that a
/// new snapshot no longer contains are disposed (their load contexts unloaded) once no lease holds
/// a snapshot that contains them.
/// </summary>
public sealed class SchemaHost(ILogger<SchemaHost> logger)
{
    private readonly object _sync = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ISchema, SchemaSnapshot> _bySchema = new();
    private readonly Dictionary<SchemaSnapshot, int> _leases = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<LoadedModule> _retiring = [];
    // Only weak references once disposed: anything stronger would itself keep the old version loaded.
    private readonly List<(string Id, WeakReference<System.Runtime.Loader.AssemblyLoadContext> Context)> _released = [];
    private SchemaSnapshot? _current;

    /// <summary>Raised after a new snapshot is published (old, new).</summary>
    public event Action<SchemaSnapshot?, SchemaSnapshot>? Published;

    /// <summary>The snapshot new requests use.</summary>
    public SchemaSnapshot Current =>
        Volatile.Read(ref _current) ?? throw new InvalidOperationException("The modules have not been loaded yet.");

    /// <summary>True once a snapshot has been published.</summary>
    public bool IsReady => Volatile.Read(ref _current) is not null;

    /// <summary>Leases the current snapshot; dispose the lease when the request is over.</summary>
    public SchemaLease Acquire()
    {
        lock (_sync)
        {
            var snapshot = Current;
            _leases[snapshot] = _leases.GetValueOrDefault(snapshot) + 1;
            return new SchemaLease(this, snapshot);
        }
    }

    /// <summary>Makes <paramref name="snapshot"/> the one new requests use.</summary>
    public void Publish(SchemaSnapshot snapshot)
    {
        SchemaSnapshot? previous;
        List<LoadedModule> release;
        lock (_sync)
        {
            _bySchema.AddOrUpdate(snapshot.Schema, snapshot);
            previous = _current;
            Volatile.Write(ref _current, snapshot);
            if (previous is not null)
            {
                foreach (var module in previous.LoadedModules.Except(snapshot.LoadedModules)) _retiring.Add(module);
            }

            release = TakeReleasable();
        }

        // One failing listener must not stop the others, nor the release of old module versions.
        foreach (var listener in Published?.GetInvocationList().Cast<Action<SchemaSnapshot?, SchemaSnapshot>>() ?? [])
        {
            try
            {
                listener(previous, snapshot);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A listener to schema changes failed.");
            }
        }

        DisposeAll(release);
    }

    /// <summary>The snapshot a schema belongs to (what a running request sees, even after a swap).</summary>
    public SchemaSnapshot SnapshotOf(ISchema schema) =>
        _bySchema.TryGetValue(schema, out var snapshot) ? snapshot : Current;

    /// <summary>Disposed module versions whose load contexts the runtime has not collected yet, per module id.</summary>
    public IReadOnlyDictionary<string, int> RetainedVersions()
    {
        lock (_sync)
        {
            _released.RemoveAll(m => !m.Context.TryGetTarget(out _));
            return _released.Select(r => r.Id).Concat(_retiring.Select(m => m.Manifest.Id))
                .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        }
    }

    internal void Release(SchemaSnapshot snapshot)
    {
        List<LoadedModule> release;
        lock (_sync)
        {
            if (--_leases[snapshot] == 0) _leases.Remove(snapshot);
            release = TakeReleasable();
        }

        DisposeAll(release);
    }

    private List<LoadedModule> TakeReleasable()
    {
        if (_retiring.Count == 0) return [];
        var held = _leases.Keys.SelectMany(s => s.LoadedModules).Concat(_current!.LoadedModules).ToHashSet();
        var release = _retiring.Where(m => !held.Contains(m)).ToList();
        foreach (var module in release)
        {
            _retiring.Remove(module);
            _released.Add((module.Manifest.Id, module.LoadContext));
        }

        return release;
    }

    private void DisposeAll(List<LoadedModule> modules)
    {
        foreach (var module in modules)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await module.DisposeAsync();
                    logger.LogInformation("Released module {ModuleId} {ModuleVersion}.", module.Manifest.Id, module.Manifest.Version);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Releasing module {ModuleId} {ModuleVersion} failed.", module.Manifest.Id, module.Manifest.Version);
                }
            });
        }
    }
}
