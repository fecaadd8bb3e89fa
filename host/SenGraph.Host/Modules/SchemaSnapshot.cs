using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;

namespace SenGraph.Host.Modules;

/// <summary>
/// One immutable state of the running host: the composed schema, the modules behind it and the
/// policies they declared. Requests take the current snapshot once and keep it to the end.
/// </summary>
public sealed record SchemaSnapshot(
    ISchema Schema,
    IReadOnlyList<ModuleDescriptor> Modules,
    IReadOnlyList<LoadedModule> LoadedModules,
    IReadOnlyDictionary<string, AuthorizationPolicy> Policies);

/// <summary>Holds the current <see cref="SchemaSnapshot"/> and replaces it atomically.</summary>
public sealed class SchemaHost
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ISchema, SchemaSnapshot> _bySchema = new();
    private SchemaSnapshot? _current;

    /// <summary>The snapshot new requests use.</summary>
    public SchemaSnapshot Current =>
        Volatile.Read(ref _current) ?? throw new InvalidOperationException("The modules have not been loaded yet.");

    /// <summary>True once a snapshot has been published.</summary>
    public bool IsReady => Volatile.Read(ref _current) is not null;

    /// <summary>Makes <paramref name="snapshot"/> the one new requests use.</summary>
    public void Publish(SchemaSnapshot snapshot)
    {
        _bySchema.AddOrUpdate(snapshot.Schema, snapshot);
        Volatile.Write(ref _current, snapshot);
    }

    /// <summary>The snapshot a schema belongs to (what a running request sees, even after a swap).</summary>
    public SchemaSnapshot SnapshotOf(ISchema schema) =>
        _bySchema.TryGetValue(schema, out var snapshot) ? snapshot : Current;
}
