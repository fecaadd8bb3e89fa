using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SenGraph.Host.Modules;

namespace SenGraph.Host.GraphQL.Pipeline;

/// <summary>
/// Keeps parsed documents that passed validation, per schema, so a repeated operation skips parsing
/// and validation (GraphQL.NET then runs only <see cref="ExecutionOptions.CachedDocumentValidationRules"/>,
/// where the per-caller authorization rule lives).
/// </summary>
public sealed class DocumentCache : IConfigureExecution, IDisposable
{
    private readonly MemoryCache _cache;
    private long _hits;
    private long _misses;

    private readonly SchemaHost _schemas;

    public DocumentCache(IOptions<GraphQLOptions> options, SchemaHost schemas)
    {
        _schemas = schemas;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.DocumentCacheCharacters) });

        // Documents are cached per schema; a new schema makes them all stale, and keeping them would
        // keep the old schema, and the module versions behind it, in memory.
        schemas.Published += (_, _) => _cache.Clear();
    }

    public float SortOrder => 200;

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is null || options.Schema is null)
            return await next(options);

        var key = new Key(options.Schema, options.Query);
        if (_cache.TryGetValue(key, out GraphQLDocument? cached))
        {
            Interlocked.Increment(ref _hits);
            options.Document = cached;
            return await next(options);
        }

        Interlocked.Increment(ref _misses);
        var result = await next(options);
        // A request that outlived a schema swap must not put the old schema back in (and keep it alive).
        if (result.Executed && result.Document is not null && _schemas.IsReady && ReferenceEquals(_schemas.Current.Schema, options.Schema))
            _cache.Set(key, result.Document, new MemoryCacheEntryOptions { Size = Math.Max(1, options.Query.Length) });
        return result;
    }

    public void Dispose() => _cache.Dispose();

    // The schema is compared by reference: a swapped-in schema starts with an empty cache.
    private sealed record Key(ISchema Schema, string Query);
}
